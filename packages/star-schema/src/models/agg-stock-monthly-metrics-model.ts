import type { Dialect } from './dialect.js';
import type { ModelOptions } from './index.js';
import { periodAggregates, periodGroupRows, touchedFactRows } from './period-metrics.js';

/**
 * `agg_stock_monthly_metrics` for every (symbol, month) with a row in `new_fact`, recomputed whole. The sector is
 * that of the dim_stock version (`all_dim_stock`, by the fact's stock_key) valid on the month's last session. A
 * rebuild selects its months from `period_groups` (computed with the weeks) and joins the sector to each month's
 * last stock_key.
 */
export function aggStockMonthlyMetricsModel(_d: Dialect, o: ModelOptions = {}): string {
  const monthOf = (a: string) => `CAST(date_trunc('MONTH', ${a}.trade_date) AS DATE)`;
  const touched = (a: string) =>
    `EXISTS (SELECT 1 FROM touched t WHERE t.symbol = ${a}.symbol AND t.month_start = ${monthOf(a)})`;
  const columns =
    '@.symbol, @.trade_date, @.stock_key, @.open_price, @.high_price, @.low_price, @.close_price, @.volume, @.daily_volatility, @.previous_close, @.market_cap';
  const groups = o.rebuild
    ? `g AS (
  ${periodGroupRows(
    true,
    'p.symbol, p.year, p.month',
    ', s.sector, p.avg_market_cap',
    '\n  LEFT JOIN all_dim_stock s ON s.stock_key = p.last_stock_key',
  )}
)`
    : `touched AS (
  SELECT DISTINCT n.symbol, ${monthOf('n')} AS month_start FROM new_fact n
),
r AS (
  SELECT u.*, s.sector
  FROM (
    ${touchedFactRows(touched, columns)}
  ) u
  LEFT JOIN all_dim_stock s ON s.stock_key = u.stock_key
),
g AS (
  SELECT r.symbol,
    year(r.trade_date) AS year,
    month(r.trade_date) AS month,
    ${periodAggregates()},
    nullif(max_by(coalesce(r.sector, ''), r.trade_date), '') AS sector,
    avg(r.market_cap) AS avg_market_cap
  FROM r
  GROUP BY r.symbol, year(r.trade_date), month(r.trade_date)
)`;
  return `WITH ${groups}
SELECT symbol, CAST(year AS INT) AS year, CAST(month AS INT) AS month,
  make_date(year, month, 1) AS month_start, CAST(trading_days AS INT) AS trading_days,
  period_open AS month_open, period_close AS month_close, period_high AS month_high, period_low AS month_low,
  CAST(total_volume AS BIGINT) AS total_volume, avg_close, close_stddev, avg_daily_volatility,
  100 * (period_close - period_open) / period_open AS monthly_return_pct,
  100 * (period_close - previous_period_close) / previous_period_close AS monthly_change_pct,
  sector, CAST(avg_market_cap AS DOUBLE) AS avg_market_cap
FROM g`;
}
