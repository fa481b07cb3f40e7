import { aggSectorPerformanceModel } from './agg-sector-performance-model.js';
import { aggStockMonthlyMetricsModel } from './agg-stock-monthly-metrics-model.js';
import { aggStockWeeklyMetricsModel } from './agg-stock-weekly-metrics-model.js';
import { dialectOf, type Dialect, type DialectName } from './dialect.js';
import { dimDateModel } from './dim-date-model.js';
import { dimExchangeModel } from './dim-exchange-model.js';
import { dimStockModel } from './dim-stock-model.js';
import { factChangesModel } from './fact-changes-model.js';
import { factStockDailyPriceModel } from './fact-stock-daily-price-model.js';
import { periodGroupsModel } from './period-metrics.js';
import type { StagedProvenance } from './provenance.js';
import { stockChangesModel } from './stock-changes-model.js';
import { StarSchemaInputError } from '../errors.js';

export type { StagedProvenance } from './provenance.js';

/**
 * The SQL models, in execution order. Table models are named after their table; `stock_changes` and
 * `affected_symbols` are helpers the incremental run needs (what to recompute), `period_groups` one a rebuild needs.
 *
 * Relations a model reads, bound by the engine (DuckDB views, Spark temp views):
 * - `staged_bars(symbol, date, open, high, low, close, volume, source, run_id, ingested_at)` accepted raw bars;
 * - `staged_profiles(symbol, as_of, company_name, exchange, exchange_full_name, sector, industry, country,
 *   currency, ipo_date, market_cap, is_actively_trading)` accepted profiles, one per symbol and `as_of` date;
 * - `stored_dim_stock`, `stored_fact`: current table contents (history for windows and SCD2);
 * - `calendar_dates(date, is_trading_day, is_early_close, holiday_name)`;
 * - outputs of earlier models: `new_dim_stock` (dim_stock), `all_dim_stock` (stored versions of other symbols ∪
 *   new_dim_stock), `stock_changes`, `affected_symbols`, `new_fact` (fact_stock_daily_price), and in a rebuild
 *   `period_groups` (the weekly and monthly aggregates of `new_fact` in one scan, which both period models read).
 */
export const modelNames = [
  'dim_date',
  'dim_stock',
  'dim_exchange',
  'stock_changes',
  'affected_symbols',
  'fact_stock_daily_price',
  'period_groups',
  'agg_stock_weekly_metrics',
  'agg_stock_monthly_metrics',
  'agg_sector_performance',
] as const;

/** Name of a SQL model. */
export type ModelName = (typeof modelNames)[number];

/** How a model is rendered. */
export interface ModelOptions {
  /**
   * Render for a rebuild: the staged input is the whole history, so the fact and period models read no stored
   * rows and compute every symbol from its first bar (no anti-joins against stored rows, no change filter).
   * Results are the same as an incremental run over the same bars; the SQL is cheaper. Default false.
   */
  readonly rebuild?: boolean;
  /**
   * The provenance every staged bar carries, when it is one value for the whole input (files stamped by one
   * run). A rebuild's fact model then writes it as constants instead of carrying three columns of every row
   * through its window sort; `staged_bars` must still yield them. Ignored by incremental runs, whose stored rows
   * keep their own provenance.
   */
  readonly stagedProvenance?: StagedProvenance;
}

const MODELS: Readonly<Record<ModelName, (d: Dialect, o: ModelOptions) => string>> = {
  dim_date: dimDateModel,
  dim_stock: dimStockModel,
  dim_exchange: dimExchangeModel,
  stock_changes: stockChangesModel,
  affected_symbols: factChangesModel,
  fact_stock_daily_price: factStockDailyPriceModel,
  period_groups: periodGroupsModel,
  agg_stock_weekly_metrics: aggStockWeeklyMetricsModel,
  agg_stock_monthly_metrics: aggStockMonthlyMetricsModel,
  agg_sector_performance: aggSectorPerformanceModel,
};

/**
 * The SQL text of one model (a single SELECT, no trailing semicolon) for DuckDB or Spark SQL 3.x.
 * @throws {StarSchemaInputError} for an unknown model name.
 */
export function renderModel(name: ModelName, dialect: DialectName, options: ModelOptions = {}): string {
  const model = MODELS[name];
  if (!model)
    throw new StarSchemaInputError(`unknown model ${String(name)}; known: ${modelNames.join(', ')}`);
  return model(dialectOf(dialect), options);
}
