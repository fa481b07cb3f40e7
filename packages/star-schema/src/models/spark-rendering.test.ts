import { describe, expect, it } from 'vitest';
import { modelNames, renderModel } from './index.js';
import { renderSparkJob } from './spark-job.js';

// Functions of Spark SQL 3.x (Glue 4/5) the models may call, checked against the Spark 3.0 built-in function
// reference (https://spark.apache.org/docs/3.0.0/api/sql/). Anything else fails this test.
const SPARK_FUNCTIONS = new Set([
  'avg',
  'coalesce',
  'concat',
  'conv',
  'count',
  'date_format',
  'datediff',
  'date_sub',
  'date_trunc',
  'day',
  'extract',
  'grouping',
  'lag',
  'lead',
  'least',
  'ln',
  'make_date',
  'max',
  'max_by',
  'md5',
  'min',
  'min_by',
  'month',
  'nullif',
  'quarter',
  'row_number',
  'stddev_samp',
  'substr',
  'sum',
  'weekday',
  'weekofyear',
  'year',
]);

// Words followed by "(" that are syntax, not function calls.
const SYNTAX = new Set([
  'as',
  'in',
  'exists',
  'over',
  'values',
  'from',
  'join',
  'and',
  'or',
  'not',
  'where',
  'select',
  'on',
  'cast',
  'with',
  'when',
  'sets', // GROUPING SETS (…)
  'then',
  'else',
]);

function functionCalls(sql: string): string[] {
  const calls: string[] = [];
  for (const m of sql.matchAll(/(\bAS\s+)?\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/gi)) {
    if (m[1]) continue; // `AS v(a, b)`: column aliases of an inline table
    const name = m[2]!.toLowerCase();
    if (!SYNTAX.has(name)) calls.push(name);
  }
  return calls;
}

