import {
  addDays,
  isValidDate,
  type NasdaqCalendar,
  nasdaqCalendar,
  toNewYorkTime,
} from '@nasdaq-pipeline/market-calendar';
import { applyDataFaults } from './apply-data-faults.js';
import { DEFAULT_SYMBOLS } from './default-symbols.js';
import {
  buildBulkCsv,
  buildConstituents,
  buildDividends,
  buildHolidays,
  buildMarketCaps,
  buildProfile,
  buildQuote,
  buildSplits,
  type Horizon,
  type PayloadContext,
  servedBars,
  toDividendAdjusted,
} from './endpoint-payloads.js';
import { SimConfigError } from './errors.js';
import {
  createFaultInjector,
  DATA_FAULTS,
  type FaultKind,
  type FaultRule,
  validateFaults,
} from './faults.js';
import {
  BANDWIDTH_BODY,
  HTML_PAGE_BODY,
  INVALID_KEY_200_BODY,
  INVALID_KEY_BODY,
  LEGACY_BODY,
  LIMIT_REACH_BODY,
  PREMIUM_SYMBOL_BODY,
  RESTRICTED_ENDPOINT_BODY,
  SUSPENDED_BODY,
} from './fmp-bodies.js';
import { getSessionIndex } from './session-index.js';
import {
  FREE_SYMBOLS,
  SIM_ENDPOINT_PLAN,
  SIM_PLAN_LIMITS,
  SIM_PLANS,
  type SimPlan,
  simPlanAllows,
} from './sim-plans.js';
import { buildSymbolModel, type SymbolModel } from './symbol-model.js';

/** Options shared by both faces of the simulator. */
export interface SimMarketOptions {
  /** Seed of prices, profiles of unknown symbols and fault draws (default 0). */
  seed?: number;
  /** Plan impersonated: gates endpoints, free-plan symbols and call limits (default `ultimate`). */
  plan?: SimPlan;
  /** Fault rules (see README); validated. */
  faults?: readonly FaultRule[];
  /** The simulator's "now" (default `() => new Date()`): no session after it is served. */
  now?: () => Date;
  /** Fixed universe: other symbols answer `[]`. Default: any well-formed symbol is served. */
  symbols?: readonly string[];
  /** When set, requests must carry this key (header or query `apikey`), else 401. Default: any key. */
  apiKey?: string;
  /** Enforce the plan's call limit with 429 "Limit Reach" (default true). */
  enforceRateLimit?: boolean;
  /** Clock of the call-limit windows in ms (default `Date.now`), separate from `now`. */
  clock?: () => number;
  /** Trading calendar (default the NASDAQ calendar). */
  calendar?: NasdaqCalendar;
}

/** A simulated answer: an HTTP response, a reset connection, or no answer at all. */
export type SimResponse =
  | { kind: 'http'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'reset' }
  | { kind: 'hang' };

/** The request as the simulator sees it. */
export interface SimRequest {
  method: string;
  url: URL;
  /** Lower-case header names. */
  headers: Headers;
}

