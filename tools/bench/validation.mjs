// Benchmark of packages/validation against the BUILT package:
//   NX_DAEMON=false npx nx build validation --outputStyle=static && node tools/bench/validation.mjs [symbols] [years]
// 1. Builds a synthetic star schema (DESIGN §5 columns) of <symbols> × <years> of NASDAQ sessions in DuckDB,
//    computing the fact metrics (previous close, returns, 50/200-day SMAs, 52-week high/low) and the weekly,
//    monthly and sector aggregates with SQL window functions. That in-memory build is the "transform" the
//    suites are compared with; the real transform also writes Parquet + Iceberg metadata, so it is slower
//    and the ratio below is pessimistic for validation.
// 2. Runs every built-in suite: a daily run (window = the last session, checks scoped to it) and the whole
//    warehouse (window = every session, scope all: what `validate --stage tables` over all data costs).
// 3. Record rules: validateBars over 1e6 raw bars.
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { sessionsBetween, previousSession } from '@nasdaq-pipeline/market-calendar';
import { builtInSuites, runSuites, validateBars } from '@nasdaq-pipeline/validation';

const SYMBOLS = Number(process.argv[2] ?? 3000);
const YEARS = Number(process.argv[3] ?? 10);
const LAST = '2025-06-13';
const FIRST = `${2025 - YEARS}-06-14`;
const sessions = sessionsBetween(FIRST, LAST);
const symbols = Array.from({ length: SYMBOLS }, (_, i) => `S${String(i).padStart(4, '0')}`);

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const exec = (sql) => con.run(sql);
const runSql = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS();
const time = async (fn) => {
  const t = performance.now();
  const out = await fn();
  return [performance.now() - t, out];
};

console.log(
  `# ${SYMBOLS} symbols × ${sessions.length} sessions (${FIRST}..${LAST}) = ${(SYMBOLS * sessions.length).toLocaleString()} bars`,
);

// Raw bars: a seeded random walk per symbol (not timed: extraction is not transform).
await exec(`
  CREATE TABLE sessions AS SELECT CAST(unnest(${'['}${sessions.map((d) => `'${d}'`).join(',')}${']'}) AS DATE) AS trade_date;
  CREATE TABLE syms AS SELECT 'S' || lpad(CAST(i AS VARCHAR), 4, '0') AS symbol, i FROM range(${SYMBOLS}) t(i);
  CREATE TABLE raw_bars AS
    WITH r AS (
      SELECT s.symbol, s.i, d.trade_date,
             (CAST(hash(s.symbol, d.trade_date) % 2001 AS INTEGER) - 1000) / 100000.0 AS ret
      FROM syms s CROSS JOIN sessions d
    ), p AS (
      SELECT symbol, i, trade_date,
             (20 + i % 500) * exp(sum(ret) OVER (PARTITION BY symbol ORDER BY trade_date)) AS close
      FROM r
    )
    SELECT symbol, trade_date, close * 0.995 AS open, close * 1.01 AS high, close * 0.985 AS low, close,
           100000 + CAST(hash(symbol, trade_date) % 1000000 AS BIGINT) AS volume, i
    FROM p;
`);

