// Shared helpers of the chaos suites (issue 10): argument parsing, a seeded PRNG, spawning the BUILT CLI, the fake
// FMP server, canonical table snapshots and the results table. Plain Node ESM; no test framework.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimServer } from '@nasdaq-pipeline/fmp-sim';

/** The built CLI (`npm ci` builds it; `NX_DAEMON=false npx nx build nasdaq-pipeline` rebuilds it). */
export const cliBin = fileURLToPath(
  new URL('../../apps/nasdaq-pipeline/bin/nasdaq-pipeline.js', import.meta.url),
);
export const KEY = 'chaos-secret-key-9d27c1';
/** Tue 2025-06-17 after the close: the last completed session is 2025-06-17. */
export const NOW = '2025-06-17T22:00:00Z';

/** `--seed N --trials K --trial N --quick --keep --verbose` and suite-specific `--name value` flags. */
export function parseArgs(argv = process.argv.slice(2), defaults = {}) {
  const out = {
    seed: 1,
    trials: 5,
    trial: undefined,
    quick: false,
    keep: false,
    verbose: false,
    ...defaults,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const name = a.slice(2);
    if (['quick', 'keep', 'verbose'].includes(name)) out[name] = true;
    else {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      out[name] = /^-?\d+$/.test(v) ? Number(v) : v;
    }
  }
  return out;
}

/** mulberry32: a small, fast, seedable PRNG; same seed ⇒ same draws. Returns floats in [0, 1). */
export function createRng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seed of trial `n` of a suite run with `seed`, independent of the trial count (so `--trial N` reproduces). */
export const trialSeed = (seed, n) => (Math.imul(seed, 1_000_003) + n * 7919) >>> 0;

/** Starts the fake FMP server on 127.0.0.1 with a pinned clock. */
export function startServer(options = {}) {
  return startSimServer({
    port: 0,
    host: '127.0.0.1',
    seed: 11,
    plan: 'premium',
    apiKey: KEY,
    now: () => new Date(options.now ?? NOW),
    ...options,
  });
}

export function cliEnv(url, extra = {}) {
  return { FMP_API_KEY: KEY, FMP_BASE_URL: url, FMP_PLAN: 'premium', NASDAQ_PIPELINE_NOW: NOW, ...extra };
}

/**
 * Runs the built CLI as a child process. `killAfterMs` SIGKILLs it after that delay (the process group is not
 * used: the CLI runs DuckDB in-process, so one pid is the whole writer).
 */
export function runCli(args, { cwd, env = {}, killAfterMs, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cliBin, ...args], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        NO_COLOR: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timers = [];
    if (killAfterMs !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), killAfterMs));
    timers.push(
      setTimeout(() => {
        stderr += `\n[chaos] timed out after ${timeoutMs} ms; SIGKILL\n`;
        child.kill('SIGKILL');
      }, timeoutMs),
    );
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0, pid: child.pid });
    });
  });
}

export function parseJson(r, what) {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(
      `${what}: stdout is not JSON (exit ${r.code})\n${r.stdout.slice(0, 500)}\n${r.stderr.slice(0, 1000)}`,
    );
  }
}

export function tempDir(prefix = 'np-chaos-') {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (relative paths), for orphan counts and secret greps. */
export function listFiles(dir, base = dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out = out.concat(listFiles(p, base));
    else out.push(path.relative(base, p));
  }
  return out;
}

