/**
 * @nasdaq-pipeline/market-calendar: NASDAQ trading calendar: sessions, holidays, special closures, early closes and the last completed session, computed in America/New_York.
 *
 * @packageDocumentation
 */
export {};
