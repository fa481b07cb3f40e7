// Crash suite (issue 10): SIGKILL the CLI at a random moment or at a named commit step, then prove the warehouse
// still opens (in our reader and in icebird), validates, converges on a rerun to exactly what an uninterrupted run
// builds, and that `maintain` cleans what was left.
//   node tools/chaos/crash.mjs [--seed N] [--trials K] [--trial N] [--scenario NAME] [--kill random|hook]
//                              [--scenarios A,B] [--quick] [--keep] [--verbose]
// Scenarios rotate by trial number (trial % 5, or % the --scenarios count) unless --scenario is given:
//   fresh-run        empty warehouse;                    `run --symbols AAPL,MSFT`, rerun the same
//   incremental-run  warehouse published up to 06-10;    `run --symbols AAPL,MSFT` (06-11..06-17), rerun the same
//   backfill         empty warehouse;                    `backfill --from 2025-03-01 --to 2025-05-31`, rerun --resume
//   rebuild          warehouse published to 06-17;       `transform --rebuild`, rerun the same
//   maintain         two runs (06-10, 06-17);            `maintain` expiring all but the last snapshot, compacting
//                                                        and removing orphans; rerun the same
// Kill: every 4th round of the scenario rotation kills at a commit step through the CLI's
// NASDAQ_PIPELINE_CHAOS_KILL_AT hook (apps/nasdaq-pipeline/src/pipeline/chaos-point.ts), the step drawn from the
// scenario's list; the other trials SIGKILL after a delay drawn uniformly in [0, duration of the uninterrupted
// reference run]. `--kill random|hook` forces one kind.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cliEnv,
  createRng,
  diffSnapshots,
  listFiles,
  parseArgs,
  parseJson,
  removeDir,
  report,
  runCli,
  runTrial,
  snapshotTables,
  startServer,
  tempDir,
  trialNumbers,
  trialSeed,
} from './lib.mjs';
import { readWithIcebird } from './icebird-read.mjs';

const opts = parseArgs(process.argv.slice(2), { trials: 3 });
if (opts.quick) opts.trials = Math.min(opts.trials, 1);
const SYMBOLS = 'AAPL,MSFT';
const CONFIG = 'maintain:\n  orphanOlderThanHours: 0\n';
// The maintain scenario makes `maintain` do every kind of work: expire all but the last snapshot, compact.
const MAINTAIN_CONFIG =
  'maintain:\n  orphanOlderThanHours: 0\n  expireOlderThanDays: 0\n  retainLast: 1\n  compactMinFiles: 2\n';
const RUN_STEPS = ['staged', 'publish#1', 'publish#2', 'publish#4', 'publish#6', 'published'];

const SCENARIOS = {
  'fresh-run': {
    base: [],
    steps: RUN_STEPS,
    first: ['run', '--symbols', SYMBOLS],
    rerun: ['run', '--symbols', SYMBOLS],
  },
  'incremental-run': {
    base: [['run', '--symbols', SYMBOLS, '--date', '2025-06-10']],
    steps: RUN_STEPS,
    first: ['run', '--symbols', SYMBOLS],
    rerun: ['run', '--symbols', SYMBOLS],
  },
  backfill: {
    base: [],
    steps: ['staged', 'staged#2', 'publish#1', 'publish#5', 'publish#9', 'published', 'published#2'],
    first: ['backfill', '--from', '2025-03-01', '--to', '2025-05-31', '--symbols', SYMBOLS],
    rerun: ['backfill', '--from', '2025-03-01', '--to', '2025-05-31', '--symbols', SYMBOLS, '--resume'],
  },
  rebuild: {
    base: [['run', '--symbols', SYMBOLS]],
    steps: ['staged', 'publish#1', 'publish#3', 'publish#5', 'published'],
    first: ['transform', '--rebuild'],
    rerun: ['transform', '--rebuild'],
  },
  maintain: {
    base: [
      ['run', '--symbols', SYMBOLS, '--date', '2025-06-10'],
      ['run', '--symbols', SYMBOLS],
    ],
    config: MAINTAIN_CONFIG,
    maintainClock: true,
    steps: [
      'maintain-expired#1',
      'maintain-expired#5',
      'maintain-compacted#1',
      'maintain-compacted#3',
      'maintain-orphans#2',
      'maintain-orphans#7',
    ],
    first: ['maintain'],
    rerun: ['maintain'],
  },
};
// `--scenarios a,b` rotates over a subset (trial % its length).
const NAMES = opts.scenarios ? String(opts.scenarios).split(',') : Object.keys(SCENARIOS);

