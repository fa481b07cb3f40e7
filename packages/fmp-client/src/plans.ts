import type { FmpEndpoint, FmpPlan } from './types.js';

/** Every plan, cheapest first. */
export const FMP_PLANS: readonly FmpPlan[] = ['free', 'starter', 'premium', 'ultimate'];

/** Documented call limits (fmp-api.md §7): free counts per day, paid plans per minute. */
export const PLAN_LIMITS: Readonly<Record<FmpPlan, { calls: number; windowMs: number }>> = {
  free: { calls: 250, windowMs: 86_400_000 },
  starter: { calls: 300, windowMs: 60_000 },
  premium: { calls: 750, windowMs: 60_000 },
  ultimate: { calls: 3000, windowMs: 60_000 },
};

/** Cheapest plan that serves each endpoint (fmpsdk live tier tests, fmp-api.md §1–6). */
export const ENDPOINT_MIN_PLAN: Readonly<Record<FmpEndpoint, FmpPlan>> = {
  'historical-price-eod/full': 'free',
  'historical-price-eod/dividend-adjusted': 'free',
  profile: 'free',
  splits: 'free',
  dividends: 'free',
  'historical-market-capitalization': 'free',
  quote: 'free',
  'batch-quote': 'premium',
  'eod-bulk': 'ultimate',
  'nasdaq-constituent': 'premium',
  'holidays-by-exchange': 'free',
};

/** Whether `plan` is a known plan name. */
export function isFmpPlan(value: unknown): value is FmpPlan {
  return typeof value === 'string' && (FMP_PLANS as readonly string[]).includes(value);
}

/** Whether `plan` covers `endpoint`. */
export function planAllows(plan: FmpPlan, endpoint: FmpEndpoint): boolean {
  return FMP_PLANS.indexOf(plan) >= FMP_PLANS.indexOf(ENDPOINT_MIN_PLAN[endpoint]);
}