describe('Spark SQL rendering', () => {
  for (const name of modelNames) {
    it(`${name} uses only Spark SQL 3.x functions and syntax`, () => {
      const sql = renderModel(name, 'spark');
      const unknown = functionCalls(sql).filter((f) => !SPARK_FUNCTIONS.has(f));
      expect(unknown).toEqual([]);
      // DuckDB-only syntax.
      expect(sql).not.toMatch(/\bQUALIFY\b|::|\bIS (NOT )?DISTINCT FROM\b|\bBY NAME\b|"|\bINTERVAL '\d/i);
      expect(sql).not.toMatch(
        /\b(isoyear|isodow|arg_min|arg_max|strftime|monthname|dayname|list|struct_pack)\s*\(/i,
      );
      expect(sql.trim().endsWith(';')).toBe(false);
    });
  }

  it('renders the dialect differences and keeps the shared text identical', () => {
    const spark = renderModel('dim_date', 'spark');
    const duck = renderModel('dim_date', 'duckdb');
    expect(spark).toContain('extract(YEAROFWEEK FROM c.date) AS iso_year');
    expect(duck).toContain('isoyear(c.date) AS iso_year');
    expect(spark).toContain("date_format(c.date, 'MMMM') AS month_name");
    expect(renderModel('stock_changes', 'spark')).toContain('(NOT (n.sector <=> s.sector))');
    expect(renderModel('dim_stock', 'spark')).toContain('CAST(conv(substr(md5(');
    // One source of truth: the fact model differs only in the dialect's spellings.
    const fact = renderModel('fact_stock_daily_price', 'spark');
    expect(fact).toContain('RANGE BETWEEN 364 PRECEDING AND CURRENT ROW');
    expect(fact).toContain("datediff(trade_date, DATE '1970-01-01') AS dn");
    expect(fact).toContain("coalesce(s.valid_to, DATE '9999-12-31')");
    const same = (sql: string) =>
      sql
        .replace(/CAST\(b\.ingested_at AS TIMESTAMP(TZ)?\)/, 'X')
        .replace("datediff(trade_date, DATE '1970-01-01')", 'D')
        .replace("CAST(trade_date - DATE '1970-01-01' AS INTEGER)", 'D');
    expect(same(fact)).toBe(same(renderModel('fact_stock_daily_price', 'duckdb')));
  });

  it('writes a constant provenance after the windows of a rebuild, quoted for each dialect', () => {
    const stagedProvenance = { source: 'fmp', runId: "o'neil\\run", ingestedAt: '2025-01-03T22:00:00Z' };
    const spark = renderModel('fact_stock_daily_price', 'spark', { rebuild: true, stagedProvenance });
    const duck = renderModel('fact_stock_daily_price', 'duckdb', { rebuild: true, stagedProvenance });
    expect(spark).toContain(
      "'fmp' AS source, 'o\\'neil\\\\run' AS run_id, CAST('2025-01-03T22:00:00Z' AS TIMESTAMP) AS ingested_at",
    );
    expect(duck).toContain(
      "'fmp' AS source, 'o''neil\\run' AS run_id, CAST('2025-01-03T22:00:00Z' AS TIMESTAMPTZ) AS ingested_at",
    );
    // Nothing of the provenance rides through the window sort.
    expect(duck.slice(0, duck.indexOf('windowed AS'))).not.toMatch(/source|run_id|ingested_at/);
    expect(functionCalls(spark).filter((f) => !SPARK_FUNCTIONS.has(f))).toEqual([]);
    // Incremental runs keep every row's own provenance.
    expect(renderModel('fact_stock_daily_price', 'duckdb', { stagedProvenance })).toContain(
      'b.source, b.run_id',
    );
  });

  it('orders every window of the fact model by the same integer day number (one sort)', () => {
    const fact = renderModel('fact_stock_daily_price', 'duckdb');
    const orders = [...fact.matchAll(/OVER \(PARTITION BY symbol ORDER BY (\w+)/g)].map((m) => m[1]);
    expect(orders.length).toBe(6);
    expect(new Set(orders)).toEqual(new Set(['dn']));
    expect(fact).toContain("CAST(trade_date - DATE '1970-01-01' AS INTEGER) AS dn");
    expect(fact).not.toMatch(/INTERVAL/);
    expect(fact).not.toMatch(/valid_to IS NULL OR/);
    const rebuild = renderModel('fact_stock_daily_price', 'duckdb', { rebuild: true });
    expect([...rebuild.matchAll(/OVER \(PARTITION BY symbol ORDER BY (\w+)/g)].map((m) => m[1])).toEqual(
      orders,
    );
    expect(rebuild).not.toMatch(/stored_fact|affected_symbols/);
  });

  it('orders the Spark job so every view is defined before it is read, with Spark-only syntax', () => {
    const job = renderSparkJob();
    const bound = new Set([
      'staged_bars',
      'staged_profiles',
      'calendar_dates',
      'stored_fact',
      'stored_dim_stock',
    ]);
    const views = job.map((s) => s.view);
    for (const [i, step] of job.entries()) {
      for (const v of views)
        if (step.sql.includes(` ${v} `) || step.sql.includes(` ${v}\n`)) {
          expect({ step: step.view, reads: v, defined: views.indexOf(v) < i || bound.has(v) }).toMatchObject({
            defined: true,
          });
        }
      expect(functionCalls(step.sql).filter((f) => !SPARK_FUNCTIONS.has(f))).toEqual([]);
      expect(step.sql).not.toMatch(/\bBY NAME\b|\bQUALIFY\b|"/);
    }
    expect(job.filter((s) => s.writes).map((s) => s.writes?.table)).toEqual([
      'dim_stock',
      'fact_stock_daily_price',
      'agg_stock_weekly_metrics',
      'agg_stock_monthly_metrics',
      'agg_sector_performance',
      'dim_date',
      'dim_exchange',
    ]);
    expect(job.find((s) => s.view === 'new_fact')?.writes?.mergeKeys).toEqual(['symbol', 'trade_date']);
  });

  it('rejects an unknown model', () => {
    expect(() => renderModel('nope' as never, 'spark')).toThrow(/unknown model nope/);
  });
});
