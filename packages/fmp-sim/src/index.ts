/**
 * @nasdaq-pipeline/fmp-sim: Deterministic simulated market that answers FMP stable-API requests in-process or over HTTP, with fault injection.
 *
 * @packageDocumentation
 */
export {};
