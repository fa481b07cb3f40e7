import { column, type TableDefinition } from './table-definition.js';

/** A row of `fact_stock_daily_price`. */
export interface FactStockDailyPriceRow {
  symbol: string;
  trade_date: string;
  date_key: number;
  stock_key: number | null;
  open_price: number;
  high_price: number;
  low_price: number;
  close_price: number;
  volume: number;
  typical_price: number;
  previous_close: number | null;
  price_change: number | null;
  change_percentage: number | null;
  log_return: number | null;
  daily_volatility: number;
  price_avg_50d: number | null;
  price_avg_200d: number | null;
  year_high_52w: number;
  year_low_52w: number;
  market_cap: number | null;
  source: 'fmp' | 'sample';
  run_id: string;
  ingested_at: Date;
}

/** `fact_stock_daily_price` [symbol, trade_date], partitioned by `month(trade_date)`. */
export const factStockDailyPrice: TableDefinition = {
  name: 'fact_stock_daily_price',
  kind: 'fact',
  doc: 'One row per symbol and session: split-adjusted OHLCV with day-over-day returns, moving averages and 52-week range.',
  columns: [
    column(1, 'symbol', 'string', true),
    column(2, 'trade_date', 'date', true),
    column(3, 'date_key', 'int', true),
    column(4, 'stock_key', 'long', false, 'dim_stock version valid on trade_date'),
    column(5, 'open_price', 'double', true),
    column(6, 'high_price', 'double', true),
    column(7, 'low_price', 'double', true),
    column(8, 'close_price', 'double', true),
    column(9, 'volume', 'long', true),
    column(10, 'typical_price', 'double', true, '(high + low + close) / 3'),
    column(11, 'previous_close', 'double'),
    column(12, 'price_change', 'double'),
    column(13, 'change_percentage', 'double'),
    column(14, 'log_return', 'double'),
    column(15, 'daily_volatility', 'double', true, '100 * (high - low) / low'),
    column(16, 'price_avg_50d', 'double'),
    column(17, 'price_avg_200d', 'double'),
    column(18, 'year_high_52w', 'double', true),
    column(19, 'year_low_52w', 'double', true),
    column(20, 'market_cap', 'long'),
    column(21, 'source', 'string', true),
    column(22, 'run_id', 'string', true),
    column(23, 'ingested_at', 'timestamptz', true),
  ],
  keyColumns: ['symbol', 'trade_date'],
  partition: { column: 'trade_date', transform: 'month', fieldId: 1000, name: 'trade_date_month' },
  sortColumns: ['symbol', 'trade_date'],
};
