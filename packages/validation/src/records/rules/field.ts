import type { RawBar } from '../types.js';

/** The numeric price fields of an EOD bar. */
export const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;

/** `bar[field]` when it is a JS number (possibly NaN/Infinity), else `undefined`. */
export function numberField(bar: RawBar, field: string): number | undefined {
  const v = bar[field];
  return typeof v === 'number' ? v : undefined;
}

/** `bar[field]` when it is a string, else `undefined`. */
export function stringField(bar: RawBar, field: string): string | undefined {
  const v = bar[field];
  return typeof v === 'string' ? v : undefined;
}
