import { column, type TableDefinition } from './table-definition.js';

/** A row of `agg_stock_monthly_metrics`. */
export interface AggStockMonthlyMetricsRow {
  symbol: string;
  year: number;
  month: number;
  month_start: string;
  trading_days: number;
  month_open: number;
  month_close: number;
  month_high: number;
  month_low: number;
  total_volume: number;
  avg_close: number;
  close_stddev: number | null;
  avg_daily_volatility: number;
  monthly_return_pct: number;
  monthly_change_pct: number | null;
  sector: string | null;
  avg_market_cap: number | null;
}

/** `agg_stock_monthly_metrics` [symbol, year, month], partitioned by `year(month_start)`. */
export const aggStockMonthlyMetrics: TableDefinition = {
  name: 'agg_stock_monthly_metrics',
  kind: 'aggregate',
  doc: 'Per symbol and calendar month; sector of the dim_stock version valid on the month’s last session.',
  columns: [
    column(1, 'symbol', 'string', true),
    column(2, 'year', 'int', true),
    column(3, 'month', 'int', true),
    column(4, 'month_start', 'date', true),
    column(5, 'trading_days', 'int', true),
    column(6, 'month_open', 'double', true),
    column(7, 'month_close', 'double', true),
    column(8, 'month_high', 'double', true),
    column(9, 'month_low', 'double', true),
    column(10, 'total_volume', 'long', true),
    column(11, 'avg_close', 'double', true),
    column(12, 'close_stddev', 'double'),
    column(13, 'avg_daily_volatility', 'double', true),
    column(14, 'monthly_return_pct', 'double', true),
    column(15, 'monthly_change_pct', 'double'),
    column(16, 'sector', 'string'),
    column(17, 'avg_market_cap', 'double'),
  ],
  keyColumns: ['symbol', 'year', 'month'],
  partition: { column: 'month_start', transform: 'year', fieldId: 1000, name: 'month_start_year' },
  sortColumns: ['symbol', 'month_start'],
};
