import { column, type TableDefinition } from './table-definition.js';

/** A row of `agg_sector_performance`. */
export interface AggSectorPerformanceRow {
  trade_date: string;
  sector: string;
  num_stocks: number;
  avg_change_pct: number | null;
  change_pct_stddev: number | null;
  total_volume: number;
  avg_market_cap: number | null;
}

/** `agg_sector_performance` [trade_date, sector], partitioned by `month(trade_date)`. */
export const aggSectorPerformance: TableDefinition = {
  name: 'agg_sector_performance',
  kind: 'aggregate',
  doc: 'Per session and sector (sector of the dim_stock version valid on trade_date; unknown sector = "Unknown").',
  columns: [
    column(1, 'trade_date', 'date', true),
    column(2, 'sector', 'string', true),
    column(3, 'num_stocks', 'int', true),
    column(4, 'avg_change_pct', 'double'),
    column(5, 'change_pct_stddev', 'double'),
    column(6, 'total_volume', 'long', true),
    column(7, 'avg_market_cap', 'double'),
  ],
  keyColumns: ['trade_date', 'sector'],
  partition: { column: 'trade_date', transform: 'month', fieldId: 1000, name: 'trade_date_month' },
  sortColumns: ['trade_date', 'sector'],
};
