// Benchmark of the star-schema build (packages/star-schema) against the BUILT packages:
//   NX_DAEMON=false npx nx build star-schema --outputStyle=static && npx nx build fmp-sim --outputStyle=static
//   node tools/bench/star-schema.mjs [symbols=3000] [years=10]
// Raw FMP JSON (one `historical-price-eod/full` file and one `profile` file per symbol, from fmp-sim) →
//   1. baseline: the same SQL models in DuckDB writing plain Parquet folders (no Iceberg bookkeeping), rebuild;
//   2. iceberg: the same build committing every table as Iceberg v2 (filesystem catalog), rebuild + publish;
//   3. daily: one more session for every symbol, incremental, on the Iceberg warehouse (stage + publish).
// Each phase runs in its own process so peak RSS is per phase. Data is cached in $STAR_BENCH_DIR (default tmp).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const phase = args.find((a) => a.startsWith('--phase='))?.slice(8);
const [SYMBOLS = 3000, YEARS = 10] = args.filter((a) => !a.startsWith('--')).map(Number);
const FROM = `${2025 - YEARS}-01-01`;
const TO = '2024-12-31';
const DAY = '2025-01-02';
const base = process.env.STAR_BENCH_DIR ?? path.join(tmpdir(), 'star-schema-bench');
const dataDir = path.join(base, `data-${SYMBOLS}x${YEARS}`);
const MEMORY_LIMIT = process.env.STAR_BENCH_MEMORY ?? '1200MB';
const BATCH = Number(process.env.STAR_BENCH_BATCH ?? 3000);

