// The floor under the star-schema throughput target (issue 6): how fast can DuckDB alone, on this machine, do the
// unavoidable part of a rebuild — parse the raw FMP JSON and write the fact table's rows (the window metrics
// included) as ONE plain Parquet file, with no partitioning, no aggregates, no dimensions and no Iceberg? Whatever
// this reaches is an upper bound for the whole build. Uses the cached input of tools/bench/star-schema.mjs:
//   node tools/bench/star-schema.mjs 3000 10      # once, generates the input
//   node tools/bench/star-schema-floor.mjs 3000 10
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const [SYMBOLS = 3000, YEARS = 10] = process.argv.slice(2).map(Number);
const base = process.env.STAR_BENCH_DIR ?? path.join(tmpdir(), 'star-schema-bench');
const dir = path.join(base, `data-${SYMBOLS}x${YEARS}`, 'bars');
const files = readdirSync(dir).map((f) => `'${path.join(dir, f)}'`);
const work = path.join(base, 'floor');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const { DuckDBInstance } = await import('@duckdb/node-api');
const instance = await DuckDBInstance.create(':memory:', {
  threads: '2',
  memory_limit: process.env.STAR_BENCH_MEMORY ?? '1200MB',
  preserve_insertion_order: 'false',
  temp_directory: path.join(work, 'spill'),
});
const c = await instance.connect();
const json = `read_json([${files.join(',')}], format = 'array', columns = {symbol: 'VARCHAR', date: 'DATE',
  open: 'DOUBLE', high: 'DOUBLE', low: 'DOUBLE', close: 'DOUBLE', volume: 'DOUBLE'})`;
const w = (frame = '') => `OVER (PARTITION BY symbol ORDER BY ts ${frame})`;
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
