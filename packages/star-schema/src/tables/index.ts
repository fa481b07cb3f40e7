import { aggSectorPerformance } from './agg-sector-performance.js';
import { aggStockMonthlyMetrics } from './agg-stock-monthly-metrics.js';
import { aggStockWeeklyMetrics } from './agg-stock-weekly-metrics.js';
import { dimDate } from './dim-date.js';
import { dimExchange } from './dim-exchange.js';
import { dimStock } from './dim-stock.js';
import { dqResults } from './dq-results.js';
import { factStockDailyPrice } from './fact-stock-daily-price.js';
import { pipelineRuns } from './pipeline-runs.js';
import { quarantineDailyPrice } from './quarantine-daily-price.js';
import type { TableDefinition } from './table-definition.js';

/** Names of the star-schema tables built by the SQL models, in build order. */
export type ModelTableName =
  | 'dim_date'
  | 'dim_exchange'
  | 'dim_stock'
  | 'fact_stock_daily_price'
  | 'agg_stock_weekly_metrics'
  | 'agg_stock_monthly_metrics'
  | 'agg_sector_performance';

/** Names of every table of DESIGN §5. */
export type TableName = ModelTableName | 'pipeline_runs' | 'dq_results' | 'quarantine_daily_price';

/** Every table of the `nasdaq` namespace, keyed by name. */
export const tableDefinitions: Readonly<Record<TableName, TableDefinition>> = {
  dim_date: dimDate,
  dim_exchange: dimExchange,
  dim_stock: dimStock,
  fact_stock_daily_price: factStockDailyPrice,
  agg_stock_weekly_metrics: aggStockWeeklyMetrics,
  agg_stock_monthly_metrics: aggStockMonthlyMetrics,
  agg_sector_performance: aggSectorPerformance,
  pipeline_runs: pipelineRuns,
  dq_results: dqResults,
  quarantine_daily_price: quarantineDailyPrice,
};

/** The tables the SQL models build, in dependency order. */
export const modelTableNames: readonly ModelTableName[] = [
  'dim_date',
  'dim_exchange',
  'dim_stock',
  'fact_stock_daily_price',
  'agg_stock_weekly_metrics',
  'agg_stock_monthly_metrics',
  'agg_sector_performance',
];
