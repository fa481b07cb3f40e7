import type { RawBar } from './types.js';

const NUMERIC = ['open', 'high', 'low', 'close', 'volume'] as const;

/**
 * Turns one parsed `eod-bulk` CSV row (every value a string, FMP column order
 * `symbol,date,open,low,high,close,adjClose,volume`) into the shape of a `historical-price-eod/full`
 * row, so the same record rules apply. Numeric strings become numbers; anything else is kept as
 * received, so `bar.schema` rejects it with the raw value visible.
 */
export function coerceEodBulkRow(row: Readonly<Record<string, unknown>>): RawBar {
  const out: Record<string, unknown> = { symbol: row['symbol'], date: row['date'] };
  for (const f of NUMERIC) {
    const v = row[f];
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    out[f] = Number.isFinite(n) ? n : v;
  }
  return out;
}
