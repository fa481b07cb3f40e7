// Faults suite (issue 10): the fake FMP server injects one fault kind at 10% of requests; the daily `run` must
// finish through retries (exit 0), or exit 4 naming the failed symbols (or the sessions quarantine left
// unpublished) with everything else published, or — for the kinds that must stop a run (bandwidth, suspended,
// invalid key, legacy endpoint), or when the fault hit every symbol — exit 1 leaving the published
// tables valid. Exit 3 (data-quality gate) or a crash is a failure.
//   node tools/chaos/faults.mjs [--seed N] [--trials K] [--trial N] [--kind K] [--probability 0.1] [--quick]
//                               [--keep] [--verbose]
// Trial n uses fault kind KINDS[n % KINDS.length] (or --kind) and sim seed trialSeed(seed, n). The run is a fresh
// bootstrap of 4 symbols (12 requests: full, profile, splits per symbol), so 10% fires about once per trial.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BODY_FAULTS, DATA_FAULTS, RESPONSE_FAULTS } from '@nasdaq-pipeline/fmp-sim';
import {
  cliEnv,
  parseArgs,
  parseJson,
  removeDir,
  report,
  runCli,
  runTrial,
  startServer,
  tempDir,
  trialNumbers,
  trialSeed,
} from './lib.mjs';

const KINDS = [
  'rate-limit',
  'rate-limit-retry-after',
  'http-500',
  'http-502',
  'http-503',
  'timeout',
  'reset',
  'html',
  'malformed-json',
  'truncated',
  'empty',
  'wrong-types',
  'nulls',
  'negative-price',
  'high-below-low',
  'duplicate-date',
  'conflicting-date',
  'future-date',
  'partial-today',
  'float-volume',
  'legacy-shape',
  'restricted-endpoint',
  'premium-symbol',
  'legacy-endpoint',
  'bandwidth',
  'suspended',
  'invalid-key',
  'invalid-key-200',
];
// The order above fixes which kind trial n injects (reproduction commands depend on it), so it is kept here; it
// must still name exactly the kinds fmp-sim can inject.
const simKinds = new Set([...RESPONSE_FAULTS, ...BODY_FAULTS, ...DATA_FAULTS]);
if (simKinds.size !== KINDS.length || KINDS.some((k) => !simKinds.has(k)))
  throw new Error(`faults.mjs KINDS differs from fmp-sim's fault kinds: ${[...simKinds].join(', ')}`);
// Account- or set-up-level answers that stop the whole run (isFatalFmpError in the CLI): every further request
// would get the same answer. `legacy-endpoint` means FMP_BASE_URL points at the retired v3/v4 API.
const STOPS_RUN = new Set(['bandwidth', 'suspended', 'invalid-key', 'invalid-key-200', 'legacy-endpoint']);
const SYMBOLS = ['AAPL', 'MSFT', 'GOOGL', 'NVDA'];

const opts = parseArgs(process.argv.slice(2), { trials: KINDS.length, probability: '0.1' });
if (opts.quick) opts.trials = Math.min(opts.trials, 3);
const probability = Number(opts.probability);
const log = (...a) => opts.verbose && console.error('[faults]', ...a);

