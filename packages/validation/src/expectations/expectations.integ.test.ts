import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDuckDbHarness, type DuckDbHarness } from '../test-support/duckdb-runner.js';
import { createFixtureWarehouse, fixtureParams } from '../test-support/warehouse-fixture.js';
import { builtInSuites } from './built-in-suites.js';
import { expectationId } from './compile-expectation.js';
import type { Expectation } from './kinds/index.js';
import { runSuites } from './run-suites.js';
import type { SuiteRunParams } from './types.js';

let db: DuckDbHarness;

// One warehouse for the file; every test mutates it inside a transaction that is rolled back.
beforeAll(async () => {
  db = await createDuckDbHarness();
  await createFixtureWarehouse(db);
});
afterAll(() => db.close());
beforeEach(() => db.exec('BEGIN TRANSACTION'));
afterEach(() => db.exec('ROLLBACK'));

async function runBuiltIn(params: SuiteRunParams = fixtureParams()) {
  return runSuites(builtInSuites(), { runSql: db.runSql, params });
}

async function runOne(e: Expectation, params: SuiteRunParams = fixtureParams()) {
  const out = await runSuites([{ name: 'test', expectations: [e] }], { runSql: db.runSql, params });
  return out.results[0] as NonNullable<(typeof out.results)[number]>;
}

describe('built-in suites on a consistent warehouse (passing fixture of every expectation)', () => {
  it('pass, every one', async () => {
    const out = await runBuiltIn();
    const failed = out.results.filter((r) => r.status !== 'passed');
    expect(failed.map((r) => `${r.expectationId}: ${r.error ?? JSON.stringify(r.sampleRows)}`)).toEqual([]);
    expect(out.publishable).toBe(true);
    expect(new Set(out.results.map((r) => r.kind)).size).toBe(12);
    expect(new Set(out.results.map((r) => r.expectationId)).size).toBe(out.results.length);
  });
});

