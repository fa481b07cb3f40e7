// What does DuckDB's partitioned Parquet write cost against a plain one (issue 6)? The fact table is partitioned by
// month(trade_date): a 10-year rebuild writes ~120 partitions per batch. This script materialises the fact table's 23
// columns (window metrics included) for N symbols of the cached star-schema input once, then writes the SAME rows
// plain and partitioned into 2, 10 (years) and 120 (months) partitions, with and without field ids, then as the
// star-schema writer does since session 4 (8,192-row groups; a rebuild's one-value provenance as ENUMs), and prints
// CPU and wall time as ratios to the plain write in the same process.
//   node tools/bench/star-schema.mjs 3000 10            # once, generates the input
//   node tools/bench/partitioned-write.mjs [symbols=1500] [rounds=2]
import { rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCachedBars } from './cached-bars.mjs';

const [SYMBOLS = 1500, ROUNDS = 2] = process.argv.slice(2).map(Number);
const {
  connection: c,
  barsJson: json,
  workDir: work,
  over: w,
} = await openCachedBars({
  symbols: 3000,
  years: 10,
  take: SYMBOLS,
  work: 'partitioned-write',
  memoryLimit: '6GB',
});
const year = w('RANGE BETWEEN INTERVAL 364 DAYS PRECEDING AND CURRENT ROW');
await c.run(`CREATE TABLE fact AS SELECT symbol, date AS trade_date,
  year(date) * 10000 + month(date) * 100 + day(date) AS date_key, 42::BIGINT AS stock_key,
  open AS open_price, high AS high_price, low AS low_price, close AS close_price, CAST(volume AS BIGINT) AS volume,
  (high + low + close) / 3 AS typical_price, lag(close) ${w()} AS previous_close,
  close - lag(close) ${w()} AS price_change, 100 * (close - lag(close) ${w()}) / lag(close) ${w()} AS change_percentage,
  ln(close / lag(close) ${w()}) AS log_return, 100 * (high - low) / low AS daily_volatility,
  avg(close) ${w('ROWS BETWEEN 49 PRECEDING AND CURRENT ROW')} AS price_avg_50d,
  avg(close) ${w('ROWS BETWEEN 199 PRECEDING AND CURRENT ROW')} AS price_avg_200d,
  max(high) ${year} AS year_high_52w, min(low) ${year} AS year_low_52w, CAST(NULL AS DOUBLE) AS market_cap,
  'sample' AS source, '01JBENCHRUNIDXXXXXXXXXXXXX' AS run_id, TIMESTAMPTZ '2025-06-17 22:00:00+00' AS ingested_at
FROM (SELECT *, CAST(date AS TIMESTAMP) AS ts FROM ${json})`);
const rows = Number((await c.runAndReadAll('SELECT count(*) FROM fact')).getRows()[0][0]);
const columns = (await c.runAndReadAll('SELECT * FROM fact LIMIT 0')).columnNames();
const fieldIds = `{${columns.map((n, i) => `${n}: ${i + 1}`).join(', ')}}`;
const month = 'year(trade_date) * 12 + month(trade_date) - 1 - 1970 * 12';

const variants = [
  ['plain (baseline)', null, ''],
  ['2 partitions (even/odd year)', 'year(trade_date) % 2', ''],
  ['10 partitions (year)', 'year(trade_date)', ''],
  ['120 partitions (month)', month, ''],
  ['120 partitions (month), field ids', month, `, FIELD_IDS ${fieldIds}`],
  ['… and 8,192-row groups', month, `, FIELD_IDS ${fieldIds}, ROW_GROUP_SIZE 8192`],
  [
    '… and source, run_id as ENUMs (the writer now)',
    month,
    `, FIELD_IDS ${fieldIds}, ROW_GROUP_SIZE 8192`,
    true,
  ],
];
// A one-value ENUM is written as the same dictionary-encoded UTF8 column as the VARCHAR (engine/duckdb-sql.ts).
const enums = `source::ENUM('sample') AS source, run_id::ENUM('01JBENCHRUNIDXXXXXXXXXXXXX') AS run_id`;
let n = 0;
async function write([, part, extra, asEnums]) {
  const out = path.join(work, `w${n++}`);
  const rows = asEnums ? `* REPLACE (${enums})` : '*';
  const sql = part
    ? `COPY (SELECT ${rows}, ${part} AS p FROM fact) TO '${out}' (FORMAT parquet, PARTITION_BY (p)${extra})`
    : `COPY fact TO '${out}.parquet' (FORMAT parquet${extra})`;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await c.run(sql);
  const cpu = process.cpuUsage(cpu0);
  rmSync(part ? out : `${out}.parquet`, { recursive: true, force: true });
  return { wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}
// Rounds interleave the variants so a load change on the machine hits them all alike; the best round counts.
const best = variants.map(() => ({ wall: Infinity, cpu: Infinity }));
for (let r = 0; r < ROUNDS; r++) {
  for (const [i, v] of variants.entries()) {
    const m = await write(v);
    best[i] = { wall: Math.min(best[i].wall, m.wall), cpu: Math.min(best[i].cpu, m.cpu) };
  }
}
rmSync(work, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      symbols: SYMBOLS,
      rows,
      columns: columns.length,
      rounds: ROUNDS,
      results: variants.map(([label], i) => ({
        label,
        wallSeconds: +best[i].wall.toFixed(2),
        cpuSeconds: +best[i].cpu.toFixed(2),
        cpuRatio: +(best[i].cpu / best[0].cpu).toFixed(2),
        wallRatio: +(best[i].wall / best[0].wall).toFixed(2),
      })),
    },
    null,
    2,
  ),
);
