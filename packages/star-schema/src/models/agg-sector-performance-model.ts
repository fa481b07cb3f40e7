import type { Dialect } from './dialect.js';
import type { ModelOptions } from './index.js';
import { touchedFactRows } from './period-metrics.js';

/** Sector of stocks whose version has no sector. */
export const UNKNOWN_SECTOR = 'Unknown';

/**
 * `agg_sector_performance` for every trade date with a row in `new_fact`, recomputed whole over every stock's
 * fact row that day. Sector = the dim_stock version the fact row points at (valid on trade_date).
 * avg_change_pct / change_pct_stddev (sample) ignore null change_percentage (a stock's first session).
 */
export function aggSectorPerformanceModel(_d: Dialect, o: ModelOptions = {}): string {
  const touched = (a: string) => `${a}.trade_date IN (SELECT trade_date FROM touched)`;
  const columns = '@.symbol, @.trade_date, @.stock_key, @.change_percentage, @.volume, @.market_cap';
  return `WITH touched AS (
  SELECT DISTINCT n.trade_date FROM new_fact n
),
r AS (
  ${touchedFactRows(touched, columns, o.rebuild)}
)
SELECT r.trade_date, coalesce(s.sector, '${UNKNOWN_SECTOR}') AS sector,
  CAST(count(*) AS INT) AS num_stocks,
  avg(r.change_percentage) AS avg_change_pct,
  stddev_samp(r.change_percentage) AS change_pct_stddev,
  CAST(sum(r.volume) AS BIGINT) AS total_volume,
  CAST(avg(r.market_cap) AS DOUBLE) AS avg_market_cap
FROM r
LEFT JOIN all_dim_stock s ON s.stock_key = r.stock_key
GROUP BY r.trade_date, coalesce(s.sector, '${UNKNOWN_SECTOR}')`;
}