// One failing fixture per expectation kind: a mutation of the consistent warehouse, the expectation
// it must trip, and the unexpected count.
const failing: {
  name: string;
  mutate: string;
  id: string;
  unexpected: number;
  params?: Partial<SuiteRunParams>;
}[] = [
  {
    name: 'column types (volume stored as double)',
    mutate: 'ALTER TABLE fact_stock_daily_price ALTER volume TYPE DOUBLE',
    id: 'fact_stock_daily_price.types.columns',
    unexpected: 1,
  },
  {
    name: 'row count (empty weekly batch)',
    mutate: 'DELETE FROM agg_stock_weekly_metrics',
    id: 'agg_stock_weekly_metrics.row_count',
    unexpected: 1,
  },
  {
    name: 'compound unique (duplicate bar)',
    mutate:
      "INSERT INTO fact_stock_daily_price SELECT * FROM fact_stock_daily_price WHERE symbol = 'AAPL' AND trade_date = DATE '2025-06-03'",
    id: 'fact_stock_daily_price.unique.symbol_trade_date',
    unexpected: 2,
  },
  {
    name: 'unique (two versions share a stock_key)',
    mutate: "UPDATE dim_stock SET stock_key = 1 WHERE symbol = 'MSFT'",
    id: 'dim_stock.unique.stock_key',
    unexpected: 2,
  },
  {
    name: 'not null',
    mutate:
      "UPDATE fact_stock_daily_price SET close_price = NULL WHERE trade_date = DATE '2025-06-10' AND symbol = 'MSFT'",
    id: 'fact_stock_daily_price.not_null.close_price',
    unexpected: 1,
  },
  {
    name: 'between (negative low)',
    mutate: "UPDATE fact_stock_daily_price SET low_price = -1 WHERE trade_date = DATE '2025-06-10'",
    id: 'fact_stock_daily_price.between.low_price',
    unexpected: 2,
  },
  {
    name: 'column pair (high below low)',
    mutate:
      "UPDATE fact_stock_daily_price SET high_price = low_price - 1 WHERE trade_date = DATE '2025-06-11' AND symbol = 'AAPL'",
    id: 'fact_stock_daily_price.a_ge_b.high_price_low_price',
    unexpected: 1,
  },
  {
    name: 'in set',
    mutate: "UPDATE fact_stock_daily_price SET source = 'csv' WHERE trade_date = DATE '2025-06-12'",
    id: 'fact_stock_daily_price.in_set.source',
    unexpected: 2,
  },
  {
    name: 'referential integrity (unknown stock_key)',
    mutate:
      "UPDATE fact_stock_daily_price SET stock_key = 99 WHERE symbol = 'MSFT' AND trade_date = DATE '2025-06-05'",
    id: 'fact_stock_daily_price.fk.stock_key_dim_stock',
    unexpected: 1,
  },
  {
    name: 'referential integrity (date outside dim_date)',
    mutate:
      "UPDATE fact_stock_daily_price SET date_key = 20250607 WHERE symbol = 'MSFT' AND trade_date = DATE '2025-06-05'; DELETE FROM dim_date WHERE date_key = 20250607",
    id: 'fact_stock_daily_price.fk.date_key_dim_date',
    unexpected: 1,
  },
  {
    name: 'completeness (a missing session)',
    mutate: "DELETE FROM fact_stock_daily_price WHERE symbol = 'MSFT' AND trade_date = DATE '2025-06-16'",
    id: 'fact_stock_daily_price.complete',
    unexpected: 1,
  },
  {
    name: 'completeness (a requested symbol with no rows)',
    mutate: 'SELECT 1',
    id: 'fact_stock_daily_price.complete',
    unexpected: 19,
    params: { symbols: ['AAPL', 'MSFT', 'NVDA'] },
  },
  {
    name: 'freshness (last session missing)',
    mutate: "DELETE FROM fact_stock_daily_price WHERE trade_date = DATE '2025-06-27'",
    id: 'fact_stock_daily_price.fresh.trade_date',
    unexpected: 1,
  },
  {
    name: 'weekly reconciliation (volume sum off by one)',
    mutate:
      "UPDATE agg_stock_weekly_metrics SET total_volume = total_volume + 1 WHERE symbol = 'AAPL' AND week_start = DATE '2025-06-09'",
    id: 'agg_stock_weekly_metrics.reconcile.week',
    unexpected: 1,
  },
  {
    name: 'monthly reconciliation (a fact row the aggregate never saw)',
    mutate:
      "INSERT INTO fact_stock_daily_price SELECT symbol, DATE '2025-07-01', 20250701, stock_key, open_price, high_price, low_price, close_price, volume, typical_price, previous_close, log_return, source, run_id FROM fact_stock_daily_price WHERE symbol = 'AAPL' AND trade_date = DATE '2025-06-27'",
    id: 'agg_stock_monthly_metrics.reconcile.month',
    unexpected: 1,
    params: { scope: 'all' },
  },
];

describe('failing fixtures', () => {
  it.each(failing)('$name fails $id', async ({ mutate, id, unexpected, params }) => {
    await db.exec(mutate);
    const e = builtInSuites()
      .flatMap((s) => s.expectations)
      .find((x) => expectationId(x) === id);
    expect(e, `no built-in expectation ${id}`).toBeDefined();
    const r = await runOne(e as Expectation, fixtureParams(params));
    expect(r.error).toBeNull();
    expect(r.status).toBe('failed');
    expect(r.unexpectedCount).toBe(unexpected);
    if (!id.endsWith('.row_count')) expect(r.sampleRows.length).toBeGreaterThan(0);
  });

  it('runs every expectation even when earlier ones fail, and blocks publishing', async () => {
    for (const f of failing.slice(0, 4)) await db.exec(f.mutate);
    const out = await runBuiltIn();
    expect(out.results.length).toBe(builtInSuites().reduce((a, s) => a + s.expectations.length, 0));
    expect(out.blocking.map((r) => r.expectationId)).toEqual(
      expect.arrayContaining(failing.slice(0, 4).map((f) => f.id)),
    );
    expect(out.publishable).toBe(false);
  });

  it('samples at most 20 offending rows and reports the observed latest date', async () => {
    await db.exec("UPDATE fact_stock_daily_price SET source = 'csv'");
    const r = await runOne({
      kind: 'expect_column_values_to_be_in_set',
      table: 'fact_stock_daily_price',
      column: 'source',
      valueSet: ['fmp'],
    });
    expect(r.unexpectedCount).toBe(38);
    expect(r.sampleRows).toHaveLength(20);
    expect(r.sampleRows[0]).toMatchObject({ source: 'csv' });
    await db.exec("DELETE FROM fact_stock_daily_price WHERE trade_date > DATE '2025-06-25'");
    const f = await runOne({ kind: 'expect_table_to_be_fresh', table: 'fact_stock_daily_price' });
    expect(f.observedValue).toBe('2025-06-25');
    expect(f.sampleRows).toEqual([
      { symbol: 'AAPL', latest: '2025-06-25' },
      { symbol: 'MSFT', latest: '2025-06-25' },
    ]);
  });
});

