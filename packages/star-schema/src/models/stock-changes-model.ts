import type { Dialect } from './dialect.js';

const COMPARED = [
  'company_name',
  'exchange',
  'exchange_full_name',
  'sector',
  'industry',
  'country',
  'currency',
  'ipo_date',
  'market_cap',
  'market_cap_tier',
  'is_actively_trading',
  'valid_from',
] as const;

/**
 * Helper model `stock_changes(symbol, from_date)`: for each symbol whose versions in `new_dim_stock` (output of
 * the dim_stock model) differ from `stored_dim_stock`, the first trade date whose version (stock_key, sector,
 * market cap) may have changed. A new or altered version counts from its `valid_from`; a version whose only
 * change is its `valid_to` counts from the earlier of the old and new `valid_to`; a dropped version from its
 * `valid_from`. Fact rows of the symbol from that date on are recomputed.
 */
export function stockChangesModel(d: Dialect): string {
  const attrsDiffer = COMPARED.map((c) => d.isDistinct(`n.${c}`, `s.${c}`)).join(' OR ');
  const far = `DATE '9999-12-31'`;
  return `SELECT symbol, min(from_date) AS from_date
FROM (
  SELECT n.symbol,
    CASE WHEN s.stock_key IS NULL OR ${attrsDiffer} THEN n.valid_from
      ELSE least(coalesce(n.valid_to, ${far}), coalesce(s.valid_to, ${far})) END AS from_date
  FROM new_dim_stock n
  LEFT JOIN stored_dim_stock s ON s.stock_key = n.stock_key
  WHERE s.stock_key IS NULL OR ${attrsDiffer} OR ${d.isDistinct('n.valid_to', 's.valid_to')}
  UNION ALL
  SELECT s.symbol, s.valid_from AS from_date
  FROM stored_dim_stock s
  WHERE s.symbol IN (SELECT symbol FROM new_dim_stock)
    AND NOT EXISTS (SELECT 1 FROM new_dim_stock n WHERE n.stock_key = s.stock_key)
) c
GROUP BY symbol`;
}
