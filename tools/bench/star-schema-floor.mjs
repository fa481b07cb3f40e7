// The floor under the star-schema throughput target (issue 6): how fast can DuckDB alone, on this machine, do the
// unavoidable part of a rebuild — parse the raw FMP JSON and write the fact table's rows (the window metrics
// included) as ONE plain Parquet file, with no partitioning, no aggregates, no dimensions and no Iceberg? Whatever
// this reaches is an upper bound for the whole build. Uses the cached input of tools/bench/star-schema.mjs:
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
const fact = `SELECT symbol, date AS trade_date, open, high, low, close, CAST(volume AS BIGINT) AS volume,
  lag(close) ${w()} AS previous_close,
  CASE WHEN row_number() ${w()} >= 50 THEN avg(close) ${w('ROWS BETWEEN 49 PRECEDING AND CURRENT ROW')} END AS sma50,
  CASE WHEN row_number() ${w()} >= 200 THEN avg(close) ${w('ROWS BETWEEN 199 PRECEDING AND CURRENT ROW')} END AS sma200,
  max(high) ${w('RANGE BETWEEN INTERVAL 364 DAYS PRECEDING AND CURRENT ROW')} AS high_52w,
  min(low) ${w('RANGE BETWEEN INTERVAL 364 DAYS PRECEDING AND CURRENT ROW')} AS low_52w
FROM (SELECT *, CAST(date AS TIMESTAMP) AS ts FROM ${json})`;

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
  await step('parse the JSON (count rows)', `SELECT count(*) FROM ${json}`),
  await step(
    'JSON → windowed fact rows → one plain Parquet file',
    `COPY (${fact}) TO '${work}/fact.parquet' (FORMAT parquet)`,
  ),
];
const bars = results[0].rows;
for (const r of results) r.barsPerSecond = Math.round(bars / r.seconds);
rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify({ symbols: SYMBOLS, years: YEARS, bars, results }, null, 2));
