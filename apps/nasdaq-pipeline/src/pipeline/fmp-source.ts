import {
  createFmpClient,
  FmpAuthError,
  FmpBandwidthError,
  FmpLegacyEndpointError,
  FmpSuspendedError,
  type FmpClient,
  type RawExchange,
} from '@nasdaq-pipeline/fmp-client';
import { createSimFetch } from '@nasdaq-pipeline/fmp-sim';
import type { MarketCalendar } from '@nasdaq-pipeline/market-calendar';
import type { ResolvedConfig } from '../config/types.js';

/** Seed of the built-in simulated market: the same seed gives the same prices everywhere. */
export const SAMPLE_SEED = 20_250_101;

/** Base URL the CLI gives the client for the in-process simulated market (never resolved). */
export const SAMPLE_BASE_URL = 'https://sample.fmp-sim.invalid/stable';

/**
 * Creates the FMP client of a run. `sample` runs the same client on the in-process simulated market
 * (so every code path of a real run is exercised without a key); `fmp` talks to `FMP_BASE_URL` with
 * the key in the `apikey` header.
 */
export function createExtractClient(
  config: ResolvedConfig,
  source: 'fmp' | 'sample',
  deps: {
    now: () => Date;
    fetch?: typeof fetch;
    calendar: MarketCalendar;
    onExchange: (ex: RawExchange) => void;
  },
): FmpClient {
  const common = {
    clock: deps.now,
    calendar: deps.calendar,
    settleMinutes: config.calendar.settleMinutes,
    timeoutMs: config.fmp.timeoutMs,
    retry: { maxRetries: config.fmp.maxRetries },
    onExchange: deps.onExchange,
  };
  if (source === 'sample') {
    return createFmpClient({
      ...common,
      apiKey: undefined,
      baseUrl: SAMPLE_BASE_URL,
      // The simulated market has no call limits worth modelling for a local run.
      plan: 'ultimate',
      rateLimitFraction: 1,
      concurrency: Math.max(config.fmp.concurrency, 8),
      fetch: createSimFetch({ seed: SAMPLE_SEED, plan: 'ultimate', now: deps.now }),
    });
  }
  return createFmpClient({
    ...common,
    apiKey: config.fmp.apiKey ?? undefined,
    baseUrl: config.fmp.baseUrl,
    plan: config.fmp.plan,
    rateLimitFraction: config.fmp.rateLimitFraction,
    concurrency: config.fmp.concurrency,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
}

/** Errors that stop the whole run instead of failing one symbol. */
export function isFatalFmpError(e: unknown): boolean {
  return (
    e instanceof FmpAuthError ||
    e instanceof FmpBandwidthError ||
    e instanceof FmpSuspendedError ||
    e instanceof FmpLegacyEndpointError
  );
}