const server = await startServer();
const env = cliEnv(server.url);
// `maintain` runs on the real clock: with NASDAQ_PIPELINE_NOW pinned to 2025 no file (mtime 2026) is "older than
// 0 hours" and orphans are never removed.
const maintainEnv = Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'NASDAQ_PIPELINE_NOW'));
const log = (...a) => opts.verbose && console.error('[crash]', ...a);
const cleanup = [];

function newWorkDir(config = CONFIG) {
  const dir = tempDir('np-chaos-crash-');
  writeFileSync(path.join(dir, 'nasdaq-pipeline.yaml'), config);
  cleanup.push(dir);
  return dir;
}

async function must(args, cwd, what, runEnv = env) {
  const r = await runCli(['--json', ...args], { cwd, env: runEnv });
  if (r.code !== 0)
    throw new Error(`${what}: \`${args.join(' ')}\` exited ${r.code}\n${r.stderr.slice(-1500)}`);
  return r;
}

// Per scenario, built lazily: the base warehouse (if any), and the reference = base + an uninterrupted run.
const prepared = {};
async function prepare(name) {
  if (prepared[name]) return prepared[name];
  const s = SCENARIOS[name];
  // The base is built in place, never copied: Iceberg metadata records absolute table locations, so a copied
  // warehouse keeps writing its data files into the original folder.
  const refDir = newWorkDir(s.config);
  for (const b of s.base) await must(b, refDir, `${name}: base`);
  const ref = await must(s.first, refDir, `${name}: reference`, s.maintainClock ? maintainEnv : env);
  const snapshot = await snapshotTables(refDir, env);
  const mr = await runCli(['--json', 'maintain'], { cwd: refDir, env: maintainEnv });
  if (mr.code !== 0)
    throw new Error(`${name}: reference maintain exited ${mr.code}\n${mr.stderr.slice(-1500)}`);
  const m = parseJson(mr, 'maintain');
  const refOrphans = m.tables.reduce((n, t) => n + (t.orphansRemoved ?? 0), 0);
  const refTableFiles = listFiles(path.join(refDir, 'warehouse', 'nasdaq')).length;
  prepared[name] = { durationMs: ref.ms, snapshot, refOrphans, refTableFiles };
  console.log(
    `reference ${name}: ${(ref.ms / 1000).toFixed(1)} s, ${snapshot.fact_stock_daily_price.length} fact rows, ` +
      `maintain on it removed ${refOrphans} orphans`,
  );
  return prepared[name];
}

