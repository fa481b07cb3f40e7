import type { RecordRule } from '../types.js';
import { numberField, PRICE_FIELDS } from './field.js';

/** `bar.price_positive`: open, high, low and close are finite and > 0. */
export const pricePositiveRule: RecordRule = {
  id: 'bar.price_positive',
  severity: 'error',
  description: 'open, high, low and close are finite numbers > 0',
  check(bar) {
    const bad = PRICE_FIELDS.filter((f) => {
      const v = numberField(bar, f);
      return v !== undefined && !(Number.isFinite(v) && v > 0);
    });
    return bad.length ? bad.map((f) => `${f} ${String(bar[f])} is not > 0`).join(', ') : null;
  },
};