/** The simulator behind `createSimFetch` and `startSimServer`. */
export interface SimMarket {
  handle(request: SimRequest): SimResponse;
  /** Requests handled so far. */
  requests(): number;
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const TEXT_TYPE = 'text/plain;charset=UTF-8';
const CSV_TYPE = 'text/csv;charset=UTF-8';
const SYMBOL_SHAPE = /^\^?[A-Z0-9]{1,10}(?:-[A-Z0-9]{1,5})?(?:\.[A-Z]{1,4})?$/;
const SYMBOL_ENDPOINTS = new Set([
  'historical-price-eod/full',
  'historical-price-eod/dividend-adjusted',
  'profile',
  'splits',
  'dividends',
  'historical-market-capitalization',
  'quote',
]);

function http(
  status: number,
  body: string,
  type = JSON_TYPE,
  extra: Record<string, string> = {},
): SimResponse {
  return { kind: 'http', status, headers: { 'content-type': type, ...extra }, body };
}

function json(value: unknown): SimResponse {
  return http(200, JSON.stringify(value));
}

function faultResponse(kind: FaultKind): SimResponse | null {
  switch (kind) {
    case 'rate-limit':
      return http(429, LIMIT_REACH_BODY);
    case 'rate-limit-retry-after':
      return http(429, LIMIT_REACH_BODY, JSON_TYPE, { 'retry-after': '1' });
    case 'bandwidth':
      return http(429, BANDWIDTH_BODY);
    case 'suspended':
      return http(403, SUSPENDED_BODY);
    case 'invalid-key':
      return http(401, INVALID_KEY_BODY);
    case 'invalid-key-200':
      return http(200, INVALID_KEY_200_BODY);
    case 'restricted-endpoint':
      return http(402, RESTRICTED_ENDPOINT_BODY, TEXT_TYPE);
    case 'premium-symbol':
      return http(402, PREMIUM_SYMBOL_BODY, TEXT_TYPE);
    case 'legacy-endpoint':
      return http(403, LEGACY_BODY);
    case 'http-500':
      return http(500, JSON.stringify({ 'Error Message': 'Internal Server Error' }));
    case 'http-502':
      return http(502, HTML_PAGE_BODY, 'text/html');
    case 'http-503':
      return http(503, 'Service Temporarily Unavailable', TEXT_TYPE);
    case 'timeout':
      return { kind: 'hang' };
    case 'reset':
      return { kind: 'reset' };
    case 'html':
      return http(200, HTML_PAGE_BODY, 'text/html; charset=utf-8');
    default:
      return null;
  }
}

function damageBody(response: SimResponse, kinds: readonly FaultKind[]): SimResponse {
  if (response.kind !== 'http') return response;
  let body = response.body;
  for (const kind of kinds) {
    if (kind === 'malformed-json') body = body.length > 2 ? `${body.slice(0, -1)},,}` : '[{,}';
    else if (kind === 'truncated') body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
    else if (kind === 'empty') body = '';
  }
  return { ...response, body };
}

/**
 * Creates the deterministic simulated market both faces share: it answers stable-API paths exactly as
 * FMP does (newest first, `[]` for unknown symbols, CSV for `eod-bulk`, plan gating, FMP's error
 * bodies) and injects the configured faults.
 * @throws {SimConfigError} for an unknown plan, bad faults or a bad universe
 */
export function createSimMarket(options: SimMarketOptions = {}): SimMarket {
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed)) throw new SimConfigError(`seed must be an integer, got ${seed}`);
  const plan = options.plan ?? 'ultimate';
  if (!SIM_PLANS.includes(plan))
    throw new SimConfigError(`plan must be one of ${SIM_PLANS.join(', ')}, got ${plan}`);
  const faults = createFaultInjector(validateFaults(options.faults ?? []), seed);
  const now = options.now ?? (() => new Date());
  const clock = options.clock ?? Date.now;
  const calendar = options.calendar ?? nasdaqCalendar;
  const index = getSessionIndex(calendar);
  const universe = options.symbols ? [...options.symbols] : null;
  for (const s of universe ?? []) {
    if (!SYMBOL_SHAPE.test(s))
      throw new SimConfigError(`symbols: ${JSON.stringify(s)} is not a canonical ticker`);
  }
  const universeSet = universe ? new Set(universe) : null;
  const models = new Map<string, SymbolModel>();
  const limit = SIM_PLAN_LIMITS[plan];
  let windowKey = -1;
  let windowCount = 0;
  let handled = 0;

  function model(symbol: string): SymbolModel {
    let m = models.get(symbol);
    if (!m) {
      m = buildSymbolModel(symbol, seed, index);
      models.set(symbol, m);
    }
    return m;
  }

  function known(symbol: string): boolean {
    return SYMBOL_SHAPE.test(symbol) && (universeSet === null || universeSet.has(symbol));
  }

  function horizon(): Horizon {
    const at = now();
    const ny = toNewYorkTime(at);
    const open = 9.5 * 3600;
    let last: string;
    let partial: Horizon['partial'] = null;
    if (calendar.isSession(ny.date) && ny.secondsOfDay >= open) {
      last = ny.date;
      const [h, m] = (calendar.closeTime(ny.date) ?? '16:00').split(':').map(Number) as [number, number];
      const close = h * 3600 + m * 60;
      if (ny.secondsOfDay < close)
        partial = { date: ny.date, fraction: (ny.secondsOfDay - open) / (close - open) };
    } else {
      last = calendar.previousSession(ny.date);
    }
    return { last, partial, today: ny.date, nowMs: at.getTime() };
  }

  function rateLimited(): boolean {
    if (options.enforceRateLimit === false) return false;
    const key = Math.floor(clock() / limit.windowMs);
    if (key !== windowKey) {
      windowKey = key;
      windowCount = 0;
    }
    windowCount++;
    return windowCount > limit.calls;
  }

  function range(params: URLSearchParams, h: Horizon): { from: string; to: string } | SimResponse {
    const to = params.get('to') ?? h.today;
    const from = params.get('from') ?? addDays(to, -1826);
    if (!isValidDate(from) || !isValidDate(to)) {
      return http(400, JSON.stringify({ 'Error Message': 'Invalid date format, expected YYYY-MM-DD' }));
    }
    return { from: from < '2000-01-01' ? '2000-01-01' : from, to: to > '2100-12-31' ? '2100-12-31' : to };
  }

  function route(endpoint: string, params: URLSearchParams, dataFaults: FaultKind[]): SimResponse {
    const h = horizon();
    const ctx: PayloadContext = { index, calendar, horizon: h, model };
    const symbol = params.get('symbol') ?? '';
    switch (endpoint) {
      case 'historical-price-eod/full':
      case 'historical-price-eod/dividend-adjusted': {
        const r = range(params, h);
        if ('kind' in r) return r;
        if (!known(symbol)) return json([]);
        const bars = servedBars(ctx, symbol, r.from, r.to);
        const rows: Record<string, unknown>[] =
          endpoint === 'historical-price-eod/full'
            ? bars.map((b) => ({ ...b }))
            : toDividendAdjusted(ctx, symbol, bars);
        // FMP answers newest first.
        rows.reverse();
        if (dataFaults.length === 0) return json(rows);
        const next = index.sessions[index.floor(h.last) + 1] ?? h.last;
        return json(
          applyDataFaults(rows, dataFaults, {
            nextSession: next,
            today: h.today,
            todayIsSession: calendar.isSession(h.today),
          }),
        );
      }
      case 'historical-market-capitalization': {
        const r = range(params, h);
        if ('kind' in r) return r;
        return json(known(symbol) ? buildMarketCaps(ctx, symbol, r.from, r.to).reverse() : []);
      }
      case 'profile': {
        const row = known(symbol) ? buildProfile(ctx, symbol) : null;
        return json(row ? [row] : []);
      }
      case 'quote':
      case 'batch-quote': {
        const list = endpoint === 'quote' ? [symbol] : (params.get('symbols') ?? '').split(',');
        return json(list.filter(known).flatMap((s) => buildQuote(ctx, s) ?? []));
      }
      case 'splits':
      case 'dividends': {
        if (!known(symbol)) return json([]);
        const rows = endpoint === 'splits' ? buildSplits(ctx, symbol) : buildDividends(ctx, symbol);
        const n = Number(params.get('limit') ?? '1000');
        return json(rows.slice(0, Number.isFinite(n) && n >= 0 ? Math.min(n, 1000) : 1000));
      }
      case 'eod-bulk': {
        const date = params.get('date') ?? '';
        if (!isValidDate(date))
          return http(400, JSON.stringify({ 'Error Message': 'date is required (YYYY-MM-DD)' }));
        return http(200, buildBulkCsv(ctx, universe ?? DEFAULT_SYMBOLS, date), CSV_TYPE);
      }
      case 'nasdaq-constituent':
        return json(buildConstituents(universe ?? DEFAULT_SYMBOLS));
      case 'holidays-by-exchange': {
        const year = h.today.slice(0, 4);
        const from = params.get('from') ?? `${year}-01-01`;
        const to = params.get('to') ?? `${year}-12-31`;
        if (!isValidDate(from) || !isValidDate(to))
          return http(400, JSON.stringify({ 'Error Message': 'Invalid date' }));
        return json(buildHolidays(ctx, params.get('exchange') ?? '', from, to));
      }
      default:
        return http(404, JSON.stringify({ 'Error Message': `Unknown endpoint ${endpoint}` }));
    }
  }

  return {
    requests: () => handled,
    handle(request) {
      handled++;
      const path = request.url.pathname;
      if (/\/api\/v\d\//.test(path)) return http(403, LEGACY_BODY);
      const at = path.lastIndexOf('/stable/');
      if (at < 0) return http(404, JSON.stringify({ 'Error Message': 'Not found' }));
      const endpoint = path.slice(at + '/stable/'.length).replace(/\/+$/, '');
      const params = request.url.searchParams;
      if (options.apiKey !== undefined) {
        const key = request.headers.get('apikey') ?? params.get('apikey');
        if (key !== options.apiKey) return http(401, INVALID_KEY_BODY);
      }
      const kinds = faults.draw(endpoint, params.get('symbol') ?? params.get('symbols'));
      for (const kind of kinds) {
        const replaced = faultResponse(kind);
        if (replaced) return replaced;
      }
      if (endpoint in SIM_ENDPOINT_PLAN && !simPlanAllows(plan, endpoint)) {
        return http(402, RESTRICTED_ENDPOINT_BODY, TEXT_TYPE);
      }
      if (plan === 'free' && SYMBOL_ENDPOINTS.has(endpoint)) {
        const symbol = params.get('symbol') ?? '';
        if (symbol !== '' && !FREE_SYMBOLS.has(symbol)) return http(402, PREMIUM_SYMBOL_BODY, TEXT_TYPE);
      }
      if (rateLimited()) return http(429, LIMIT_REACH_BODY);
      const dataFaults = kinds.filter((k) => (DATA_FAULTS as readonly string[]).includes(k));
      return damageBody(route(endpoint, params, dataFaults), kinds);
    },
  };
}
