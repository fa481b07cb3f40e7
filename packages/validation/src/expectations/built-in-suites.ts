import type { Expectation } from './kinds/index.js';
import type { Suite } from './suite.js';

const FACT = 'fact_stock_daily_price';

const notNull = (table: string, columns: readonly string[], dateColumn?: string): Expectation[] =>
  columns.map((column) => ({
    kind: 'expect_column_values_to_not_be_null',
    table,
    column,
    ...(dateColumn ? { dateColumn } : {}),
  }));

/** Fact checks examine the rows of the run's window (all rows with `scope: 'all'`). */
const D = { dateColumn: 'trade_date' } as const;

const factSuite: Suite = {
  name: `builtin.${FACT}`,
  description: 'Daily prices: keys, types, OHLC invariants, integrity, completeness, freshness.',
  expectations: [
    {
      kind: 'expect_table_columns_to_have_types',
      table: FACT,
      columns: {
        symbol: 'string',
        trade_date: 'date',
        date_key: 'int',
        stock_key: 'long',
        open_price: 'double',
        high_price: 'double',
        low_price: 'double',
        close_price: 'double',
        volume: 'long',
        typical_price: 'double',
        previous_close: 'double',
        log_return: 'double',
        source: 'string',
        run_id: 'string',
      },
    },
    { kind: 'expect_table_row_count_to_be_between', table: FACT, min: 1, ...D },
    { kind: 'expect_compound_columns_to_be_unique', table: FACT, columns: ['symbol', 'trade_date'], ...D },
    ...notNull(
      FACT,
      ['symbol', 'trade_date', 'date_key', 'open_price', 'high_price', 'low_price', 'close_price', 'volume'],
      'trade_date',
    ),
    {
      kind: 'expect_column_values_to_not_be_null',
      table: FACT,
      column: 'stock_key',
      ...D,
      severity: 'warn',
      description: 'a bar without a dim_stock version (profile not fetched yet) is published, flagged',
    },
    ...(['open_price', 'high_price', 'low_price', 'close_price'] as const).map((column): Expectation => ({
      kind: 'expect_column_values_to_be_between',
      table: FACT,
      column,
      min: 0,
      strictMin: true,
    })),
    { kind: 'expect_column_values_to_be_between', table: FACT, column: 'volume', min: 0, ...D },
    ...(
      [
        ['high_price', 'low_price'],
        ['high_price', 'open_price'],
        ['high_price', 'close_price'],
        ['open_price', 'low_price'],
        ['close_price', 'low_price'],
      ] as const
    ).map(([columnA, columnB]): Expectation => ({
      kind: 'expect_column_pair_values_a_to_be_greater_than_b',
      table: FACT,
      columnA,
      columnB,
    })),
    { kind: 'expect_column_values_to_be_in_set', table: FACT, column: 'source', valueSet: ['fmp', 'sample'] },
    {
      kind: 'expect_foreign_keys_to_exist',
      table: FACT,
      columns: ['stock_key'],
      refTable: 'dim_stock',
      ...D,
      description: 'every fact row points at a dim_stock version',
    },
    {
      kind: 'expect_foreign_keys_to_exist',
      table: FACT,
      columns: ['date_key'],
      refTable: 'dim_date',
      ...D,
      description: 'every fact row points at a dim_date day',
    },
    { kind: 'expect_sessions_to_be_complete', table: FACT },
    { kind: 'expect_table_to_be_fresh', table: FACT },
  ],
};

const dimStockSuite: Suite = {
  name: 'builtin.dim_stock',
  description: 'SCD-2 stock dimension: one row per version, keys present.',
  expectations: [
    { kind: 'expect_table_row_count_to_be_between', table: 'dim_stock', min: 1 },
    { kind: 'expect_column_values_to_be_unique', table: 'dim_stock', column: 'stock_key' },
    { kind: 'expect_compound_columns_to_be_unique', table: 'dim_stock', columns: ['symbol', 'valid_from'] },
    ...notNull('dim_stock', ['stock_key', 'symbol', 'valid_from']),
    {
      kind: 'expect_column_values_to_be_in_set',
      table: 'dim_stock',
      column: 'market_cap_tier',
      valueSet: ['Mega', 'Large', 'Mid', 'Small', 'Micro'],
    },
  ],
};

