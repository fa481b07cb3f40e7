/**
 * @nasdaq-pipeline/fmp-client: typed client for the Financial Modeling Prep stable API: header auth,
 * plan gating, rate limits, retries, a circuit breaker and an error taxonomy. Every call returns typed
 * rows and every HTTP exchange as received, for the raw zone.
 *
 * @packageDocumentation
 */
export { createFmpClient, DEFAULT_BASE_URL } from './create-fmp-client.js';
export type { EodAdjustment, FmpClient, FmpClientOptions } from './create-fmp-client.js';
export { canonicalizeSymbol } from './canonicalize-symbol.js';
export { redactSecrets } from './redact-secrets.js';
export { classifyResponse } from './classify-response.js';
export type { ResponseToClassify } from './classify-response.js';
export { computeBackoffMs, computeRateLimitWaitMs, DEFAULT_RETRY } from './compute-delay.js';
export type { RetryOptions } from './compute-delay.js';
export { createRateLimiter } from './rate-limiter.js';
export type { RateLimiter, RateLimiterOptions } from './rate-limiter.js';
export { splitHistoryWindows } from './history-windows.js';
export type { DateWindow } from './history-windows.js';
export { ENDPOINT_MIN_PLAN, FMP_PLANS, isFmpPlan, PLAN_LIMITS, planAllows } from './plans.js';
export {
  FmpAuthError,
  FmpBandwidthError,
  FmpError,
  FmpInvalidArgumentError,
  FmpInvalidSymbolError,
  FmpLegacyEndpointError,
  FmpMalformedResponseError,
  FmpNetworkError,
  FmpPlanError,
  FmpRateLimitError,
  FmpServerError,
  FmpSuspendedError,
} from './errors.js';
export type { FmpErrorOptions } from './errors.js';
export type {
  BulkEodRow,
  DividendEvent,
  DropReason,
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
