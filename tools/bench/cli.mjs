// Benchmarks of the nasdaq-pipeline CLI (issue 8), run against the BUILT CLI:
//   node tools/bench/cli.mjs [--symbols 100] [--help-runs 21] [--query-symbols 100] [--years 10]
// 1. daily `run` of N symbols against the HTTP fake FMP server (25 ms latency, premium plan) versus
//    `extract` alone for the same session, on identical bootstrapped warehouses;
// 2. `nasdaq-pipeline --help` start-up time (median of several spawns) versus `node -e 0`;
// 3. a monthly-returns `query` over a multi-year warehouse versus DuckDB reading the same files directly.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimServer } from '@nasdaq-pipeline/fmp-sim';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const N = Number(args.symbols ?? 100);
const HELP_RUNS = Number(args['help-runs'] ?? 21);
const QUERY_SYMBOLS = Number(args['query-symbols'] ?? 100);
const YEARS = Number(args.years ?? 10);
const bin = fileURLToPath(new URL('../../apps/nasdaq-pipeline/bin/nasdaq-pipeline.js', import.meta.url));
const KEY = 'bench-key';
const NOW = '2025-06-18T22:00:00Z';

function symbols(n) {
  const out = [];
  for (let i = 0; out.length < n; i++) {
    let s = '';
    let k = i;
    do {
      s = String.fromCharCode(65 + (k % 26)) + s;
      k = Math.floor(k / 26) - 1;
    } while (k >= 0);
    out.push(`Q${s}`);
  }
  return out;
}

// Async: the fake FMP server runs in this process, so the event loop must stay free while the CLI runs.
function cli(cwd, argv, env) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bin, ...argv],
      { cwd, env: { ...process.env, ...env }, maxBuffer: 1 << 28 },
      (error, stdout, stderr) => {
        const ms = performance.now() - t0;
        const code = error ? (error.code ?? 1) : 0;
        if (code !== 0 && code !== 4)
          reject(new Error(`${argv.join(' ')} exited ${code}\n${stdout}\n${stderr}`));
        else resolve({ ms, stdout });
      },
    );
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};

// 1. daily run vs extract
{
  const server = await startSimServer({
    port: 0,
    host: '127.0.0.1',
    seed: 3,
    plan: 'premium',
    apiKey: KEY,
    latencyMs: 25,
    // The client paces itself at 80% of the plan; the server's own call limit would also count the untimed bootstraps.
    enforceRateLimit: false,
    now: () => new Date(NOW),
  });
  const env = { FMP_API_KEY: KEY, FMP_BASE_URL: server.url, FMP_PLAN: 'premium', NASDAQ_PIPELINE_NOW: NOW };
  const list = symbols(N).join(',');
  // Table metadata holds absolute paths, so each warehouse is bootstrapped in place (a copy would write
  // into the original's files).
  const a = mkdtempSync(path.join(tmpdir(), 'np-bench-'));
  const b = mkdtempSync(path.join(tmpdir(), 'np-bench-'));
  for (const d of [a, b]) await cli(d, ['--quiet', 'run', '--symbols', list, '--date', '2025-06-17'], env); // not timed
  const extract = (await cli(a, ['--quiet', 'extract', '--symbols', list], env)).ms;
  const run = (await cli(b, ['--quiet', 'run', '--symbols', list], env)).ms;
  await server.close();
  results.dailyRun = {
    symbols: N,
    extractMs: Math.round(extract),
    runMs: Math.round(run),
    ratio: +(run / extract).toFixed(2),
  };
  for (const d of [a, b]) rmSync(d, { recursive: true, force: true });
}

// 2. --help start-up
{
  const help = [];
  const bare = [];
  for (let i = 0; i < HELP_RUNS; i++) {
    let t0 = performance.now();
    spawnSync(process.execPath, [bin, '--help']);
    help.push(performance.now() - t0);
    t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t0);
  }
  results.help = {
    runs: HELP_RUNS,
    medianMs: Math.round(median(help)),
    nodeBaselineMedianMs: Math.round(median(bare)),
  };
}

// 3. query over a multi-year warehouse vs DuckDB on the same files
{
  const dir = mkdtempSync(path.join(tmpdir(), 'np-bench-'));
  const env = { NASDAQ_PIPELINE_NOW: NOW };
  const t0 = performance.now();
  await cli(
    dir,
    [
      '--quiet',
      'run',
      '--source',
      'sample',
      '--symbols',
      symbols(QUERY_SYMBOLS).join(','),
      '--from',
      `${2025 - YEARS}-06-01`,
      '--to',
      '2025-05-30',
    ],
    env,
  );
  const buildMs = performance.now() - t0;
  const sql = `SELECT symbol, year, month, monthly_return_pct FROM agg_stock_monthly_metrics ORDER BY symbol, year, month`;
  const viaCli = [];
  for (let i = 0; i < 5; i++) viaCli.push((await cli(dir, ['query', '--format', 'csv', sql], env)).ms);
  const files = JSON.parse((await cli(dir, ['--json', 'tables'], env)).stdout).tables.find(
    (t) => t.table === 'agg_stock_monthly_metrics',
  );
  // Baseline: a Node process that opens DuckDB and reads the same Parquet files directly (no Iceberg planning).
  const glob = path.join(dir, 'warehouse/nasdaq/agg_stock_monthly_metrics/data/**/*.parquet');
  const script = `import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const conn = await inst.connect();
const r = await conn.runAndReadAll(${JSON.stringify(sql.replace('FROM agg_stock_monthly_metrics', `FROM read_parquet('${glob}')`))});
process.stdout.write(String(r.getRows().length));`;
  const direct = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
    direct.push(performance.now() - t);
  }
  results.query = {
    symbols: QUERY_SYMBOLS,
    years: YEARS,
    warehouseBuildMs: Math.round(buildMs),
    monthlyRows: files?.rows,
    cliMedianMs: Math.round(median(viaCli)),
    duckdbDirectMedianMs: Math.round(median(direct)),
    ratio: +(median(viaCli) / median(direct)).toFixed(2),
  };
  rmSync(dir, { recursive: true, force: true });
}

console.log(JSON.stringify(results, null, 2));
