import type { Dialect } from './dialect.js';

/** Known venues with fixed keys; any other code seen in profiles gets a hashed key above 1000. */
const KNOWN: readonly (readonly [number, string, string, string, string])[] = [
  [1, 'NASDAQ', 'NASDAQ Stock Market', 'US', 'America/New_York'],
  [2, 'NYSE', 'New York Stock Exchange', 'US', 'America/New_York'],
  [3, 'AMEX', 'NYSE American', 'US', 'America/New_York'],
  [4, 'OTC', 'OTC Markets', 'US', 'America/New_York'],
  [5, 'CBOE', 'Cboe BZX Exchange', 'US', 'America/Chicago'],
];

/** `dim_exchange` from the known venues plus the codes of `all_dim_stock` (every stored and new version). */
export function dimExchangeModel(d: Dialect): string {
  const values = KNOWN.map(([k, c, n, co, tz]) => `(${k}, '${c}', '${n}', '${co}', '${tz}')`).join(',\n    ');
  return `WITH known AS (
  SELECT * FROM (VALUES
    ${values}
  ) AS v(exchange_key, exchange_code, exchange_name, country, timezone)
),
seen AS (
  SELECT s.exchange AS exchange_code, max(s.exchange_full_name) AS exchange_name, max(s.country) AS country
  FROM all_dim_stock s
  WHERE s.exchange IS NOT NULL
  GROUP BY s.exchange
)
SELECT CAST(k.exchange_key AS INT) AS exchange_key, k.exchange_code, k.exchange_name, k.country, k.timezone
FROM known k
UNION ALL
SELECT CAST(1000 + ${d.hashKey('s.exchange_code')} % 1000000 AS INT) AS exchange_key,
  s.exchange_code, coalesce(s.exchange_name, s.exchange_code) AS exchange_name, s.country,
  CAST(NULL AS STRING) AS timezone
FROM seen s
WHERE s.exchange_code NOT IN (SELECT exchange_code FROM known)`;
}
