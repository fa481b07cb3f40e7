import { DEFAULT_SYMBOLS } from './default-symbols.js';

/** FMP plans the simulator can impersonate. */
export type SimPlan = 'free' | 'starter' | 'premium' | 'ultimate';

/** Every plan, cheapest first. */
export const SIM_PLANS: readonly SimPlan[] = ['free', 'starter', 'premium', 'ultimate'];

/** Cheapest plan serving each simulated endpoint (fmp-api.md §1–6). */
export const SIM_ENDPOINT_PLAN: Readonly<Record<string, SimPlan>> = {
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

/** Call limits per plan: free per day, paid per minute. */
export const SIM_PLAN_LIMITS: Readonly<Record<SimPlan, { calls: number; windowMs: number }>> = {
  free: { calls: 250, windowMs: 86_400_000 },
  starter: { calls: 300, windowMs: 60_000 },
  premium: { calls: 750, windowMs: 60_000 },
  ultimate: { calls: 3000, windowMs: 60_000 },
};

/** Symbols the free plan serves (FMP's free whitelist, reduced to the default symbols). */
export const FREE_SYMBOLS: ReadonlySet<string> = new Set(DEFAULT_SYMBOLS);

/** Whether `plan` covers `endpoint`. */
export function simPlanAllows(plan: SimPlan, endpoint: string): boolean {
  const needed = SIM_ENDPOINT_PLAN[endpoint];
  return needed !== undefined && SIM_PLANS.indexOf(plan) >= SIM_PLANS.indexOf(needed);
}
