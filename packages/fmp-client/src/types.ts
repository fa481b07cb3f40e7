/** FMP subscription plans, cheapest first. */
export type FmpPlan = 'free' | 'starter' | 'premium' | 'ultimate';

/** Stable-API endpoints this client calls (paths below `/stable/`). */
export type FmpEndpoint =
  | 'historical-price-eod/full'
  | 'historical-price-eod/dividend-adjusted'
  | 'profile'
  | 'splits'
  | 'dividends'
  | 'historical-market-capitalization'
  | 'quote'
  | 'batch-quote'
  | 'eod-bulk'
  | 'nasdaq-constituent'
  | 'holidays-by-exchange';

/**
 * One HTTP exchange exactly as received, for the raw zone. Never contains the API key: the key
 * travels in a header, `params` never hold it and `url` is redacted.
 */
export interface RawExchange {
  /** Stable-API path below `/stable/`, e.g. `historical-price-eod/full`. */
  endpoint: string;
  /** Query parameters sent (never the key). */
  params: Record<string, string>;
  /** HTTP status. */
  status: number;
  /** Response body decoded as UTF-8 (a BOM kept), never re-parsed or re-serialised. */
  body: string;
  /** Size of the body in bytes, as received. */
  bytes: number;
  /** True when the body contained the API key and it was replaced by `***` (the only change ever made). */
  redacted: boolean;
  /** `Content-Type` response header, or `null`. */
  contentType: string | null;
  /** When the body finished arriving, ISO 8601 (from the client's clock). */
  receivedAt: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** Request URL with any secret redacted. */
  url: string;
}

/** Why a row of a response did not make it into `rows` (it stays in the raw exchange). */
export type DropReason = 'invalid-row' | 'duplicate' | 'out-of-range' | 'partial-session' | 'future-date';

/** A row left out of `rows`, with the reason. */
export interface DroppedRow {
  reason: DropReason;
  /** The row as parsed from the body. */
  row: unknown;
}

/** What every client method resolves to: typed rows plus every HTTP exchange the call made. */
export interface FmpResult<T> {
  rows: T[];
  raw: RawExchange[];
  /** Rows of the responses that were left out of `rows`, with the reason (empty for most calls). */
  dropped: DroppedRow[];
}

/** One end-of-day bar (`historical-price-eod/full`; `dividend-adjusted` maps `adjOpen`… onto the same names). */
export interface EodBar {
  symbol: string;
  /** Exchange-local calendar date `YYYY-MM-DD`. */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  /** As sent; may be fractional (validation decides). */
  volume: number;
  /** FMP's close − open of the same day (not day over day); `null` when absent. */
  change: number | null;
  /** FMP's intraday percent change; `null` when absent. */
  changePercent: number | null;
  /** FMP's typical price (H+L+C)/3; `null` when absent. */
  vwap: number | null;
}

/** A split (`splits`). */
export interface SplitEvent {
  symbol: string;
  date: string;
  numerator: number;
  denominator: number;
}

/** A dividend (`dividends`); dates other than `date` (ex-date) may be `null` when FMP sends `""`. */
export interface DividendEvent {
  symbol: string;
  date: string;
  recordDate: string | null;
  paymentDate: string | null;
  declarationDate: string | null;
  adjDividend: number | null;
  dividend: number;
  yield: number | null;
  frequency: string | null;
}

/** A market capitalisation point (`historical-market-capitalization`). */
export interface MarketCapPoint {
  symbol: string;
  date: string;
  marketCap: number;
}

/** A row of `eod-bulk` (CSV; every value parsed from a string). */
export interface BulkEodRow {
  symbol: string;
  date: string;
  open: number;
  low: number;
  high: number;
  close: number;
  adjClose: number | null;
  volume: number;
}

/** A company profile (`profile`): the documented fields; others are kept as sent. */
export interface FmpProfile {
  symbol: string;
  companyName?: string | null;
  exchange?: string | null;
  exchangeFullName?: string | null;
  sector?: string | null;
  industry?: string | null;
  country?: string | null;
  currency?: string | null;
  ipoDate?: string | null;
  marketCap?: number | null;
  price?: number | null;
  isActivelyTrading?: boolean | null;
  [field: string]: unknown;
}

/** A quote (`quote` / `batch-quote`); other fields are kept as sent. */
export interface FmpQuote {
  symbol: string;
  price?: number | null;
  previousClose?: number | null;
  volume?: number | null;
  timestamp?: number | null;
  marketCap?: number | null;
  [field: string]: unknown;
}

/** A Nasdaq-100 constituent (`nasdaq-constituent`). */
export interface NasdaqConstituent {
  symbol: string;
  name?: string | null;
  sector?: string | null;
  subSector?: string | null;
  [field: string]: unknown;
}

/** A holiday or shortened day (`holidays-by-exchange`). */
export interface ExchangeHoliday {
  exchange: string;
  date: string;
  name: string;
  isClosed: boolean;
  adjOpenTime: string | null;
  adjCloseTime: string | null;
}
