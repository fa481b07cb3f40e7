// Concurrency suite (issue 10): simultaneous writers on one warehouse or one table.
//   node tools/chaos/concurrency.mjs [--seed N] [--trials K] [--trial N] [--writers 4]
//                                    [--mode nowait|wait|mixed|library] [--quick] [--keep] [--verbose]
// Modes rotate by trial number (trial % 4) unless --mode is given:
//   nowait   4 `run`s: exactly one publishes (status ok); every other exits 5 naming the lock holder — or, if it
//            only reached the lock after the winner had finished, exits 0 as `up_to_date` without publishing;
//   wait     the same with `--wait 600`: all exit 0, exactly one publishes, the rest find nothing to do;
//   mixed    on a warehouse published to 06-10: `run`, `backfill` (2024-01..03, before the bootstrap), `maintain`
//            and a second `run`, all with `--wait 600`: all exit 0, one after the other;
//   library  2–4 iceberg `Table` writers append to one table through the catalog at once: every commit lands
//            (library-race.mjs).
// Warehouse modes end with tables equal to those of the same commands run one after the other. Start times are
// staggered by 0–300 ms drawn from the trial's seed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cliEnv,
  createRng,
  diffSnapshots,
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
import { libraryRaceTrial } from './library-race.mjs';

const opts = parseArgs(process.argv.slice(2), { trials: 2, writers: 4 });
if (opts.quick) opts.trials = Math.min(opts.trials, 1);
const RUN = ['--json', 'run', '--symbols', 'AAPL,MSFT'];
const MODES = ['nowait', 'wait', 'mixed', 'library'];
const BASE = ['--json', 'run', '--symbols', 'AAPL,MSFT', '--date', '2025-06-10'];
const MIXED = [
  RUN,
  ['--json', 'backfill', '--from', '2024-01-02', '--to', '2024-03-28', '--symbols', 'AAPL,MSFT'],
  ['--json', 'maintain'],
  RUN,
].map((a) => [...a, '--wait', '600']);
const server = await startServer();
const env = cliEnv(server.url);
const cleanup = [];
const log = (...a) => opts.verbose && console.error('[concurrency]', ...a);

function newWorkDir() {
  const dir = tempDir('np-chaos-conc-');
  writeFileSync(path.join(dir, 'nasdaq-pipeline.yaml'), 'maintain:\n  orphanOlderThanHours: 0\n');
  cleanup.push(dir);
  return dir;
}

// `maintain` runs on the real clock (see crash.mjs): with the pinned 2025 clock nothing is old enough to remove.
const maintainEnv = Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'NASDAQ_PIPELINE_NOW'));
const envFor = (args) => (args.includes('maintain') ? maintainEnv : env);

/** The tables after `commands` run one after the other in a fresh folder (cached per mode). */
const references = {};
async function referenceSnapshot(name, commands) {
  if (references[name]) return references[name];
  const dir = newWorkDir();
  const t0 = performance.now();
  for (const args of commands) {
    const r = await runCli(args, { cwd: dir, env: envFor(args) });
    if (r.code !== 0)
      throw new Error(`reference ${name}: \`${args.join(' ')}\` exited ${r.code}\n${r.stderr}`);
  }
  const ms = performance.now() - t0;
  references[name] = { snapshot: await snapshotTables(dir, env), ms };
  console.log(`reference ${name}: ${(ms / 1000).toFixed(1)} s`);
  return references[name];
}

/** Outcome of the mixed mode: every command waits its turn and exits 0. */
async function mixedTrial(dir, stagger) {
  const ref = await referenceSnapshot('mixed', [BASE, ...MIXED]);
  const b = await runCli(BASE, { cwd: dir, env });
  if (b.code !== 0) throw new Error(`mixed: base run exited ${b.code}\n${b.stderr.slice(-1500)}`);
  const results = await Promise.all(
    MIXED.map(async (args, i) => {
      await sleep(stagger[i] ?? 0);
      return runCli(args, { cwd: dir, env: envFor(args) });
    }),
  );
  const summary = results.map((r, i) => `${MIXED[i][1]}:${r.code}`).join(' ');
  const bad = results.findIndex((r) => r.code !== 0);
  if (bad >= 0)
    throw new Error(
      `mixed: ${MIXED[bad].slice(0, 2).join(' ')} exited ${results[bad].code} (${summary})\n${results[bad].stderr.slice(-1500)}`,
    );
  return { ref, summary, locked: 0, upToDate: 0 };
}

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