const dimDateSuite: Suite = {
  name: 'builtin.dim_date',
  description: 'Date dimension: one row per day.',
  expectations: [
    { kind: 'expect_table_row_count_to_be_between', table: 'dim_date', min: 1 },
    { kind: 'expect_column_values_to_be_unique', table: 'dim_date', column: 'date_key' },
    ...notNull('dim_date', ['date_key', 'date']),
  ],
};

function aggSuite(table: string, period: 'week' | 'month', key: string[]): Suite {
  return {
    name: `builtin.${table}`,
    description: `${period === 'week' ? 'Weekly' : 'Monthly'} aggregates: keys, non-empty, reconciled with the fact table.`,
    expectations: [
      { kind: 'expect_table_row_count_to_be_between', table, min: 1 },
      { kind: 'expect_compound_columns_to_be_unique', table, columns: key },
      {
        kind: 'expect_column_pair_values_a_to_be_greater_than_b',
        table,
        columnA: `${period}_high`,
        columnB: `${period}_low`,
      },
      { kind: 'expect_aggregate_to_reconcile', table, period },
    ],
  };
}

const sectorSuite: Suite = {
  name: 'builtin.agg_sector_performance',
  description: 'Sector performance: one row per (trade_date, sector), at least one stock each.',
  expectations: [
    { kind: 'expect_table_row_count_to_be_between', table: 'agg_sector_performance', min: 1 },
    {
      kind: 'expect_compound_columns_to_be_unique',
      table: 'agg_sector_performance',
      columns: ['trade_date', 'sector'],
    },
    {
      kind: 'expect_column_values_to_be_between',
      table: 'agg_sector_performance',
      column: 'num_stocks',
      min: 1,
    },
  ],
};

/** Kinds that read whole tables by design (types), or already use the window (completeness, freshness). */
const UNSCOPED = new Set([
  'expect_table_columns_to_have_types',
  'expect_sessions_to_be_complete',
  'expect_table_to_be_fresh',
  'expect_aggregate_to_reconcile',
]);

/** Scopes a suite's row-level checks to rows dated in the run's window (`SuiteRunParams.scope`). */
function scopeByDate(suite: Suite, dateColumn: string, dateGrain: 'day' | 'week' | 'month' = 'day'): Suite {
  const grain = dateGrain === 'day' ? {} : { dateGrain };
  return {
    ...suite,
    expectations: suite.expectations.map((e) =>
      UNSCOPED.has(e.kind) || e.dateColumn ? e : { ...e, dateColumn, ...grain },
    ),
  };
}

/**
 * The built-in suites, one per published table of DESIGN §5 (fact, dim_stock, dim_date, weekly,
 * monthly, sector). All gate publishing (`error`) except a null `stock_key` (`warn`). Fact and sector
 * checks carry `dateColumn: 'trade_date'` and weekly/monthly reconciliation covers the periods the
 * window touches, so a daily run examines that day's rows; pass `scope: 'all'` for whole tables.
 */
export function builtInSuites(): Suite[] {
  return structuredClone([
    scopeByDate(factSuite, 'trade_date'),
    dimStockSuite,
    dimDateSuite,
    scopeByDate(
      aggSuite('agg_stock_weekly_metrics', 'week', ['symbol', 'iso_year', 'iso_week']),
      'week_start',
      'week',
    ),
    scopeByDate(
      aggSuite('agg_stock_monthly_metrics', 'month', ['symbol', 'year', 'month']),
      'month_start',
      'month',
    ),
    scopeByDate(sectorSuite, 'trade_date'),
  ]);
}
