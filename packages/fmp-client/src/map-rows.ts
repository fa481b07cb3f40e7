import { isValidDate } from '@nasdaq-pipeline/market-calendar';
import type {
  BulkEodRow,
  DividendEvent,
  EodBar,
  ExchangeHoliday,
  MarketCapPoint,
  SplitEvent,
} from './types.js';

const NUMERIC = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A finite number, or a numeric string parsed explicitly (fmp-api.md §8.7); otherwise `null`. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim());
  return null;
}

function optionalNumber(value: unknown): number | null {
  return value === undefined || value === null || value === '' ? null : toNumber(value);
}

function optionalDate(value: unknown): string | null {
  return typeof value === 'string' && isValidDate(value) ? value : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * Maps one `historical-price-eod/full` (or, with `adjusted`, `dividend-adjusted`) row to an
 * {@link EodBar}; `null` when a required field is missing or not a number. Values are not judged
 * (negative prices, high < low stay for validation to quarantine).
 */
export function mapEodRow(value: unknown, fallbackSymbol: string, adjusted: boolean): EodBar | null {
  const row = record(value);
  if (!row || !isValidDate(row['date'])) return null;
  const open = toNumber(adjusted ? row['adjOpen'] : row['open']);
  const high = toNumber(adjusted ? row['adjHigh'] : row['high']);
  const low = toNumber(adjusted ? row['adjLow'] : row['low']);
  const close = toNumber(adjusted ? row['adjClose'] : row['close']);
  const volume = toNumber(row['volume']);
  if (open === null || high === null || low === null || close === null || volume === null) return null;
  return {
    symbol: typeof row['symbol'] === 'string' ? row['symbol'] : fallbackSymbol,
    date: row['date'] as string,
    open,
    high,
    low,
    close,
    volume,
    change: optionalNumber(row['change']),
    changePercent: optionalNumber(row['changePercent']),
    vwap: optionalNumber(row['vwap']),
  };
}

/** Maps a `splits` row; `null` when malformed. */
export function mapSplitRow(value: unknown, fallbackSymbol: string): SplitEvent | null {
  const row = record(value);
  if (!row || !isValidDate(row['date'])) return null;
  const numerator = toNumber(row['numerator']);
  const denominator = toNumber(row['denominator']);
  if (numerator === null || denominator === null) return null;
  const symbol = typeof row['symbol'] === 'string' ? row['symbol'] : fallbackSymbol;
  return { symbol, date: row['date'] as string, numerator, denominator };
}

/** Maps a `dividends` row (empty date strings become `null`); `null` when malformed. */
export function mapDividendRow(value: unknown, fallbackSymbol: string): DividendEvent | null {
  const row = record(value);
  if (!row || !isValidDate(row['date'])) return null;
  const dividend = toNumber(row['dividend']) ?? toNumber(row['adjDividend']);
  if (dividend === null) return null;
  return {
    symbol: typeof row['symbol'] === 'string' ? row['symbol'] : fallbackSymbol,
    date: row['date'] as string,
    recordDate: optionalDate(row['recordDate']),
    paymentDate: optionalDate(row['paymentDate']),
    declarationDate: optionalDate(row['declarationDate']),
    adjDividend: optionalNumber(row['adjDividend']),
    dividend,
    yield: optionalNumber(row['yield']),
    frequency: typeof row['frequency'] === 'string' ? row['frequency'] : null,
  };
}

/** Maps a `historical-market-capitalization` row; `null` when malformed. */
export function mapMarketCapRow(value: unknown, fallbackSymbol: string): MarketCapPoint | null {
  const row = record(value);
  if (!row || !isValidDate(row['date'])) return null;
  const marketCap = toNumber(row['marketCap']);
  if (marketCap === null) return null;
  const symbol = typeof row['symbol'] === 'string' ? row['symbol'] : fallbackSymbol;
  return { symbol, date: row['date'] as string, marketCap };
}

/** Maps an `eod-bulk` CSV row (all strings); `null` when a required value does not parse. */
export function mapBulkRow(row: Record<string, string>): BulkEodRow | null {
  const symbol = row['symbol'] ?? '';
  const date = row['date'] ?? '';
  if (symbol === '' || !isValidDate(date)) return null;
  const open = toNumber(row['open']);
  const low = toNumber(row['low']);
  const high = toNumber(row['high']);
  const close = toNumber(row['close']);
  const volume = toNumber(row['volume']);
  if (open === null || low === null || high === null || close === null || volume === null) return null;
  return { symbol, date, open, low, high, close, adjClose: optionalNumber(row['adjClose']), volume };
}

/** Maps a `holidays-by-exchange` row; `null` when malformed. */
export function mapHolidayRow(value: unknown): ExchangeHoliday | null {
  const row = record(value);
  if (!row || !isValidDate(row['date']) || typeof row['name'] !== 'string') return null;
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return {
    exchange: typeof row['exchange'] === 'string' ? row['exchange'] : 'NASDAQ',
    date: row['date'] as string,
    name: row['name'],
    isClosed: row['isClosed'] === true || row['isClosed'] === 'true',
    adjOpenTime: text(row['adjOpenTime']),
    adjCloseTime: text(row['adjCloseTime']),
  };
}

/** Keeps objects that carry a string `symbol` (profile, quote, constituent rows). */
export function mapSymbolRecord<T extends { symbol: string }>(value: unknown): T | null {
  const row = record(value);
  return row && typeof row['symbol'] === 'string' ? (row as T) : null;
}
