import type { RecordRule } from '../types.js';
import { numberField } from './field.js';

/** `bar.low_bound`: low ≤ min(open, close). */
export const lowBoundRule: RecordRule = {
  id: 'bar.low_bound',
  severity: 'error',
  description: 'low <= min(open, close)',
  check(bar) {
    const low = numberField(bar, 'low');
    if (low === undefined) return null;
    for (const f of ['open', 'close'] as const) {
      const v = numberField(bar, f);
      if (v !== undefined && low > v) return `low ${low} > ${f} ${v}`;
    }
    return null;
  },
};