function symbolName(i) {
  let s = '';
  let n = i;
  for (let k = 0; k < 4; k++) {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

async function generate() {
  const { generateBars, simulatedProfile } = await import('@nasdaq-pipeline/fmp-sim');
  if (existsSync(path.join(dataDir, 'done'))) return;
  for (const d of ['bars', 'profiles', 'day']) mkdirSync(path.join(dataDir, d), { recursive: true });
  const t0 = performance.now();
  let bars = 0;
  for (let i = 0; i < SYMBOLS; i++) {
    const symbol = symbolName(i);
    const all = generateBars(symbol, FROM, DAY, { seed: 7 });
    const history = all.filter((b) => b.date <= TO);
    bars += history.length;
    // FMP answers newest first.
    writeFileSync(path.join(dataDir, 'bars', `${symbol}.json`), JSON.stringify(history.reverse()));
    writeFileSync(
      path.join(dataDir, 'day', `${symbol}.json`),
      JSON.stringify(all.filter((b) => b.date === DAY)),
    );
    const p = simulatedProfile(symbol);
    const last = history[0]?.close ?? 0;
    const profile = {
      ...p,
      price: last,
      marketCap: Math.round(p.sharesOutstanding * last),
      isActivelyTrading: true,
      isEtf: false,
    };
    writeFileSync(path.join(dataDir, 'profiles', `${symbol}.json`), JSON.stringify([profile]));
  }
  writeFileSync(path.join(dataDir, 'done'), JSON.stringify({ bars }));
  console.error(`generated ${bars} bars in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const files = (d) => readdirSync(path.join(dataDir, d)).map((f) => path.join(dataDir, d, f));

async function runPhase(name) {
  const { buildStarSchema } = await import('@nasdaq-pipeline/star-schema/duckdb');
  const { createParquetFolderStore, createIcebergTableStore } = await import('@nasdaq-pipeline/star-schema');
  const { FilesystemCatalog, LocalFileIO, toFileUri } = await import('@nasdaq-pipeline/iceberg');
  const out = path.join(base, `out-${SYMBOLS}x${YEARS}`);
  const iceberg = () =>
    createIcebergTableStore({
      catalog: new FilesystemCatalog({
        warehouse: toFileUri(path.join(out, 'iceberg')),
        io: new LocalFileIO(),
      }),
    });
  if (name !== 'daily') rmSync(path.join(out, name), { recursive: true, force: true });
  const store = name === 'baseline' ? createParquetFolderStore(path.join(out, 'baseline')) : iceberg();
  const daily = name === 'daily';
  const t0 = performance.now();
  let lastCpu = process.cpuUsage();
  const result = await buildStarSchema({
    store,
    workDir: path.join(out, `work-${name}`),
    asOf: daily ? DAY : TO,
    mode: daily ? 'incremental' : 'rebuild',
    bars: {
      format: 'json',
      files: files(daily ? 'day' : 'bars'),
      source: 'sample',
      runId: `bench-${name}`,
      ingestedAt: new Date().toISOString(),
      // The bar count, as the CLI passes it: a rebuild that fits one batch then reads the JSON directly.
      ...(daily ? {} : { rows: JSON.parse(readFileSync(path.join(dataDir, 'done'), 'utf8')).bars }),
    },
    ...(daily ? {} : { profiles: { format: 'json', files: files('profiles'), asOf: TO } }),
    memoryLimit: MEMORY_LIMIT,
    threads: 2,
    batchSymbols: BATCH,
    ...(process.env.STAR_BENCH_PROFILE
      ? {
          // Wall time of the statement and CPU time of the process since the previous statement ended.
          onStatement: (sql, ms) => {
            const cpu = process.cpuUsage(lastCpu);
            lastCpu = process.cpuUsage();
            if (ms > (Number(process.env.STAR_BENCH_PROFILE) || 1000))
              console.error(
                `${(ms / 1000).toFixed(1).padStart(6)} s ${((cpu.user + cpu.system) / 1e6).toFixed(1).padStart(6)} cpu-s  ${sql}`,
              );
          },
        }
      : {}),
  });
  const staged = performance.now();
  await result.publishAll();
  const t1 = performance.now();
  rmSync(path.join(out, `work-${name}`), { recursive: true, force: true });
  const summary = {
    phase: name,
    bars: result.stagedBars,
    seconds: (t1 - t0) / 1000,
    stageSeconds: (staged - t0) / 1000,
    barsPerSecond: result.stagedBars / ((t1 - t0) / 1000),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    // CPU time of the process (DuckDB threads included): on a shared machine, wall time overstates the cost.
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    systemCpuSeconds: process.cpuUsage().system / 1e6,
    minorPageFaults: process.resourceUsage().minorPageFault,
    tables: Object.fromEntries(result.tables.map((t) => [t.table, t.rowsWritten])),
  };
  console.log(JSON.stringify(summary));
}

if (phase) {
  await runPhase(phase);
} else {
  await generate();
  const self = fileURLToPath(import.meta.url);
  const results = {};
  for (const p of ['baseline', 'iceberg', 'daily']) {
    const r = spawnSync(process.execPath, [self, `--phase=${p}`, String(SYMBOLS), String(YEARS)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`phase ${p} failed (${r.status})`);
    results[p] = JSON.parse(r.stdout.trim().split('\n').at(-1));
    console.log(JSON.stringify(results[p]));
  }
  const ratio = results.iceberg.seconds / results.baseline.seconds;
  console.log(
    `\n${SYMBOLS} symbols × ${YEARS} years = ${results.iceberg.bars} bars; memory_limit ${MEMORY_LIMIT}, batch ${BATCH}\n` +
      `baseline (plain Parquet): ${results.baseline.seconds.toFixed(1)} s, ${Math.round(results.baseline.barsPerSecond)} bars/s, peak RSS ${Math.round(results.baseline.peakRssMB)} MB\n` +
      `iceberg  (all tables):    ${results.iceberg.seconds.toFixed(1)} s, ${Math.round(results.iceberg.barsPerSecond)} bars/s, peak RSS ${Math.round(results.iceberg.peakRssMB)} MB\n` +
      `ratio iceberg/baseline:   ${ratio.toFixed(2)}\n` +
      `daily increment (${results.daily.bars} bars on the Iceberg tables): ${results.daily.seconds.toFixed(1)} s, peak RSS ${Math.round(results.daily.peakRssMB)} MB`,
  );
}
