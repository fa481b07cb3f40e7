import {
  isValidDate,
  type MarketCalendar,
  nasdaqCalendar,
  toNewYorkTime,
} from '@nasdaq-pipeline/market-calendar';
import { canonicalizeSymbol } from './canonicalize-symbol.js';
import { DEFAULT_RETRY, type RetryOptions } from './compute-delay.js';
import { FmpInvalidArgumentError, FmpPlanError } from './errors.js';
import { splitHistoryWindows } from './history-windows.js';
import {
  mapBulkRow,
  mapDividendRow,
  mapEodRow,
  mapHolidayRow,
  mapMarketCapRow,
  mapSplitRow,
  mapSymbolRecord,
} from './map-rows.js';
import { normalizeHistory } from './normalize-history.js';
import { parseCsvPayload, parseRowsPayload } from './parse-payload.js';
import { isFmpPlan, PLAN_LIMITS, planAllows } from './plans.js';
import { createRateLimiter } from './rate-limiter.js';
import { createSemaphore } from './semaphore.js';
import { type BodyParser, callEndpoint, describeRequest, type Transport } from './transport.js';
import type {
  BulkEodRow,
  DividendEvent,
  DroppedRow,
  EodBar,
  ExchangeHoliday,
  FmpEndpoint,
  FmpPlan,
  FmpProfile,
  FmpQuote,
  FmpResult,
  MarketCapPoint,
  NasdaqConstituent,
  RawExchange,
  SplitEvent,
} from './types.js';

/** FMP's stable API root. */
export const DEFAULT_BASE_URL = 'https://financialmodelingprep.com/stable';

/** Options of {@link createFmpClient}. */
export interface FmpClientOptions {
  /** FMP key, sent as the `apikey` header only. `undefined` sends no key (the simulator accepts that). */
  apiKey: string | undefined;
  /** Stable API root (default {@link DEFAULT_BASE_URL}); the CLI maps `FMP_BASE_URL`. */
  baseUrl?: string;
  /** Subscription plan: gates endpoints before calling them and sizes the rate limiter. */
  plan: FmpPlan;
  /** Injected fetch (default `globalThis.fetch`); `createSimFetch()` runs the client on the simulator. */
  fetch?: typeof globalThis.fetch;
  /** Current time (default `() => new Date()`); decides today's partial bar and 429 waits. Must agree with `sleep`. */
  clock?: () => Date;
  /** Requests in flight at most (default 4). */
  concurrency?: number;
  /** Share of the plan's call limit the client allows itself (default 0.8, fmp-api.md §8.4). */
  rateLimitFraction?: number;
  /** Per-attempt timeout covering headers and body (default 30 000 ms). */
  timeoutMs?: number;
  /** Retry budget for transient failures (default 3 retries, 1 s doubling, 30 s cap). */
  retry?: Partial<RetryOptions>;
  /** Injected sleep (default `setTimeout`-based); tests pass an instant one. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected randomness in [0, 1) for jitter (default `Math.random`). */
  random?: () => number;
  /** Trading calendar (default the NASDAQ calendar). */
  calendar?: MarketCalendar;
  /** Minutes after the close before today's bar counts as complete (default 30). */
  settleMinutes?: number;
  /** Called with every HTTP exchange as soon as it is received (before classification). */
  onExchange?: (exchange: RawExchange) => void;
}

/** Price adjustment of {@link FmpClient.historicalEod}: `full` is split-adjusted only. */
export type EodAdjustment = 'full' | 'dividend-adjusted';

/** A typed client for the FMP stable API. Every method resolves to {@link FmpResult}. */
export interface FmpClient {
  /** The plan the client was created with. */
  readonly plan: FmpPlan;
  /** Whether the plan covers `endpoint` (no I/O). */
  allows(endpoint: FmpEndpoint): boolean;
  /**
   * End-of-day bars for `[from, to]`: requested in windows of ≤ 5 years, sorted ascending, identical
   * duplicates collapsed, today's partial bar and future rows dropped; `[]` is "no sessions".
   */
  historicalEod(query: {
    symbol: string;
    from: string;
    to: string;
    adjustment?: EodAdjustment;
  }): Promise<FmpResult<EodBar>>;
  /** Company profile: 0 rows (unknown/delisted symbol) or 1. */
  profile(symbol: string): Promise<FmpResult<FmpProfile>>;
  /** Splits, ascending by date. */
  splits(symbol: string): Promise<FmpResult<SplitEvent>>;
  /** Dividends, ascending by ex-date. */
  dividends(symbol: string): Promise<FmpResult<DividendEvent>>;
  /** Daily market capitalisation for `[from, to]`, ascending, ≤ 5-year windows. */
  historicalMarketCap(query: {
    symbol: string;
    from: string;
    to: string;
  }): Promise<FmpResult<MarketCapPoint>>;
  /** Quotes: `batch-quote` in chunks of 100 when the plan has it, else one `quote` call per symbol. */
  quote(symbols: string | readonly string[]): Promise<FmpResult<FmpQuote>>;
  /** Every listing's bar for one date (`eod-bulk`, CSV; Ultimate only). */
  eodBulk(date: string): Promise<FmpResult<BulkEodRow>>;
  /** The Nasdaq-100 list (Premium+). */
  nasdaqConstituents(): Promise<FmpResult<NasdaqConstituent>>;
  /** Holidays and shortened days of an exchange (default NASDAQ), ascending. */
  holidays(query: { from: string; to: string; exchange?: string }): Promise<FmpResult<ExchangeHoliday>>;
}

