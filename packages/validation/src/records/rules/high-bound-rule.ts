import type { RecordRule } from '../types.js';
import { numberField } from './field.js';

/** `bar.high_bound`: high ≥ max(open, close) (hence also high ≥ low when low ≤ open). */
export const highBoundRule: RecordRule = {
  id: 'bar.high_bound',
  severity: 'error',
  description: 'high >= max(open, close, low)',
  check(bar) {
    const high = numberField(bar, 'high');
    if (high === undefined) return null;
    for (const f of ['open', 'close', 'low'] as const) {
      const v = numberField(bar, f);
      if (v !== undefined && high < v) return `high ${high} < ${f} ${v}`;
    }
    return null;
  },
};