async function trial(n) {
  const rng = createRng(trialSeed(opts.seed, n));
  const name = opts.scenario ?? NAMES[n % NAMES.length];
  if (!SCENARIOS[name]) throw new Error(`unknown --scenario ${name} (one of ${NAMES.join(', ')})`);
  const s = SCENARIOS[name];
  const p = await prepare(name);
  const delay = Math.round(rng() * p.durationMs);
  // Every 4th round of the scenario rotation kills at a hook step, so each scenario gets its share.
  const hook = (opts.kill ?? (Math.floor(n / NAMES.length) % 4 === 3 ? 'hook' : 'random')) === 'hook';
  const step = s.steps[Math.floor(rng() * s.steps.length)];
  const dir = newWorkDir(s.config);
  for (const b of s.base) await must(b, dir, `${name}: base`);
  const info = { trial: n, scenario: name, killAt: hook ? `step ${step}` : `${delay} ms`, dir };
  log(`trial ${n} ${name}: kill at ${info.killAt} in ${dir}`);

  const firstEnv = s.maintainClock ? maintainEnv : env;
  const killed = hook
    ? await runCli(['--json', ...s.first], {
        cwd: dir,
        env: { ...firstEnv, NASDAQ_PIPELINE_CHAOS_KILL_AT: step },
      })
    : await runCli(['--json', ...s.first], { cwd: dir, env: firstEnv, killAfterMs: delay });
  info.killed = killed.signal === 'SIGKILL';
  if (!info.killed && killed.code !== 0) {
    throw new Error(
      `interrupted command exited ${killed.code} before the kill\n${killed.stderr.slice(-1500)}`,
    );
  }
  const wh = path.join(dir, 'warehouse');
  info.filesAfterKill = existsSync(wh) ? listFiles(wh).length : 0;

  // 1. every table opens. The first command after a kill between two table swaps finishes that publish from its
  // journal (the warehouse then holds the interrupted run whole); counted as "publishes finished".
  const t = await runCli(['--json', 'tables'], { cwd: dir, env });
  if (t.code !== 0)
    throw new Error(`tables --json exited ${t.code} after the kill\n${t.stderr.slice(-1500)}`);
  info.finishedPublish = /finished the publish of run/.test(t.stderr);
  const tables = parseJson(t, 'tables --json');
  info.tablesAfterKill = (tables.tables ?? []).length;
  // 1b. ...and opens in an independent reader (icebird), at the version its hint names
  const ib = await readWithIcebird(wh, tables.tables ?? []);
  info.icebirdTables = ib.read;
  info.hintLag = ib.mismatches.length;
  // 2. the published tables pass their expectations. A warehouse killed before its first publish has no tables
  // (validate exits 2 "no tables yet", accepted) or empty tables with no snapshot; anything else must pass.
  // Problems from here on are collected, not thrown, so one trial reports every check that failed.
  const problems = [];
  const published = (tables.tables ?? []).some((x) => x.snapshots > 0);
  info.publishedBeforeKill = published;
  const v = await runCli(['--json', 'validate', '--stage', 'tables'], { cwd: dir, env });
  // Killed before the first publish: validate exits 2 saying there is nothing to validate yet.
  // (A first run killed mid-publish may have swapped the dimensions already: the fact table decides.)
  const factRows = (tables.tables ?? []).find((x) => x.table === 'fact_stock_daily_price')?.rows ?? 0;
  const noTablesYet =
    v.code === 2 && /no tables yet|no published prices yet/.test(v.stderr) && factRows === 0;
  if (v.code !== 0 && !noTablesYet) {
    const failed = (() => {
      try {
        return (JSON.parse(v.stdout).tables ?? [])
          .filter((x) => x.status !== 'passed')
          .map((x) => x.expectationId);
      } catch {
        return [];
      }
    })();
    problems.push(
      `validate --stage tables exited ${v.code} after the kill (${published ? 'published' : 'never-published'} warehouse` +
        `${failed.length ? `; failed: ${failed.slice(0, 6).join(', ')}` : ''})\n${v.stderr.slice(-600)}`,
    );
  }
  // 3. a rerun converges to the reference
  const r = await runCli(['--json', ...s.rerun], { cwd: dir, env: firstEnv });
  if (r.code !== 0) {
    problems.push(`rerun \`${s.rerun.join(' ')}\` exited ${r.code}\n${r.stderr.slice(-1500)}`);
    throw new Error(problems.join('\n'));
  }
  info.rerunMs = Math.round(r.ms);
  const diff = diffSnapshots(p.snapshot, await snapshotTables(dir, env));
  if (diff) problems.push(`rerun did not converge to the reference: ${diff}`);
  // 4. maintain removes the orphans, and removes nothing live
  const before = listFiles(wh).length;
  const m = await runCli(['--json', 'maintain'], { cwd: dir, env: maintainEnv });
  if (m.code !== 0) {
    problems.push(`maintain exited ${m.code}\n${m.stderr.slice(-1500)}`);
    throw new Error(problems.join('\n'));
  }
  info.orphansRemoved = parseJson(m, 'maintain --json').tables.reduce(
    (k, x) => k + (x.orphansRemoved ?? 0),
    0,
  );
  info.filesRemoved = before - listFiles(wh).length;
  // Files under the table folders beyond what an uninterrupted run keeps: orphans `maintain` did not find, or
  // extra snapshots the rerun legitimately added (informational, not a failure).
  info.extraTableFiles = listFiles(path.join(wh, 'nasdaq')).length - p.refTableFiles;
  const diff2 = diffSnapshots(p.snapshot, await snapshotTables(dir, env));
  if (diff2) problems.push(`after maintain the tables differ from the reference: ${diff2}`);
  const t2 = await runCli(['--json', 'tables'], { cwd: dir, env });
  if (t2.code !== 0) problems.push(`tables --json exited ${t2.code} after maintain`);
  else {
    const ib2 = await readWithIcebird(wh, parseJson(t2, 'tables --json').tables ?? []);
    if (ib2.mismatches.length) problems.push(`icebird after maintain: ${ib2.mismatches.join('; ')}`);
  }
  const v2 = await runCli(['--json', 'validate', '--stage', 'tables'], { cwd: dir, env });
  if (v2.code !== 0)
    problems.push(`validate --stage tables exited ${v2.code} after maintain\n${v2.stdout.slice(-600)}`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return info;
}

const startedAt = performance.now();
const results = [];
try {
  for (const n of trialNumbers(opts)) {
    await runTrial(
      results,
      n,
      trial,
      (info, ms) =>
        `${info.scenario.padEnd(15)} kill@${info.killAt.padStart(20)} ` +
        `${info.killed ? 'killed' : 'finished'}${info.finishedPublish ? ' +journal' : ''}  files=${info.filesAfterKill} tables=${info.tablesAfterKill} ` +
        `icebird=${info.icebirdTables}${info.hintLag ? ` (hint lag ${info.hintLag})` : ''} ` +
        `rerun=${info.rerunMs} ms orphansRemoved=${info.orphansRemoved} extraTableFiles=${info.extraTableFiles} (${(ms / 1000).toFixed(1)} s)`,
    );
  }
} finally {
  await server.close();
  if (!opts.keep) for (const d of cleanup) removeDir(d);
  else console.log(`kept: ${cleanup.join(' ')}`);
}

const ok = results.filter((r) => r.ok);
const byScenario = NAMES.map((s) => `${s}=${results.filter((r) => (r.scenario ?? '') === s).length}`).join(
  ' ',
);
const refs = Object.entries(prepared)
  .map(([k, p]) => `${k} ${(p.durationMs / 1000).toFixed(1)} s`)
  .join(', ');
process.exitCode = report('crash', {
  seed: opts.seed,
  results,
  startedAt,
  extra: [
    ['passed by scenario', byScenario],
    ['killed mid-run', String(ok.filter((r) => r.killed).length)],
    ['killed at a hook step', String(ok.filter((r) => r.killed && r.killAt.startsWith('step')).length)],
    ['publishes finished from the journal', String(ok.filter((r) => r.finishedPublish).length)],
    ['icebird hint lag after kill', String(ok.filter((r) => r.hintLag > 0).length)],
    [
      'orphans removed',
      `total ${ok.reduce((n, r) => n + r.orphansRemoved, 0)}, max ${Math.max(0, ...ok.map((r) => r.orphansRemoved))}`,
    ],
    ['reference durations', refs],
  ],
});
