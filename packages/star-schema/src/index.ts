/**
 * @nasdaq-pipeline/star-schema: the star schema of the NASDAQ pipeline — table definitions (Iceberg schemas with
 * stable field ids, partition specs, sort orders, row types), SQL models rendered for DuckDB and Spark SQL 3.x,
 * and incremental planning. The DuckDB engine is in the `@nasdaq-pipeline/star-schema/duckdb` subpath.
 *
 * @packageDocumentation
 */
export type { ColumnDefinition, PartitionDefinition, TableDefinition } from './tables/table-definition.js';
export {
  column,
  fieldIdsOf,
  toIcebergSchema,
  toPartitionSpec,
  toSortOrder,
} from './tables/table-definition.js';
export type { ModelTableName, TableName } from './tables/index.js';
export { modelTableNames, tableDefinitions } from './tables/index.js';
export type { DimDateRow } from './tables/dim-date.js';
export { dimDate } from './tables/dim-date.js';
export type { DimExchangeRow } from './tables/dim-exchange.js';
export { dimExchange } from './tables/dim-exchange.js';
export type { DimStockRow, MarketCapTier } from './tables/dim-stock.js';
export { dimStock } from './tables/dim-stock.js';
export type { FactStockDailyPriceRow } from './tables/fact-stock-daily-price.js';
export { factStockDailyPrice } from './tables/fact-stock-daily-price.js';
export type { AggStockWeeklyMetricsRow } from './tables/agg-stock-weekly-metrics.js';
export { aggStockWeeklyMetrics } from './tables/agg-stock-weekly-metrics.js';
export type { AggStockMonthlyMetricsRow } from './tables/agg-stock-monthly-metrics.js';
export { aggStockMonthlyMetrics } from './tables/agg-stock-monthly-metrics.js';
export type { AggSectorPerformanceRow } from './tables/agg-sector-performance.js';
export { aggSectorPerformance } from './tables/agg-sector-performance.js';
export type { PipelineRunRow } from './tables/pipeline-runs.js';
export { pipelineRuns } from './tables/pipeline-runs.js';
export type { DqResultRow } from './tables/dq-results.js';
export { dqResults } from './tables/dq-results.js';
export type { QuarantineDailyPriceRow } from './tables/quarantine-daily-price.js';
export { quarantineDailyPrice } from './tables/quarantine-daily-price.js';

export type { Dialect, DialectName } from './models/dialect.js';
export { dialectOf, duckdbDialect, sparkDialect } from './models/dialect.js';
export type { ModelName, ModelOptions, StagedProvenance } from './models/index.js';
export { modelNames, renderModel } from './models/index.js';
export type { SparkJobStep } from './models/spark-job.js';
export { renderSparkJob } from './models/spark-job.js';
export { DESCRIPTIVE_COLUMNS, FIRST_VALID_FROM, marketCapTier } from './models/dim-stock-model.js';
export { UNKNOWN_SECTOR } from './models/agg-sector-performance-model.js';

export type { CalendarDateRow, DescribeDate } from './plan/calendar-dates.js';
export { buildCalendarDates } from './plan/calendar-dates.js';
export type { DateRange, DimDateRangeInput } from './plan/dim-date-range.js';
export { planDimDateRange } from './plan/dim-date-range.js';
export {
  DEFAULT_HISTORY_DAYS,
  monthPartition,
  planHistoryFrom,
  yearPartition,
} from './plan/history-window.js';
export type { ChangedSession, RewritePlan } from './plan/touched-periods.js';
export { isoWeekOf, planRewrites } from './plan/touched-periods.js';

export type {
  PartitionValues,
  StagedTable,
  StoredFile,
  TableChange,
  TableStore,
  WrittenFile,
  WrittenFileStats,
} from './engine/table-store.js';
export { createParquetFolderStore } from './engine/parquet-folder-store.js';

export type { StarSchemaErrorOptions } from './errors.js';
export { ModelExecutionError, StarSchemaError, StarSchemaInputError, TableStoreError } from './errors.js';
export type { IcebergTableStoreOptions } from './engine/iceberg-table-store.js';
export { createIcebergTableStore } from './engine/iceberg-table-store.js';
