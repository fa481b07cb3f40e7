import type { Dialect } from './dialect.js';
import type { ModelOptions } from './index.js';
import { periodAggregates, periodGroupRows, touchedFactRows, weekStartOf } from './period-metrics.js';

/**
 * `agg_stock_weekly_metrics` for every (symbol, ISO week) that has a row in `new_fact` (the fact rows this run
 * wrote), recomputed whole from `new_fact` plus the stored rows of those weeks. Rows are grouped by the week's
 * Monday (`week_start`, even when it is a holiday); the ISO year and week are those of that Monday, which every
 * day of an ISO week shares (2024-12-30 is 2025-W01). One date key hashes in half the time of symbol + ISO year +
 * ISO week computed for every session. A rebuild selects its weeks from `period_groups` (computed with the months).
 */
export function aggStockWeeklyMetricsModel(d: Dialect, o: ModelOptions = {}): string {
  const weekOf = weekStartOf;
  const touched = (a: string) =>
    `EXISTS (SELECT 1 FROM touched t WHERE t.symbol = ${a}.symbol AND t.week_start = ${weekOf(a)})`;
  const columns =
    '@.symbol, @.trade_date, @.open_price, @.high_price, @.low_price, @.close_price, @.volume, @.daily_volatility, @.previous_close';
  const groups = o.rebuild
    ? `g AS (
  ${periodGroupRows(false, 'p.symbol, p.week_start, p.period_end AS week_end')}
)`
    : `touched AS (
  SELECT DISTINCT n.symbol, ${weekOf('n')} AS week_start FROM new_fact n
),
r AS (
  ${touchedFactRows(touched, columns)}
),
g AS (
  SELECT r.symbol,
    ${weekOf('r')} AS week_start,
    max(r.trade_date) AS week_end,
    ${periodAggregates()}
  FROM r
  GROUP BY r.symbol, ${weekOf('r')}
)`;
  return `WITH ${groups}
SELECT symbol, ${d.isoYear('week_start')} AS iso_year, ${d.isoWeek('week_start')} AS iso_week, week_start, week_end,
  CAST(trading_days AS INT) AS trading_days,
  period_open AS week_open, period_close AS week_close, period_high AS week_high, period_low AS week_low,
  CAST(total_volume AS BIGINT) AS total_volume, avg_close, close_stddev, avg_daily_volatility,
  100 * (period_close - period_open) / period_open AS weekly_return_pct,
  100 * (period_close - previous_period_close) / previous_period_close AS weekly_change_pct
FROM g`;
}
