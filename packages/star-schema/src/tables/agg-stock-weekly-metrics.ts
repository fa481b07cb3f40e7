import { column, type TableDefinition } from './table-definition.js';

/** A row of `agg_stock_weekly_metrics`. */
export interface AggStockWeeklyMetricsRow {
  symbol: string;
  iso_year: number;
  iso_week: number;
  week_start: string;
  week_end: string;
  trading_days: number;
  week_open: number;
  week_close: number;
  week_high: number;
  week_low: number;
  total_volume: number;
  avg_close: number;
  close_stddev: number | null;
  avg_daily_volatility: number;
  weekly_return_pct: number;
  weekly_change_pct: number | null;
}

/** `agg_stock_weekly_metrics` [symbol, iso_year, iso_week], partitioned by `year(week_start)`. */
export const aggStockWeeklyMetrics: TableDefinition = {
  name: 'agg_stock_weekly_metrics',
  kind: 'aggregate',
  doc: 'Per symbol and ISO week (ISO year, not calendar year).',
  columns: [
    column(1, 'symbol', 'string', true),
    column(2, 'iso_year', 'int', true),
    column(3, 'iso_week', 'int', true),
    column(4, 'week_start', 'date', true, 'Monday of the ISO week'),
    column(5, 'week_end', 'date', true, 'last session of the week'),
    column(6, 'trading_days', 'int', true),
    column(7, 'week_open', 'double', true),
    column(8, 'week_close', 'double', true),
    column(9, 'week_high', 'double', true),
    column(10, 'week_low', 'double', true),
    column(11, 'total_volume', 'long', true),
    column(12, 'avg_close', 'double', true),
    column(13, 'close_stddev', 'double', false, 'sample standard deviation; null for one session'),
    column(14, 'avg_daily_volatility', 'double', true),
    column(15, 'weekly_return_pct', 'double', true),
    column(16, 'weekly_change_pct', 'double', false, 'vs the previous week with rows'),
  ],
  keyColumns: ['symbol', 'iso_year', 'iso_week'],
  partition: { column: 'week_start', transform: 'year', fieldId: 1000, name: 'week_start_year' },
  sortColumns: ['symbol', 'week_start'],
};