const BATCH_QUOTE_SIZE = 100;

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function positive(name: string, value: number | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new FmpInvalidArgumentError(
      `${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`,
    );
  }
  return value;
}

function checkDate(name: string, value: string): void {
  if (!isValidDate(value)) {
    throw new FmpInvalidArgumentError(`${name} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  }
}

function checkRange(from: string, to: string): void {
  checkDate('from', from);
  checkDate('to', to);
  if (from > to) throw new FmpInvalidArgumentError(`from (${from}) is after to (${to})`);
}

function mapAll<T>(rows: readonly unknown[], map: (row: unknown) => T | null, dropped: DroppedRow[]): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const mapped = map(row);
    if (mapped === null) dropped.push({ reason: 'invalid-row', row });
    else out.push(mapped);
  }
  return out;
}

function byDate<T extends { date: string }>(a: T, b: T): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * Creates an FMP stable-API client: header auth, plan gating before any call, a rate limiter at
 * `rateLimitFraction` of the plan's limit (free 250/day, starter 300/min, premium 750/min,
 * ultimate 3000/min), bounded concurrency, classified errors, retries of transient ones, and a circuit
 * breaker that fails every request after a bandwidth or suspension error.
 * @throws {FmpInvalidArgumentError} for an unknown plan, a non-http(s) base URL or bad numbers
 */
export function createFmpClient(options: FmpClientOptions): FmpClient {
  if (!isFmpPlan(options.plan)) {
    throw new FmpInvalidArgumentError(
      `plan must be free, starter, premium or ultimate, got ${JSON.stringify(options.plan)}`,
    );
  }
  const plan = options.plan;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/?#]+/i.test(baseUrl) || /[?#]/.test(baseUrl)) {
    throw new FmpInvalidArgumentError(
      `baseUrl must be an http(s) URL without query, got ${JSON.stringify(baseUrl)}`,
    );
  }
  const fraction = positive('rateLimitFraction', options.rateLimitFraction, 0.8, false);
  if (fraction > 1) throw new FmpInvalidArgumentError(`rateLimitFraction must be ≤ 1, got ${fraction}`);
  const clock = options.clock ?? (() => new Date());
  const sleep = options.sleep ?? defaultSleep;
  const calendar = options.calendar ?? nasdaqCalendar;
  const settleMinutes = options.settleMinutes ?? 30;
  const limit = PLAN_LIMITS[plan];
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  if (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0) {
    throw new FmpInvalidArgumentError(`retry.maxRetries must be an integer ≥ 0, got ${retry.maxRetries}`);
  }

  const transport: Transport = {
    fetch: options.fetch ?? globalThis.fetch,
    baseUrl,
    apiKey: options.apiKey,
    plan,
    timeoutMs: positive('timeoutMs', options.timeoutMs, 30_000, false),
    retry,
    sleep,
    random: options.random ?? Math.random,
    clock,
    limiter: createRateLimiter({
      limit: Math.max(1, Math.floor(limit.calls * fraction)),
      windowMs: limit.windowMs,
      now: () => clock().getTime(),
      sleep,
    }),
    semaphore: createSemaphore(positive('concurrency', options.concurrency, 4, true)),
    breaker: { error: null },
    onExchange: options.onExchange,
  };

  function gate(endpoint: FmpEndpoint, params: Record<string, string>): void {
    if (!planAllows(plan, endpoint)) {
      throw new FmpPlanError(
        'endpoint',
        `fmp-client: ${describeRequest(endpoint, params)} needs a higher plan than ${plan}; not called (set FMP_PLAN if your plan is higher)`,
        { endpoint },
      );
    }
  }

  async function fetchRows<T>(
    endpoint: FmpEndpoint,
    params: Record<string, string>,
    parse: BodyParser<T>,
  ): Promise<{ payload: T; raw: RawExchange[] }> {
    gate(endpoint, params);
    const { payload, exchanges } = await callEndpoint(transport, endpoint, params, parse);
    return { payload, raw: exchanges };
  }

  function sessionBounds(from: string, to: string) {
    const now = clock();
    return {
      from,
      to,
      lastCompleteSession: calendar.lastCompletedSession(now, { settleMinutes }),
      today: toNewYorkTime(now).date,
    };
  }

  async function windowed<T extends { date: string }>(
    endpoint: FmpEndpoint,
    symbol: string,
    from: string,
    to: string,
    map: (row: unknown) => T | null,
  ): Promise<FmpResult<T>> {
    const windows = splitHistoryWindows(from, to);
    gate(endpoint, { symbol, from, to });
    const parts = await Promise.all(
      windows.map((w) => fetchRows(endpoint, { symbol, from: w.from, to: w.to }, parseRowsPayload)),
    );
    const dropped: DroppedRow[] = [];
    const mapped = parts.flatMap((p) => mapAll(p.payload, map, dropped));
    const normal = normalizeHistory(mapped, sessionBounds(from, to));
    return { rows: normal.rows, raw: parts.flatMap((p) => p.raw), dropped: [...dropped, ...normal.dropped] };
  }

  async function simpleList<T>(
    endpoint: FmpEndpoint,
    params: Record<string, string>,
    map: (row: unknown) => T | null,
  ): Promise<FmpResult<T>> {
    const { payload, raw } = await fetchRows(endpoint, params, parseRowsPayload);
    const dropped: DroppedRow[] = [];
    return { rows: mapAll(payload, map, dropped), raw, dropped };
  }

  return {
    plan,
    allows: (endpoint) => planAllows(plan, endpoint),

    async historicalEod({ symbol, from, to, adjustment = 'full' }) {
      const canonical = canonicalizeSymbol(symbol);
      checkRange(from, to);
      if (adjustment !== 'full' && adjustment !== 'dividend-adjusted') {
        throw new FmpInvalidArgumentError(
          `adjustment must be full or dividend-adjusted, got ${String(adjustment)}`,
        );
      }
      const adjusted = adjustment === 'dividend-adjusted';
      return windowed(`historical-price-eod/${adjustment}`, canonical, from, to, (row) =>
        mapEodRow(row, canonical, adjusted),
      );
    },

    async historicalMarketCap({ symbol, from, to }) {
      const canonical = canonicalizeSymbol(symbol);
      checkRange(from, to);
      return windowed('historical-market-capitalization', canonical, from, to, (row) =>
        mapMarketCapRow(row, canonical),
      );
    },

    async profile(symbol) {
      const canonical = canonicalizeSymbol(symbol);
      return simpleList('profile', { symbol: canonical }, (row) => mapSymbolRecord<FmpProfile>(row));
    },

    async splits(symbol) {
      const canonical = canonicalizeSymbol(symbol);
      const result = await simpleList('splits', { symbol: canonical }, (row) => mapSplitRow(row, canonical));
      result.rows.sort(byDate);
      return result;
    },

    async dividends(symbol) {
      const canonical = canonicalizeSymbol(symbol);
      const result = await simpleList('dividends', { symbol: canonical }, (row) =>
        mapDividendRow(row, canonical),
      );
      result.rows.sort(byDate);
      return result;
    },

    async quote(symbols) {
      const list = [...new Set((typeof symbols === 'string' ? [symbols] : symbols).map(canonicalizeSymbol))];
      if (list.length === 0) return { rows: [], raw: [], dropped: [] };
      const map = (row: unknown) => mapSymbolRecord<FmpQuote>(row);
      let parts: FmpResult<FmpQuote>[];
      if (list.length > 1 && planAllows(plan, 'batch-quote')) {
        const chunks: string[][] = [];
        for (let i = 0; i < list.length; i += BATCH_QUOTE_SIZE)
          chunks.push(list.slice(i, i + BATCH_QUOTE_SIZE));
        parts = await Promise.all(
          chunks.map((c) => simpleList('batch-quote', { symbols: c.join(',') }, map)),
        );
      } else {
        parts = await Promise.all(list.map((s) => simpleList('quote', { symbol: s }, map)));
      }
      return {
        rows: parts.flatMap((p) => p.rows),
        raw: parts.flatMap((p) => p.raw),
        dropped: parts.flatMap((p) => p.dropped),
      };
    },

    async eodBulk(date) {
      checkDate('date', date);
      const { payload, raw } = await fetchRows('eod-bulk', { date }, parseCsvPayload);
      const dropped: DroppedRow[] = [];
      return {
        rows: mapAll(payload, (row) => mapBulkRow(row as Record<string, string>), dropped),
        raw,
        dropped,
      };
    },

    async nasdaqConstituents() {
      return simpleList('nasdaq-constituent', {}, (row) => mapSymbolRecord<NasdaqConstituent>(row));
    },

    async holidays({ from, to, exchange = 'NASDAQ' }) {
      checkRange(from, to);
      if (!/^[A-Z]{2,12}$/.test(exchange)) {
        throw new FmpInvalidArgumentError(
          `exchange must be an upper-case code such as NASDAQ, got ${JSON.stringify(exchange)}`,
        );
      }
      const result = await simpleList('holidays-by-exchange', { exchange, from, to }, mapHolidayRow);
      result.rows.sort(byDate);
      return result;
    },
  };
}