export function dirBytes(dir) {
  return listFiles(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
}

/** The data tables a converged warehouse must reproduce exactly, with their natural-key order. */
export const SNAPSHOT_QUERIES = {
  fact_stock_daily_price: 'SELECT * FROM fact_stock_daily_price ORDER BY symbol, trade_date',
  agg_stock_weekly_metrics: 'SELECT * FROM agg_stock_weekly_metrics ORDER BY symbol, iso_year, iso_week',
  agg_stock_monthly_metrics: 'SELECT * FROM agg_stock_monthly_metrics ORDER BY symbol, year, month',
  dim_stock: 'SELECT * FROM dim_stock ORDER BY symbol, valid_from',
};
const VOLATILE = new Set(['run_id', 'ingested_at']);

/** Doubles at 12 significant digits; run ids and ingestion times dropped. */
export function canonicalRow(row) {
  const out = {};
  for (const k of Object.keys(row).sort()) {
    if (VOLATILE.has(k)) continue;
    const v = row[k];
    out[k] = typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v;
  }
  return out;
}

/** `query --format json` of every snapshot table, canonicalised; throws when a query fails. */
export async function snapshotTables(cwd, env) {
  const out = {};
  for (const [table, sql] of Object.entries(SNAPSHOT_QUERIES)) {
    const r = await runCli(['query', '--format', 'json', sql], { cwd, env });
    if (r.code !== 0) throw new Error(`query ${table} exited ${r.code}: ${r.stderr.trim().slice(0, 600)}`);
    out[table] = parseJson(r, `query ${table}`).map(canonicalRow);
  }
  return out;
}

/** First difference between two snapshots, or null when they are equal. */
export function diffSnapshots(expected, actual) {
  for (const table of Object.keys(expected)) {
    const e = expected[table];
    const a = actual[table] ?? [];
    if (e.length !== a.length) return `${table}: ${a.length} rows, expected ${e.length}`;
    for (let i = 0; i < e.length; i++) {
      const se = JSON.stringify(e[i]);
      const sa = JSON.stringify(a[i]);
      if (se !== sa) return `${table} row ${i}: got ${sa.slice(0, 300)} expected ${se.slice(0, 300)}`;
    }
  }
  return null;
}

/** Prints the results table of a suite and returns the process exit code (0 only when nothing failed). */
export function report(suite, { seed, results, startedAt, extra = [] }) {
  const failures = results.filter((r) => !r.ok);
  const ms = performance.now() - startedAt;
  const rows = [
    ['suite', suite],
    ['seed', String(seed)],
    ['trials', String(results.length)],
    ['failures', String(failures.length)],
    ['elapsed', `${(ms / 1000).toFixed(1)} s`],
    [
      'load (1/5/15 min)',
      loadavg()
        .map((x) => x.toFixed(2))
        .join(' / '),
    ],
    ...extra,
  ];
  if (failures.length > 0) {
    const f = failures[0];
    rows.push(['first failure', `trial ${f.trial}: ${f.error.split('\n')[0].slice(0, 300)}`]);
    rows.push([
      'reproduce',
      `node tools/chaos/${suite}.mjs --seed ${seed} --trials 1 --trial ${f.trial} --verbose`,
    ]);
  }
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'─'.repeat(72)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  console.log('─'.repeat(72));
  for (const f of failures.slice(0, 5)) console.error(`\ntrial ${f.trial} failed:\n${f.error}`);
  return failures.length === 0 ? 0 : 1;
}

/**
 * Runs trial `n` and records it in `results`: on success `{ ok: true, trial, ...info }` and the line
 * `trial N ok   <line(info, ms)>`; on failure `{ ok: false, trial, error }` and the error's first line.
 */
export async function runTrial(results, n, trial, line) {
  const t0 = performance.now();
  try {
    const info = await trial(n);
    results.push({ ok: true, trial: n, ...info });
    console.log(`trial ${String(n).padStart(3)} ok   ${line(info, performance.now() - t0)}`);
  } catch (e) {
    results.push({ ok: false, trial: n, error: e instanceof Error ? e.message : String(e) });
    console.log(
      `trial ${String(n).padStart(3)} FAIL ${String(e.message ?? e)
        .split('\n')[0]
        .slice(0, 200)}`,
    );
  }
}

/** The trial numbers to run: `--trial N` alone, else 0..trials-1. */
export function trialNumbers(opts) {
  if (opts.trial !== undefined) return [opts.trial];
  return Array.from({ length: opts.trials }, (_, i) => i);
}
