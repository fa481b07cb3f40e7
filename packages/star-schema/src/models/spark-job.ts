import { tableDefinitions, type ModelTableName } from '../tables/index.js';
import { renderModel } from './index.js';

/** One step of the Spark job: register `view` as a temp view of `sql`, then optionally write it to `table`. */
export interface SparkJobStep {
  /** Temp view name later steps read. */
  readonly view: string;
  /** Spark SQL 3.x SELECT (no trailing semicolon). */
  readonly sql: string;
  /** Target table and the key columns of the `MERGE INTO` that upserts the view into it. */
  readonly writes?: { readonly table: ModelTableName; readonly mergeKeys: readonly string[] };
}

/**
 * The models in execution order as a Spark SQL job for the Glue engine: the runner binds `staged_bars`,
 * `staged_profiles`, `calendar_dates`, `stored_fact` (the fact table, or its last ~550 days) and `stored_dim_stock`
 * as temp views, then for each step runs `CREATE OR REPLACE TEMP VIEW <view> AS <sql>` and, for steps with
 * `writes`, upserts the view into the Iceberg table (`MERGE INTO … USING <view> ON <keys> WHEN MATCHED THEN UPDATE
 * SET * WHEN NOT MATCHED THEN INSERT *`; dim_stock replaces every version of the view's symbols). `new_fact` is
 * cached by the runner because three steps read it.
 */
export function renderSparkJob(): SparkJobStep[] {
  const spark = (name: Parameters<typeof renderModel>[0]) => renderModel(name, 'spark');
  const keys = (t: ModelTableName) => tableDefinitions[t].keyColumns;
  return [
    {
      view: 'new_dim_stock',
      sql: spark('dim_stock'),
      writes: { table: 'dim_stock', mergeKeys: keys('dim_stock') },
    },
    {
      view: 'all_dim_stock',
      sql: `SELECT * FROM stored_dim_stock WHERE symbol NOT IN (SELECT symbol FROM new_dim_stock)
UNION ALL
SELECT * FROM new_dim_stock`,
    },
    { view: 'stock_changes', sql: spark('stock_changes') },
    { view: 'affected_symbols', sql: spark('affected_symbols') },
    {
      view: 'new_fact',
      sql: spark('fact_stock_daily_price'),
      writes: { table: 'fact_stock_daily_price', mergeKeys: keys('fact_stock_daily_price') },
    },
    {
      view: 'new_weekly',
      sql: spark('agg_stock_weekly_metrics'),
      writes: { table: 'agg_stock_weekly_metrics', mergeKeys: keys('agg_stock_weekly_metrics') },
    },
    {
      view: 'new_monthly',
      sql: spark('agg_stock_monthly_metrics'),
      writes: { table: 'agg_stock_monthly_metrics', mergeKeys: keys('agg_stock_monthly_metrics') },
    },
    {
      view: 'new_sector',
      sql: spark('agg_sector_performance'),
      writes: { table: 'agg_sector_performance', mergeKeys: keys('agg_sector_performance') },
    },
    {
      view: 'new_dim_date',
      sql: spark('dim_date'),
      writes: { table: 'dim_date', mergeKeys: keys('dim_date') },
    },
    {
      view: 'new_dim_exchange',
      sql: spark('dim_exchange'),
      writes: { table: 'dim_exchange', mergeKeys: keys('dim_exchange') },
    },
  ];
}
