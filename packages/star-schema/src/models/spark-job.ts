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
  /** A step that computes `table`'s model into `view` and merges it into the table on its key columns. */
  const writing = (view: string, table: ModelTableName): SparkJobStep => ({
    view,
    sql: spark(table),
    writes: { table, mergeKeys: tableDefinitions[table].keyColumns },
  });
  return [
    writing('new_dim_stock', 'dim_stock'),
    {
      view: 'all_dim_stock',
      sql: `SELECT * FROM stored_dim_stock WHERE symbol NOT IN (SELECT symbol FROM new_dim_stock)
UNION ALL
SELECT * FROM new_dim_stock`,
    },
    { view: 'stock_changes', sql: spark('stock_changes') },
    { view: 'affected_symbols', sql: spark('affected_symbols') },
    writing('new_fact', 'fact_stock_daily_price'),
    writing('new_weekly', 'agg_stock_weekly_metrics'),
    writing('new_monthly', 'agg_stock_monthly_metrics'),
    writing('new_sector', 'agg_sector_performance'),
    writing('new_dim_date', 'dim_date'),
    writing('new_dim_exchange', 'dim_exchange'),
  ];
}
