// Concurrency suite (issue 10): 4 simultaneous `run`s on one warehouse.
//   node tools/chaos/concurrency.mjs [--seed N] [--trials K] [--trial N] [--writers 4] [--mode nowait|wait]
//                                    [--quick] [--keep] [--verbose]
// Modes rotate by trial number (even: nowait, odd: wait) unless --mode is given:
//   nowait  exactly one run publishes (status ok); every other exits 5 naming the lock holder — or, if it only
//           reached the lock after the winner had finished, exits 0 as `up_to_date` without publishing;
//   wait    every run has `--wait 600`: all exit 0, exactly one publishes, the rest find nothing to do.
// Either way the final tables equal those of a single uninterrupted run. Start times are staggered by 0–300 ms
// drawn from the trial's seed.
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
  snapshotTables,
  startServer,
  tempDir,
  trialNumbers,
  trialSeed,
} from './lib.mjs';

const opts = parseArgs(process.argv.slice(2), { trials: 2, writers: 4 });
if (opts.quick) opts.trials = Math.min(opts.trials, 1);
const RUN = ['--json', 'run', '--symbols', 'AAPL,MSFT'];
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

let reference = null;
async function referenceSnapshot() {
  if (reference) return reference;
  const dir = newWorkDir();
  const r = await runCli(RUN, { cwd: dir, env });
  if (r.code !== 0) throw new Error(`reference run exited ${r.code}\n${r.stderr}`);
  reference = { snapshot: await snapshotTables(dir, env), ms: r.ms };
  console.log(`reference run: ${(r.ms / 1000).toFixed(1)} s`);
  return reference;
}

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

async function trial(n) {
  const rng = createRng(trialSeed(opts.seed, n));
  const mode = opts.mode ?? (n % 2 === 0 ? 'nowait' : 'wait');
  const ref = await referenceSnapshot();
  const dir = newWorkDir();
  const stagger = Array.from({ length: opts.writers }, () => Math.round(rng() * 300));
  log(`trial ${n} ${mode}: stagger ${stagger.join(',')} ms in ${dir}`);
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
  if (published !== 1) throw new Error(`${mode}: ${published} runs published, expected exactly 1 (exit/status: ${summary})`);
  if (locked + upToDate !== opts.writers - 1) {
    const odd = outcome.find((o) => !(o.code === 5 || (o.code === 0 && ['ok', 'up_to_date'].includes(o.status))));
    throw new Error(`${mode}: unexpected outcome (exit/status: ${summary})\n${odd?.stderr.slice(-1500) ?? ''}`);
  }
  if (mode === 'wait' && locked > 0) throw new Error(`wait: ${locked} runs exited 5 despite --wait 600 (${summary})`);
  for (const o of outcome.filter((x) => x.code === 5)) {
    if (!/pid|holds|lock/i.test(o.stderr)) throw new Error(`exit 5 does not say who holds the lock:\n${o.stderr}`);
  }
  const t = await runCli(['--json', 'tables'], { cwd: dir, env });
  if (t.code !== 0) throw new Error(`tables exited ${t.code}`);
  parseJson(t, 'tables');
  const v = await runCli(['--json', 'validate', '--stage', 'tables'], { cwd: dir, env });
  if (v.code !== 0) throw new Error(`validate --stage tables exited ${v.code}\n${v.stdout.slice(-1500)}`);
  const diff = diffSnapshots(ref.snapshot, await snapshotTables(dir, env));
  if (diff) throw new Error(`final state differs from a single run: ${diff}`);
  return { mode, summary, locked, upToDate };
}

const startedAt = performance.now();
const results = [];
try {
  for (const n of trialNumbers(opts)) {
    const t0 = performance.now();
    try {
      const info = await trial(n);
      results.push({ ok: true, trial: n, ...info });
      console.log(`trial ${String(n).padStart(3)} ok   ${info.mode.padEnd(6)} exit/status: ${info.summary} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      results.push({ ok: false, trial: n, error: e instanceof Error ? e.message : String(e) });
      console.log(`trial ${String(n).padStart(3)} FAIL ${String(e.message ?? e).split('\n')[0].slice(0, 200)}`);
    }
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
    ['losers: exit 5 / up_to_date', `${ok.reduce((k, r) => k + r.locked, 0)} / ${ok.reduce((k, r) => k + r.upToDate, 0)}`],
  ],
});