describe('window scope', () => {
  it('examines only rows dated in the window, unless scope is all', async () => {
    await db.exec(
      "UPDATE fact_stock_daily_price SET close_price = NULL WHERE trade_date = DATE '2025-06-03' AND symbol = 'MSFT'",
    );
    const e = builtInSuites()
      .flatMap((s) => s.expectations)
      .find((x) => expectationId(x) === 'fact_stock_daily_price.not_null.close_price') as Expectation;
    const late = fixtureParams({ window: { from: '2025-06-20', to: '2025-06-27' } });
    expect((await runOne(e, late)).status).toBe('passed');
    expect((await runOne(e, late)).elementCount).toBe(12);
    expect((await runOne(e, { ...late, scope: 'all' })).status).toBe('failed');
  });
});

describe('tolerances and known gaps', () => {
  it('mostly lets a small share of rows fail', async () => {
    await db.exec(
      "UPDATE fact_stock_daily_price SET close_price = NULL WHERE trade_date = DATE '2025-06-10' AND symbol = 'MSFT'",
    );
    const e: Expectation = {
      kind: 'expect_column_values_to_not_be_null',
      table: 'fact_stock_daily_price',
      column: 'close_price',
    };
    expect((await runOne({ ...e, mostly: 0.95 })).status).toBe('passed');
    expect((await runOne({ ...e, mostly: 0.99 })).status).toBe('failed');
  });

  it('reports known gaps and empty symbols without failing', async () => {
    await db.exec(
      "DELETE FROM fact_stock_daily_price WHERE symbol = 'MSFT' AND trade_date = DATE '2025-06-16'",
    );
    const params = fixtureParams({
      symbols: ['AAPL', 'MSFT', 'DELISTED'],
      emptySymbols: ['DELISTED'],
      knownGaps: [{ symbol: 'MSFT', date: '2025-06-16', reason: 'bar.high_bound' }],
    });
    const r = await runOne(
      { kind: 'expect_sessions_to_be_complete', table: 'fact_stock_daily_price' },
      params,
    );
    expect(r.status).toBe('passed');
    expect(r.knownGapCount).toBe(1);
    expect(r.sampleRows).toEqual([{ symbol: 'MSFT', trade_date: '2025-06-16', known_gap: 1 }]);
  });

  it('counts every missing session of a refused symbol as a known gap', async () => {
    const params = fixtureParams({ symbols: ['AAPL', 'MSFT', 'TSLA'], refusedSymbols: ['TSLA'] });
    const r = await runOne(
      { kind: 'expect_sessions_to_be_complete', table: 'fact_stock_daily_price' },
      params,
    );
    expect(r.status).toBe('passed');
    expect(r.knownGapCount).toBe(params.sessions.length);
  });

  it('warn severity reports without blocking', async () => {
    await db.exec("UPDATE fact_stock_daily_price SET source = 'csv'");
    const out = await runSuites(
      [
        {
          name: 'w',
          expectations: [
            {
              kind: 'expect_column_values_to_be_in_set',
              table: 'fact_stock_daily_price',
              column: 'source',
              valueSet: ['fmp'],
              severity: 'warn',
            },
          ],
        },
      ],
      { runSql: db.runSql, params: fixtureParams() },
    );
    expect(out.results[0]?.status).toBe('failed');
    expect(out.publishable).toBe(true);
  });

  it('an engine error is a result, and later expectations still run', async () => {
    const out = await runSuites(
      [
        {
          name: 'e',
          expectations: [
            { kind: 'expect_column_values_to_not_be_null', table: 'no_such_table', column: 'x' },
            { kind: 'expect_table_row_count_to_be_between', table: 'dim_date', min: 1 },
          ],
        },
      ],
      { runSql: db.runSql, params: fixtureParams() },
    );
    expect(out.results.map((r) => r.status)).toEqual(['error', 'passed']);
    expect(out.results[0]?.error).toMatch(/no_such_table/);
    expect(out.publishable).toBe(false);
  });
});
