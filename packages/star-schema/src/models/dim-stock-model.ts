import type { Dialect } from './dialect.js';

/** Descriptive columns of a profile: a change in any of them opens a new dim_stock version. */
export const DESCRIPTIVE_COLUMNS = [
  'company_name',
  'exchange',
  'exchange_full_name',
  'sector',
  'industry',
  'country',
  'currency',
  'ipo_date',
  'market_cap_tier',
  'is_actively_trading',
] as const;

/** Start of the first version of every symbol, so history loaded before the first profile has a version. */
export const FIRST_VALID_FROM = '1900-01-01';

/** `market_cap_tier` from a market-cap expression (DESIGN §5 thresholds; null when unknown). */
export function marketCapTier(marketCap: string): string {
  return `CASE WHEN ${marketCap} IS NULL THEN NULL
    WHEN ${marketCap} >= 200000000000 THEN 'Mega'
    WHEN ${marketCap} >= 10000000000 THEN 'Large'
    WHEN ${marketCap} >= 2000000000 THEN 'Mid'
    WHEN ${marketCap} >= 300000000 THEN 'Small'
    ELSE 'Micro' END`;
}

/**
 * `dim_stock` (SCD2) for every symbol of `staged_profiles(symbol, as_of, company_name, exchange,
 * exchange_full_name, sector, industry, country, currency, ipo_date, market_cap, is_actively_trading)`: its stored
 * versions from `stored_dim_stock` and the staged observations, ordered by date; an observation that repeats the
 * previous version's descriptive columns is absorbed, one that differs opens a version valid from its `as_of`.
 * A staged observation replaces a stored version with the same `valid_from` (a rerun). The first version of a
 * symbol is valid from 1900-01-01. `market_cap` itself changes daily and is not descriptive; its tier is.
 * Returns every version of the profiled symbols (the engine replaces those symbols' rows).
 */
export function dimStockModel(d: Dialect): string {
  const lags = DESCRIPTIVE_COLUMNS.map(
    (c) => `lag(${c}) OVER (PARTITION BY symbol ORDER BY valid_from) AS prev_${c}`,
  ).join(',\n    ');
  const changed = DESCRIPTIVE_COLUMNS.map((c) => d.isDistinct(c, `prev_${c}`)).join('\n    OR ');
  const cols =
    'symbol, valid_from, company_name, exchange, exchange_full_name, sector, industry, country, currency, ipo_date, market_cap, market_cap_tier, is_actively_trading';
  return `WITH incoming AS (
  SELECT p.symbol, CAST(p.as_of AS DATE) AS valid_from, p.company_name, p.exchange, p.exchange_full_name,
    p.sector, p.industry, p.country, p.currency, CAST(p.ipo_date AS DATE) AS ipo_date,
    CAST(p.market_cap AS BIGINT) AS market_cap,
    ${marketCapTier('CAST(p.market_cap AS BIGINT)')} AS market_cap_tier,
    CAST(p.is_actively_trading AS BOOLEAN) AS is_actively_trading
  FROM staged_profiles p
),
existing AS (
  SELECT ${cols}
  FROM stored_dim_stock s
  WHERE s.symbol IN (SELECT symbol FROM incoming)
    AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.symbol = s.symbol AND i.valid_from = s.valid_from)
),
candidates AS (
  SELECT ${cols} FROM existing
  UNION ALL
  SELECT ${cols} FROM incoming
),
marked AS (
  SELECT c.*,
    row_number() OVER (PARTITION BY symbol ORDER BY valid_from) AS rn,
    ${lags}
  FROM candidates c
),
kept AS (
  SELECT ${cols},
    CASE WHEN rn = 1 THEN DATE '${FIRST_VALID_FROM}' ELSE valid_from END AS version_from
  FROM marked
  WHERE rn = 1
    OR ${changed}
)
SELECT
  ${d.hashKey(`concat(symbol, '|', CAST(version_from AS STRING))`)} AS stock_key,
  symbol, company_name, exchange, exchange_full_name, sector, industry, country, currency, ipo_date,
  market_cap, market_cap_tier, is_actively_trading,
  version_from AS valid_from,
  lead(version_from) OVER (PARTITION BY symbol ORDER BY version_from) AS valid_to,
  lead(version_from) OVER (PARTITION BY symbol ORDER BY version_from) IS NULL AS is_current
FROM kept`;
}
