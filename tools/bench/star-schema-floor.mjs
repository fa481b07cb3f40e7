// The floor under the star-schema throughput target (issue 6): how fast can DuckDB alone, on this machine, do the
// unavoidable part of a rebuild? Steps, each on the same connection:
//   1. parse the raw FMP JSON, every column;
//   2. JSON → the six window metrics → ONE plain 13-column Parquet file;
//   3. JSON → the fact table's 23 columns (windows, derived columns, provenance) → ONE plain Parquet file: no
//      partitioning, no field ids, no SCD2 join;
//   4. the weekly and monthly aggregates over step 3's file, computed and counted, not written.
// Steps 3 + 4 are a lower bound for the whole build (which also partitions, writes the aggregates, sector
// performance and dimensions, and commits). Uses the cached input of tools/bench/star-schema.mjs:
//   node tools/bench/star-schema.mjs 3000 10      # once, generates the input
//   node tools/bench/star-schema-floor.mjs 3000 10
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openCachedBars } from './cached-bars.mjs';

const [SYMBOLS = 3000, YEARS = 10] = process.argv.slice(2).map(Number);
const {
  connection: c,
  barsJson: json,
  workDir: work,
  over: w,
} = await openCachedBars({
  symbols: SYMBOLS,
  years: YEARS,
  work: 'floor',
  memoryLimit: process.env.STAR_BENCH_MEMORY ?? '1200MB',
});
// Ordered by the day number, as the fact model is (one sort for the ROWS and RANGE frames).
const byDay = (frame = '') => w(frame).replace('ORDER BY ts', 'ORDER BY dn');
const year = byDay('RANGE BETWEEN 364 PRECEDING AND CURRENT ROW');
const input = `(SELECT *, CAST(date - DATE '1970-01-01' AS INTEGER) AS dn FROM ${json})`;
const fact = `SELECT symbol, date AS trade_date, open, high, low, close, CAST(volume AS BIGINT) AS volume,
  lag(close) ${byDay()} AS previous_close,
  CASE WHEN row_number() ${byDay()} >= 50 THEN avg(close) ${byDay('ROWS BETWEEN 49 PRECEDING AND CURRENT ROW')} END AS sma50,
  CASE WHEN row_number() ${byDay()} >= 200 THEN avg(close) ${byDay('ROWS BETWEEN 199 PRECEDING AND CURRENT ROW')} END AS sma200,
  max(high) ${year} AS high_52w,
  min(low) ${year} AS low_52w
FROM ${input}`;
const fullFact = `SELECT symbol, trade_date, year(trade_date) * 10000 + month(trade_date) * 100 + day(trade_date) AS date_key,
  42::BIGINT AS stock_key, open AS open_price, high AS high_price, low AS low_price, close AS close_price, volume,
  (high + low + close) / 3 AS typical_price, previous_close, close - previous_close AS price_change,
  100 * (close - previous_close) / previous_close AS change_percentage, ln(close / previous_close) AS log_return,
  100 * (high - low) / low AS daily_volatility, sma50 AS price_avg_50d, sma200 AS price_avg_200d,
  high_52w AS year_high_52w, low_52w AS year_low_52w, CAST(NULL AS DOUBLE) AS market_cap,
  'sample'::ENUM('sample') AS source, 'bench'::ENUM('bench') AS run_id, TIMESTAMPTZ '2025-06-17 22:00:00+00' AS ingested_at
FROM (${fact})`;
const periods = (
  key,
) => `SELECT count(*) FROM (SELECT symbol, ${key}, count(*), min_by(open_price, trade_date),
  max_by(close_price, trade_date), max(high_price), min(low_price), sum(volume), avg(close_price),
  stddev_samp(close_price), avg(daily_volatility), min_by(coalesce(previous_close, -1.0), trade_date)
  FROM '${work}/fact23.parquet' GROUP BY ALL)`;

async function step(label, sql) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const reader = await c.runAndReadAll(sql);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const rows = Number(reader.getRows()[0]?.[0] ?? 0);
  return {
    label,
    rows,
    seconds: +seconds.toFixed(2),
    cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
  };
}

const results = [
  await step(
    '1. parse the JSON (every column)',
    `SELECT count(*), sum(open + high + low + close + volume) FROM ${json}`,
  ),
  await step(
    '2. JSON → windowed fact rows → one plain 13-column Parquet file',
    `COPY (${fact}) TO '${work}/fact.parquet' (FORMAT parquet)`,
  ),
  await step(
    "3. JSON → the fact table's 23 columns → one plain Parquet file",
    `COPY (${fullFact}) TO '${work}/fact23.parquet' (FORMAT parquet, ROW_GROUP_SIZE 8192)`,
  ),
  await step('4a. weekly aggregates over 3 (counted)', periods("date_trunc('week', trade_date) AS w")),
  await step('4b. monthly aggregates over 3 (counted)', periods("date_trunc('month', trade_date) AS m")),
];
const bars = results[0].rows;
for (const r of results) r.barsPerSecond = Math.round(bars / r.seconds);
rmSync(work, { recursive: true, force: true });
const floorSeconds = results.slice(2).reduce((t, r) => t + r.seconds, 0);
console.log(
  JSON.stringify(
    {
      symbols: SYMBOLS,
      years: YEARS,
      bars,
      results,
      floor: {
        label: 'steps 3 + 4',
        seconds: +floorSeconds.toFixed(2),
        barsPerSecond: Math.round(bars / floorSeconds),
      },
    },
    null,
    2,
  ),
);