const [transformMs] = await time(() =>
  exec(`
  CREATE TABLE dim_date AS
    SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER) AS date_key, CAST(d AS DATE) AS date,
           CAST(year(d) AS INTEGER) AS year, CAST(month(d) AS INTEGER) AS month,
           CAST(isoyear(d) AS INTEGER) AS iso_year, CAST(weekofyear(d) AS INTEGER) AS iso_week
    FROM generate_series(TIMESTAMP '${FIRST}', TIMESTAMP '2026-12-31', INTERVAL 1 DAY) t(d);
  CREATE TABLE dim_stock AS
    SELECT CAST(i + 1 AS BIGINT) AS stock_key, symbol, 'Company ' || symbol AS company_name,
           ['Technology','Healthcare','Energy','Financials'][1 + i % 4] AS sector,
           ['Mega','Large','Mid','Small','Micro'][1 + i % 5] AS market_cap_tier,
           DATE '${FIRST}' AS valid_from, CAST(NULL AS DATE) AS valid_to, TRUE AS is_current
    FROM syms;
  CREATE TABLE fact_stock_daily_price AS
    SELECT b.symbol, b.trade_date, CAST(strftime(b.trade_date, '%Y%m%d') AS INTEGER) AS date_key,
           CAST(b.i + 1 AS BIGINT) AS stock_key, b.open AS open_price, b.high AS high_price, b.low AS low_price,
           b.close AS close_price, b.volume, (b.high + b.low + b.close) / 3 AS typical_price,
           lag(b.close) OVER w AS previous_close, b.close - lag(b.close) OVER w AS price_change,
           100 * (b.close - lag(b.close) OVER w) / lag(b.close) OVER w AS change_percentage,
           ln(b.close / lag(b.close) OVER w) AS log_return, 100 * (b.high - b.low) / b.low AS daily_volatility,
           CASE WHEN count(*) OVER w50 = 50 THEN avg(b.close) OVER w50 END AS price_avg_50d,
           CASE WHEN count(*) OVER w200 = 200 THEN avg(b.close) OVER w200 END AS price_avg_200d,
           max(b.high) OVER w52 AS year_high_52w, min(b.low) OVER w52 AS year_low_52w,
           CAST(NULL AS BIGINT) AS market_cap, 'sample' AS source, 'BENCH' AS run_id, now() AS ingested_at
    FROM raw_bars b
    WINDOW w AS (PARTITION BY b.symbol ORDER BY b.trade_date),
           w50 AS (PARTITION BY b.symbol ORDER BY b.trade_date ROWS BETWEEN 49 PRECEDING AND CURRENT ROW),
           w200 AS (PARTITION BY b.symbol ORDER BY b.trade_date ROWS BETWEEN 199 PRECEDING AND CURRENT ROW),
           w52 AS (PARTITION BY b.symbol ORDER BY b.trade_date RANGE BETWEEN INTERVAL 364 DAY PRECEDING AND CURRENT ROW)
    -- the Iceberg table is partitioned by month(trade_date) and sorted: keep that layout so a window
    -- predicate prunes like it does on the real table
    ORDER BY b.trade_date, b.symbol;
  CREATE TABLE agg_stock_weekly_metrics AS
    SELECT symbol, CAST(isoyear(trade_date) AS INTEGER) AS iso_year, CAST(weekofyear(trade_date) AS INTEGER) AS iso_week,
           CAST(date_trunc('week', trade_date) AS DATE) AS week_start, max(trade_date) AS week_end,
           CAST(count(*) AS INTEGER) AS trading_days, arg_min(open_price, trade_date) AS week_open,
           arg_max(close_price, trade_date) AS week_close, max(high_price) AS week_high, min(low_price) AS week_low,
           CAST(sum(volume) AS BIGINT) AS total_volume, avg(close_price) AS avg_close, stddev_samp(close_price) AS close_stddev
    FROM fact_stock_daily_price GROUP BY ALL;
  CREATE TABLE agg_stock_monthly_metrics AS
    SELECT symbol, CAST(year(trade_date) AS INTEGER) AS year, CAST(month(trade_date) AS INTEGER) AS month,
           CAST(date_trunc('month', trade_date) AS DATE) AS month_start, CAST(count(*) AS INTEGER) AS trading_days,
           arg_min(open_price, trade_date) AS month_open, arg_max(close_price, trade_date) AS month_close,
           max(high_price) AS month_high, min(low_price) AS month_low, CAST(sum(volume) AS BIGINT) AS total_volume,
           avg(close_price) AS avg_close, stddev_samp(close_price) AS close_stddev
    FROM fact_stock_daily_price GROUP BY ALL;
  CREATE TABLE agg_sector_performance AS
    SELECT f.trade_date, s.sector, CAST(count(*) AS INTEGER) AS num_stocks, avg(f.change_percentage) AS avg_change_pct,
           stddev_samp(f.change_percentage) AS change_pct_stddev, CAST(sum(f.volume) AS BIGINT) AS total_volume
    FROM fact_stock_daily_price f JOIN dim_stock s USING (stock_key) GROUP BY ALL;
`),
);
console.log(`transform (in-memory SQL, no Parquet/Iceberg I/O): ${(transformMs / 1000).toFixed(2)} s`);

async function suites(label, window, scope) {
  const params = {
    runId: 'BENCH',
    window,
    sessions: sessionsBetween(window.from, window.to),
    symbols,
    scope,
  };
  const [ms, out] = await time(() => runSuites(builtInSuites(), { runSql, params }));
  const bad = out.results.filter((r) => r.status !== 'passed');
  const slow = [...out.results].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3);
  console.log(
    `suites, ${label}: ${(ms / 1000).toFixed(2)} s = ${((100 * ms) / transformMs).toFixed(1)}% of transform; ` +
      `${out.results.length} expectations, ${bad.length} not passed${bad.length ? ` (${bad.map((r) => r.expectationId).join(', ')})` : ''}; ` +
      `slowest: ${slow.map((r) => `${r.expectationId} ${(r.durationMs / 1000).toFixed(2)} s`).join(', ')}`,
  );
}
await suites('daily run (window = 1 session, scope window)', { from: LAST, to: LAST }, 'window');
await suites(
  `whole warehouse (window = ${sessions.length} sessions, scope all)`,
  { from: sessions[0], to: LAST },
  'all',
);

// Record rules over 1e6 raw bars.
const bars = [];
const perSymbol = Math.min(sessions.length, Math.ceil(1_000_000 / symbols.length));
for (const symbol of symbols) {
  for (const date of sessions.slice(-perSymbol)) {
    const i = bars.length;
    // one bar in 1000 is bad (high below close): quarantined with its raw row
    bars.push({
      symbol,
      date,
      open: 100,
      high: i % 1000 === 7 ? 100 : 101 + (i % 3),
      low: 99,
      close: 100.5,
      volume: 1000 + i,
    });
  }
}
const [rulesMs, v] = await time(() => validateBars(bars, { runId: 'BENCH', runSession: LAST }));
console.log(
  `validateBars: ${bars.length.toLocaleString()} bars in ${(rulesMs / 1000).toFixed(2)} s ` +
    `(${Math.round(bars.length / (rulesMs / 1000)).toLocaleString()} bars/s), ${v.accepted.length.toLocaleString()} accepted; ` +
    `previous session check: ${previousSession(LAST)}`,
);
con.closeSync();
db.closeSync();