async function trial(n) {
  const kind = opts.kind ?? KINDS[n % KINDS.length];
  const seed = trialSeed(opts.seed, n);
  const server = await startServer({ seed, faults: [{ kind, probability }] });
  const dir = tempDir('np-chaos-faults-');
  // a short client timeout so the `timeout` kind costs seconds, not minutes
  writeFileSync(path.join(dir, 'nasdaq-pipeline.yaml'), 'fmp:\n  timeoutMs: 3000\n');
  const env = cliEnv(server.url);
  try {
    const r = await runCli(['--json', 'run', '--symbols', SYMBOLS.join(',')], {
      cwd: dir,
      env,
      timeoutMs: 600_000,
    });
    log(kind, 'exit', r.code, `${(r.ms / 1000).toFixed(1)} s`);
    // Exit 1 is also right when the fault hit every symbol: nothing arrived, nothing to publish.
    const everySymbolFailed = r.code === 1 && /every symbol failed/.test(r.stdout + r.stderr);
    const allowed = STOPS_RUN.has(kind) || everySymbolFailed ? [0, 1, 4] : [0, 4];
    if (!allowed.includes(r.code)) {
      throw new Error(
        `${kind}: run exited ${r.code} (allowed ${allowed.join('/')})\n${r.stdout.slice(0, 800)}\n${r.stderr.slice(-1200)}`,
      );
    }
    let failed = [];
    let gaps = [];
    let summary = null;
    if (r.code !== 1) {
      summary = parseJson(r, 'run --json');
      failed = summary.symbols?.failed?.map((f) => (typeof f === 'string' ? f : f.symbol)) ?? [];
      // Sessions whose every bar was quarantined are named too (DESIGN §6: a known gap makes the run partial).
      gaps = (summary.quarantine?.gaps ?? []).map((g) => `${g.symbol} ${g.date}`);
      const named = failed.length + gaps.length;
      if (r.code === 4 && named === 0)
        throw new Error(`${kind}: exit 4 without naming a failed symbol or gap`);
      if (r.code === 0 && named > 0) throw new Error(`${kind}: exit 0 but failed [${failed}] gaps [${gaps}]`);
      for (const g of summary.quarantine?.gaps ?? []) {
        if (!summary.message?.includes(g.symbol))
          throw new Error(`${kind}: gap ${g.symbol} ${g.date} not in the message`);
      }
    }
    // everything not failed is published with the whole window's last session
    const tables = parseJson(await runCli(['--json', 'tables'], { cwd: dir, env }), 'tables');
    const published = (tables.tables ?? []).some((t) => t.snapshots > 0);
    if (r.code !== 1 || published) {
      const q = await runCli(
        [
          'query',
          '--format',
          'json',
          'SELECT symbol, CAST(max(trade_date) AS VARCHAR) AS last FROM fact_stock_daily_price GROUP BY symbol ORDER BY symbol',
        ],
        { cwd: dir, env },
      );
      if (q.code !== 0) throw new Error(`${kind}: query exited ${q.code}\n${q.stderr}`);
      const got = parseJson(q, 'query');
      const expected =
        r.code === 1 ? got.map((x) => x.symbol) : SYMBOLS.filter((s) => !failed.includes(s)).sort();
      const have = got.filter((x) => x.last === '2025-06-17').map((x) => x.symbol);
      if (JSON.stringify(have) !== JSON.stringify(expected)) {
        throw new Error(
          `${kind}: published symbols up to 2025-06-17 are [${have}], expected [${expected}] (failed: [${failed}])`,
        );
      }
      const v = await runCli(['--json', 'validate', '--stage', 'tables'], { cwd: dir, env });
      if (v.code !== 0 && r.code === 0)
        throw new Error(`${kind}: validate --stage tables exited ${v.code} after a clean run`);
    }
    // requests beyond the fault-free 12 are retries: 12 and no quarantine means the fault never fired
    return {
      kind,
      code: r.code,
      failed,
      gaps,
      ms: r.ms,
      quarantined: summary?.quarantine?.rows ?? 0,
      requests: server.requests(),
    };
  } finally {
    await server.close();
    if (!opts.keep) removeDir(dir);
  }
}

const startedAt = performance.now();
const results = [];
for (const n of trialNumbers(opts)) {
  await runTrial(
    results,
    n,
    trial,
    (info) =>
      `${info.kind.padEnd(24)} exit ${info.code} failed=[${info.failed}] gaps=[${info.gaps}] ` +
      `quarantined=${info.quarantined} requests=${info.requests} (${(info.ms / 1000).toFixed(1)} s)`,
  );
}
const ok = results.filter((r) => r.ok);
process.exitCode = report('faults', {
  seed: opts.seed,
  results,
  startedAt,
  extra: [
    ['fault probability', String(probability)],
    ['exit 0 / 4 / 1', [0, 4, 1].map((c) => ok.filter((r) => r.code === c).length).join(' / ')],
    [
      'fault visibly fired',
      `${ok.filter((r) => r.requests > 12 || r.quarantined > 0 || r.code !== 0).length} of ${ok.length} passed trials`,
    ],
  ],
});
