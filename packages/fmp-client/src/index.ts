/**
 * @nasdaq-pipeline/fmp-client: Typed client for the Financial Modeling Prep stable API: header auth, plan gating, rate limits, retries and an error taxonomy.
 *
 * @packageDocumentation
 */
export {};
