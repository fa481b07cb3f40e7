import type { RawExchange } from './types.js';

/** Options shared by every {@link FmpError}. */
export interface FmpErrorOptions {
  /** The underlying error (network failure, parse error…). */
  cause?: unknown;
  /** HTTP status of the failing response, when there was one. */
  status?: number | null;
  /** Stable-API endpoint of the failing request, when there was one. */
  endpoint?: string | null;
  /** Every HTTP exchange made before the failure (bodies as received, never the key). */
  exchanges?: RawExchange[];
}

/**
 * Base class of every fmp-client error. `code` is stable (switch on it, not on the message);
 * `transient` says whether retrying the same request later can succeed (the client retries only
 * those); `exchanges` carries what FMP answered so the raw zone can keep error bodies too.
 */
export class FmpError extends Error {
  readonly code: string;
  readonly transient: boolean;
  readonly status: number | null;
  readonly endpoint: string | null;
  /** Exchanges made for the failing call, filled in by the client before it throws. */
  exchanges: RawExchange[];

  constructor(code: string, message: string, transient: boolean, options: FmpErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.transient = transient;
    this.status = options.status ?? null;
    this.endpoint = options.endpoint ?? null;
    this.exchanges = options.exchanges ?? [];
  }
}

/** A symbol that is not a well-formed ticker; thrown before any I/O. Not transient. */
export class FmpInvalidSymbolError extends FmpError {
  readonly input: string;
  constructor(input: string, reason: string) {
    const shown = JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
    super(
      'FMP_INVALID_SYMBOL',
      `fmp-client: invalid symbol ${shown} — ${reason}; use an upper-case ticker such as AAPL or BRK-B`,
      false,
    );
    this.input = input;
  }
}

/** A bad argument or option (date, plan, concurrency…); thrown before any I/O. Not transient. */
export class FmpInvalidArgumentError extends FmpError {
  constructor(message: string) {
    super('FMP_INVALID_ARGUMENT', `fmp-client: ${message}`, false);
  }
}

/** 401, or a body saying `Invalid API KEY`: the key is missing or wrong. Not transient. */
export class FmpAuthError extends FmpError {
  constructor(message: string, options?: FmpErrorOptions) {
    super('FMP_AUTH', message, false, options);
  }
}

/**
 * 402 (or a plan check before the call): the plan does not cover the endpoint (`scope: 'endpoint'`)
 * or this symbol/parameter value (`scope: 'symbol'`, FMP's "Premium Query Parameter"). Not transient.
 */
export class FmpPlanError extends FmpError {
  readonly scope: 'endpoint' | 'symbol';
  constructor(scope: 'endpoint' | 'symbol', message: string, options?: FmpErrorOptions) {
    super('FMP_PLAN', message, false, options);
    this.scope = scope;
  }
}

/** 403 "Legacy Endpoint": a v3/v4 path called with a post-August-2025 key. Not transient. */
export class FmpLegacyEndpointError extends FmpError {
  constructor(message: string, options?: FmpErrorOptions) {
    super('FMP_LEGACY_ENDPOINT', message, false, options);
  }
}

/**
 * 429 "Limit Reach". Transient for per-minute limits (paid plans); not transient on the free plan,
 * whose limit is per day. The client waits for Retry-After, else the next minute boundary.
 */
export class FmpRateLimitError extends FmpError {
  readonly window: 'minute' | 'day';
  /** Milliseconds the client waits before retrying (set when it retries; `null` otherwise). */
  retryAfterMs: number | null;
  constructor(
    window: 'minute' | 'day',
    retryAfterMs: number | null,
    message: string,
    options?: FmpErrorOptions,
  ) {
    super('FMP_RATE_LIMIT', message, window === 'minute', options);
    this.window = window;
    this.retryAfterMs = retryAfterMs;
  }
}

/** 429 "Bandwidth Limit Reach": the 30-day bandwidth cap. Not transient; trips the client's circuit breaker. */
export class FmpBandwidthError extends FmpError {
  constructor(message: string, options?: FmpErrorOptions) {
    super('FMP_BANDWIDTH', message, false, options);
  }
}

/** 403 "Account suspended". Not transient; trips the client's circuit breaker. */
export class FmpSuspendedError extends FmpError {
  constructor(message: string, options?: FmpErrorOptions) {
    super('FMP_SUSPENDED', message, false, options);
  }
}

/**
 * Any other unexpected HTTP answer: 5xx (transient), or a 3xx/4xx/error-shaped 200 the taxonomy does
 * not name (not transient; redirects are refused so the key never follows one).
 */
export class FmpServerError extends FmpError {
  constructor(status: number, message: string, options?: FmpErrorOptions) {
    super('FMP_SERVER', message, status >= 500 || status === 408, { ...options, status });
  }
}

/** No usable HTTP response: connection refused/reset, DNS, or the request timed out. Transient. */
export class FmpNetworkError extends FmpError {
  readonly reason: 'timeout' | 'connection';
  constructor(reason: 'timeout' | 'connection', message: string, options?: FmpErrorOptions) {
    super('FMP_NETWORK', message, true, options);
    this.reason = reason;
  }
}

/**
 * A 2xx whose body cannot be read as the endpoint's payload: empty, truncated or invalid JSON, an
 * HTML page, or a top-level shape that is neither the stable array nor a known legacy wrapper.
 * Transient (these come from proxies and cut connections), so retried within the retry budget.
 */
export class FmpMalformedResponseError extends FmpError {
  constructor(message: string, options?: FmpErrorOptions) {
    super('FMP_MALFORMED_RESPONSE', message, true, options);
  }
}