async function trial(n) {
  const rng = createRng(trialSeed(opts.seed, n));
  const mode = opts.mode ?? MODES[n % MODES.length];
  const dir = newWorkDir();
  if (mode === 'library') {
    const r = await libraryRaceTrial(dir, rng);
    const summary = `${r.writers} writers × ${r.commits} commits all landed (v${r.version}, ${r.rows} rows) after ${r.conflicts} lost swaps`;
    return { mode, summary, locked: 0, upToDate: 0, conflicts: r.conflicts };
  }
  const stagger = Array.from({ length: opts.writers }, () => Math.round(rng() * 300));
  log(`trial ${n} ${mode}: stagger ${stagger.join(',')} ms in ${dir}`);
  if (mode === 'mixed') {
    const { ref, ...info } = await mixedTrial(dir, stagger);
    await checkFinal(dir, ref);
    return { mode, ...info };
  }
  const ref = await referenceSnapshot('run', [RUN]);
  const args = mode === 'wait' ? [...RUN, '--wait', '600'] : RUN;
  const results = await Promise.all(
    stagger.map(async (ms) => {
      await sleep(ms);
      return runCli(args, { cwd: dir, env });
    }),
  );
  const outcome = results.map((r) => {
    let status = null;
    try {
      status = JSON.parse(r.stdout).status ?? null;
    } catch {
      // exit 5 may print its error on stderr only
    }
    return { code: r.code, status, stderr: r.stderr };
  });
  const published = outcome.filter((o) => o.code === 0 && o.status === 'ok').length;
  const locked = outcome.filter((o) => o.code === 5).length;
  const upToDate = outcome.filter((o) => o.code === 0 && o.status === 'up_to_date').length;
  const summary = outcome.map((o) => `${o.code}/${o.status ?? '-'}`).join(' ');
  if (published !== 1)
    throw new Error(`${mode}: ${published} runs published, expected exactly 1 (exit/status: ${summary})`);
  if (locked + upToDate !== opts.writers - 1) {
    const odd = outcome.find(
      (o) => !(o.code === 5 || (o.code === 0 && ['ok', 'up_to_date'].includes(o.status))),
    );
    throw new Error(
      `${mode}: unexpected outcome (exit/status: ${summary})\n${odd?.stderr.slice(-1500) ?? ''}`,
    );
  }
  if (mode === 'wait' && locked > 0)
    throw new Error(`wait: ${locked} runs exited 5 despite --wait 600 (${summary})`);
  for (const o of outcome.filter((x) => x.code === 5)) {
    if (!/pid|holds|lock/i.test(o.stderr))
      throw new Error(`exit 5 does not say who holds the lock:\n${o.stderr}`);
  }
  await checkFinal(dir, ref);
  return { mode, summary, locked, upToDate };
}

/** Tables open and validate, and hold exactly what the same commands run one after the other build. */
async function checkFinal(dir, ref) {
  const t = await runCli(['--json', 'tables'], { cwd: dir, env });
  if (t.code !== 0) throw new Error(`tables exited ${t.code}`);
  parseJson(t, 'tables');
  const v = await runCli(['--json', 'validate', '--stage', 'tables'], { cwd: dir, env });
  if (v.code !== 0) throw new Error(`validate --stage tables exited ${v.code}\n${v.stdout.slice(-1500)}`);
  const diff = diffSnapshots(ref.snapshot, await snapshotTables(dir, env));
  if (diff) throw new Error(`final state differs from the same commands run one after the other: ${diff}`);
}

const startedAt = performance.now();
const results = [];
try {
  for (const n of trialNumbers(opts)) {
    await runTrial(
      results,
      n,
      trial,
      (info, ms) => `${info.mode.padEnd(6)} exit/status: ${info.summary} (${(ms / 1000).toFixed(1)} s)`,
    );
  }
} finally {
  await server.close();
  if (!opts.keep) for (const d of cleanup) removeDir(d);
}
const ok = results.filter((r) => r.ok);
process.exitCode = report('concurrency', {
  seed: opts.seed,
  results,
  startedAt,
  extra: [
    ['writers per trial', String(opts.writers)],
    [
      'losers: exit 5 / up_to_date',
      `${ok.reduce((k, r) => k + r.locked, 0)} / ${ok.reduce((k, r) => k + r.upToDate, 0)}`,
    ],
    ['passed by mode', MODES.map((m) => `${m}=${ok.filter((r) => r.mode === m).length}`).join(' ')],
    ['library: lost swaps retried', String(ok.reduce((k, r) => k + (r.conflicts ?? 0), 0))],
  ],
});
