/**
 * @nasdaq-pipeline/fmp-sim: a deterministic simulated market that answers FMP stable-API requests
 * in-process (`createSimFetch`) or over HTTP (`startSimServer`), with seeded fault injection, plus
 * fast bar generators for building large datasets.
 *
 * @packageDocumentation
 */
export { createSimFetch } from './create-sim-fetch.js';
export type { SimFetchOptions } from './create-sim-fetch.js';
export { startSimServer } from './start-sim-server.js';
export type { SimServer, SimServerOptions } from './start-sim-server.js';
export { createSimMarket } from './create-sim-market.js';
export type { SimMarket, SimMarketOptions, SimRequest, SimResponse } from './create-sim-market.js';
export { generateBars } from './generate-bars.js';
export type { GenerateBarsOptions, SimBar } from './generate-bars.js';
export { simulatedProfile } from './simulated-profile.js';
export { DEFAULT_COMPANIES, DEFAULT_MARKETS, DEFAULT_SYMBOLS } from './default-symbols.js';
export type { CompanyInfo, MarketSpec, SplitSpec } from './default-symbols.js';
export { BODY_FAULTS, DATA_FAULTS, RESPONSE_FAULTS, validateFaults } from './faults.js';
export type { FaultKind, FaultRule } from './faults.js';
export { FREE_SYMBOLS, SIM_ENDPOINT_PLAN, SIM_PLAN_LIMITS, SIM_PLANS } from './sim-plans.js';
export type { SimPlan } from './sim-plans.js';
export { SimConfigError, SimError } from './errors.js';
