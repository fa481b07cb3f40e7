// Secrets suite (issue 10): run the CLI with a distinctive FMP_API_KEY through successes and failures (verbose
// and JSON logs included) and grep stdout, stderr and every file the runs left (raw zone, manifests, reports,
// table data and metadata, state, lock) for the key. It must never appear.
//   node tools/chaos/secrets.mjs [--seed N] [--trials K] [--trial N] [--quick] [--keep] [--verbose]
// A trial is one scenario below (the list is fixed); --quick runs the first two. Exit codes are only loosely
// checked here (a run whose every symbol failed exits 3 today, see RELIABILITY.md); the key is what matters.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KEY, cliEnv, listFiles, parseArgs, removeDir, report, runCli, startServer, tempDir } from './lib.mjs';

const opts = parseArgs(process.argv.slice(2), { trials: 0 });
const log = (...a) => opts.verbose && console.error('[secrets]', ...a);
const SYM = ['--symbols', 'AAPL,MSFT'];

// Each scenario: the fake server's options, then the commands (argv, allowed exit codes) run in one folder.
const SCENARIOS = [
  { name: 'ok run + read commands', server: {}, cmds: [[['--verbose', 'run', ...SYM], [0]], [['runs'], [0]], [['tables'], [0]], [['validate'], [0]], [['doctor'], [0, 1]], [['query', 'SELECT count(*) FROM fact_stock_daily_price'], [0]], [['--json', 'maintain'], [0]]] },
  { name: 'invalid key (401)', server: { faults: [{ kind: 'invalid-key' }] }, cmds: [[['--verbose', 'run', ...SYM], [1, 4]], [['--json', '--verbose', 'run', ...SYM], [1, 4]], [['--verbose', 'doctor'], [0, 1]]] },
  { name: 'invalid key as 200 body', server: { faults: [{ kind: 'invalid-key-200' }] }, cmds: [[['--verbose', '--log-format', 'json', 'run', ...SYM], [1, 4]]] },
  { name: 'premium symbol (402, exit 4)', server: { faults: [{ endpoint: 'historical-price-eod/full', symbol: 'MSFT', kind: 'premium-symbol' }] }, cmds: [[['--verbose', 'run', ...SYM], [4]], [['--json', 'runs'], [0]]] },
  { name: 'suspended account', server: { faults: [{ kind: 'suspended' }] }, cmds: [[['--verbose', 'run', ...SYM], [1, 4]]] },
  { name: 'http 500 + malformed json', server: { faults: [{ kind: 'http-500', probability: 0.5 }, { kind: 'malformed-json', probability: 0.5 }] }, cmds: [[['--verbose', '--log-format', 'json', 'run', ...SYM], [0, 1, 3, 4]]] },
  { name: 'connection refused', server: null, cmds: [[['--verbose', 'run', ...SYM], [1, 3, 4]], [['--verbose', '--json', 'backfill', '--from', '2025-05-01', '--to', '2025-05-31', ...SYM], [1, 3, 4]], [['--verbose', 'doctor'], [0, 1]]] },
  { name: 'bad config + bad args', server: {}, config: 'fmp:\n  plan: nope\n', cmds: [[['--verbose', 'run', ...SYM], [2]], [['--verbose', 'run', '--symbols', '../x'], [2]]] },
];

async function trial(n) {
  const s = SCENARIOS[n];
  if (!s) throw new Error(`no scenario ${n} (0..${SCENARIOS.length - 1})`);
  const dir = tempDir('np-chaos-secrets-');
  const server = s.server ? await startServer(s.server) : null;
  const url = server ? server.url : 'http://127.0.0.1:9/stable';
  const env = cliEnv(url);
  const leaks = [];
  let files = 0;
  try {
    if (s.config) writeFileSync(path.join(dir, 'nasdaq-pipeline.yaml'), s.config);
    for (const [argv, allowed] of s.cmds) {
      const r = await runCli(argv, { cwd: dir, env, timeoutMs: 180_000 });
      log(s.name, argv.join(' '), '→', r.code);
      if (!allowed.includes(r.code)) {
        throw new Error(`\`${argv.join(' ')}\` exited ${r.code}, expected one of ${allowed.join('/')}\n${r.stderr.slice(-1200)}`);
      }
      if (r.stdout.includes(KEY)) leaks.push(`stdout of \`${argv.join(' ')}\``);
      if (r.stderr.includes(KEY)) leaks.push(`stderr of \`${argv.join(' ')}\``);
    }
    for (const f of listFiles(dir)) {
      files++;
      if (readFileSync(path.join(dir, f)).includes(KEY)) leaks.push(f);
    }
  } finally {
    await server?.close();
    if (!opts.keep) removeDir(dir);
  }
  if (leaks.length > 0) throw new Error(`the key appears in: ${leaks.join(', ')}`);
  return { files };
}

const startedAt = performance.now();
const results = [];
let selected = SCENARIOS.map((_, i) => i);
if (opts.trial !== undefined) selected = [opts.trial];
else if (opts.quick) selected = [0, 1];
else if (opts.trials > 0) selected = selected.slice(0, opts.trials);
for (const n of selected) {
  try {
    const info = await trial(n);
    results.push({ ok: true, trial: n, ...info });
    console.log(`scenario ${n} ok   ${SCENARIOS[n].name} (${info.files} files grepped)`);
  } catch (e) {
    results.push({ ok: false, trial: n, error: e instanceof Error ? e.message : String(e) });
    console.log(`scenario ${n} FAIL ${SCENARIOS[n]?.name ?? n}`);
  }
}
process.exitCode = report('secrets', {
  seed: opts.seed,
  results,
  startedAt,
  extra: [['files grepped', String(results.reduce((k, r) => k + (r.files ?? 0), 0))]],
});
