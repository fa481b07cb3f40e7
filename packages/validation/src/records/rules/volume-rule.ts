import type { RecordRule } from '../types.js';
import { numberField } from './field.js';

/**
 * `bar.volume`: volume is ≥ 0 and integral. FMP documents an integer but sometimes sends a float; an
 * integral float (`51447349.0`) is coerced, a fractional one is rejected.
 */
export const volumeRule: RecordRule = {
  id: 'bar.volume',
  severity: 'error',
  description: 'volume is an integer >= 0 (an integral float is coerced)',
  check(bar) {
    const v = numberField(bar, 'volume');
    if (v === undefined) return null;
    if (!Number.isFinite(v) || v < 0) return `volume ${String(v)} is not >= 0`;
    if (!Number.isInteger(v)) return `volume ${v} is not integral`;
    return null;
  },
};
