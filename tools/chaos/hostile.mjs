// Hostile-input suite (issue 10): malformed config files, hostile --symbols, and `query` statements that try to
// write. Every case must exit 2, say where the problem is and how to fix it, and touch nothing on disk.
//   node tools/chaos/hostile.mjs [--seed N] [--trials K] [--trial N] [--quick] [--keep] [--verbose]
// A "trial" here is one hostile case (the case list is fixed; --seed only shuffles the order). --quick runs one
// case of each group (the CI smoke subset). --trials 0 (the default) runs every case.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRng, listFiles, parseArgs, removeDir, report, runCli, tempDir, trialSeed } from './lib.mjs';

const opts = parseArgs(process.argv.slice(2), { trials: 0 });
const log = (...a) => opts.verbose && console.error('[hostile]', ...a);
const FIX = /expected|must|use |set |one of|remove|fix|allowed|valid|should|instead|e\.g\.|such as/i;

// [name, YAML text, regex the message must match to name the place in the file]
const CONFIGS = [
  ['not yaml', 'warehouse: [1\n', /line \d/],
  ['tab indentation', 'fmp:\n\tplan: free\n', /line \d/],
  ['duplicate key', 'target: local\ntarget: aws\n', /target|line \d/],
  ['top-level list', '- a\n- b\n', /top|root|mapping|object|\(root\)|^|line/],
  ['top-level scalar', '42\n', /top|root|mapping|object|line/],
  ['unknown top-level key', 'warehous: ./w\n', /warehous/],
  ['unknown nested key', 'fmp:\n  concurency: 2\n', /concurency/],
  ['target enum', 'target: azure\n', /target/],
  ['target wrong type', 'target: 3\n', /target/],
  ['warehouse wrong type', 'warehouse: 12\n', /warehouse/],
  ['warehouse empty', 'warehouse: ""\n', /warehouse/],
  ['namespace with slash', 'namespace: ../evil\n', /namespace/],
  ['namespace empty', 'namespace: ""\n', /namespace/],
  ['source enum', 'source: yahoo\n', /source/],
  ['symbols wrong type', 'symbols: 5\n', /symbols/],
  ['symbols list hostile', 'symbols:\n  list: ["../x"]\n', /symbols|list|\.\.\/x/],
  ['fmp not a mapping', 'fmp: fast\n', /fmp/],
  ['fmp.plan enum', 'fmp:\n  plan: platinum\n', /plan/],
  ['fmp.concurrency negative', 'fmp:\n  concurrency: -3\n', /concurrency/],
  ['fmp.concurrency string', 'fmp:\n  concurrency: four\n', /concurrency/],
  ['fmp.concurrency float', 'fmp:\n  concurrency: 2.5\n', /concurrency/],
  ['fmp.rateLimitFraction > 1', 'fmp:\n  rateLimitFraction: 3\n', /rateLimitFraction/],
  ['fmp.timeoutMs zero', 'fmp:\n  timeoutMs: 0\n', /timeoutMs/],
  ['fmp.maxRetries negative', 'fmp:\n  maxRetries: -1\n', /maxRetries/],
  ['fmp.baseUrl not a URL', 'fmp:\n  baseUrl: "not a url"\n', /baseUrl/],
  ['fmp.apiKey in file as number', 'fmp:\n  apiKey: 12345\n', /apiKey/],
  ['calendar.settleMinutes negative', 'calendar:\n  settleMinutes: -5\n', /settleMinutes/],
  ['calendar.extraClosures bad date', 'calendar:\n  extraClosures:\n    - { date: "2025-13-45", name: x }\n', /extraClosures|date/],
  ['extract.bootstrapDays string', 'extract:\n  bootstrapDays: lots\n', /bootstrapDays/],
  ['transform.engine enum', 'transform:\n  engine: spark\n', /engine/],
  ['transform.threads zero', 'transform:\n  threads: 0\n', /threads/],
  ['validation.suites not a list', 'validation:\n  suites: strict.yaml\n', /suites/],
  ['validation.builtIn string', 'validation:\n  builtIn: "yes please"\n', /builtIn/],
  ['logging.level enum', 'logging:\n  level: loud\n', /level/],
  ['maintain.retainLast negative', 'maintain:\n  retainLast: -2\n', /retainLast/],
  ['maintain.orphanOlderThanHours string', 'maintain:\n  orphanOlderThanHours: soon\n', /orphanOlderThanHours/],
  ['aws.glue.glueVersion enum', 'aws:\n  glue:\n    glueVersion: "2.0"\n', /glueVersion/],
  ['aws.athena.timeoutSeconds negative', 'aws:\n  athena:\n    timeoutSeconds: -1\n', /timeoutSeconds/],
  ['yaml anchor bomb', 'a: &a ["x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e]\n', /alias|anchor|a|b|c|d|e|f/],
];

const SYMBOLS = [
  '../x',
  'A;DROP',
  '%2e%2e',
  'ＡＡＰＬ', // full-width Latin
  'АAPL', // Cyrillic А
  'A'.repeat(200),
  'AAPL,../../etc/passwd',
  "AAPL' OR '1'='1",
  'AAPL\u0000',
  '..',
  ' ',
  '$(touch pwned)',
];
// Not hostile, deliberately absent: 'a/b' is upper-cased to the share-class form A/B (raw files are named A-B),
// and empty list items ('AAPL,,') are ignored; both run normally.

const WRITES = [
  "COPY (SELECT 1 AS x) TO 'pwned.csv'",
  "COPY fact_stock_daily_price TO 'pwned.parquet' (FORMAT PARQUET)",
  'CREATE TABLE pwned AS SELECT 1 AS x',
  'CREATE VIEW pwned AS SELECT 1 AS x',
  "ATTACH 'pwned.duckdb' AS p",
  'INSTALL httpfs',
  'LOAD httpfs',
  "SET memory_limit = '1GB'",
  "SET enable_external_access = true",
  'DROP TABLE fact_stock_daily_price',
  'DELETE FROM fact_stock_daily_price',
  "INSERT INTO dim_exchange VALUES (1, 'X', 'X', 'X', 'X')",
  "SELECT 1; COPY (SELECT 1) TO 'pwned2.csv'",
  "EXPORT DATABASE 'pwned_dir'",
  "PRAGMA enable_profiling='json'",
  "CALL pragma_version(); COPY (SELECT 1) TO 'pwned3.csv'",
];

const cases = [
  ...CONFIGS.map(([name, yaml, where]) => ({ group: 'config', name, yaml, where })),
  ...SYMBOLS.map((s) => ({ group: 'symbols', name: JSON.stringify(s.length > 24 ? `${s.slice(0, 12)}…(${s.length})` : s), symbols: s })),
  ...WRITES.map((sql) => ({ group: 'query', name: sql.slice(0, 60), sql })),
];

// Order: shuffled by the seed (Fisher–Yates), so --seed exercises different orders against the shared warehouse.
const rng = createRng(trialSeed(opts.seed, 0));
const order = cases.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(rng() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
let selected;
if (opts.trial !== undefined) selected = [opts.trial];
else if (opts.quick) selected = ['config', 'symbols', 'query'].map((g) => cases.findIndex((c) => c.group === g));
else selected = opts.trials > 0 ? order.slice(0, opts.trials) : order;

const cleanup = [];
// One published warehouse (sample source, no network) that the `query` cases must leave untouched.
let queryDir = null;
async function queryWarehouse() {
  if (queryDir) return queryDir;
  queryDir = tempDir('np-chaos-hostile-q-');
  cleanup.push(queryDir);
  const r = await runCli(['--quiet', 'run', '--source', 'sample', '--symbols', 'AAPL', '--date', '2025-06-17'], {
    cwd: queryDir,
    env: { NASDAQ_PIPELINE_NOW: '2025-06-17T22:00:00Z' },
  });
  if (r.code !== 0) throw new Error(`building the query warehouse exited ${r.code}\n${r.stderr}`);
  return queryDir;
}

async function runCase(c) {
  if (c.group === 'config') {
    const dir = tempDir('np-chaos-hostile-');
    cleanup.push(dir);
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, c.yaml);
    const r = await runCli(['--config', file, 'run', '--source', 'sample', '--symbols', 'AAPL'], { cwd: dir });
    const msg = r.stderr + r.stdout;
    log(c.name, r.code, msg.trim().split('\n').slice(0, 3).join(' | '));
    if (r.code !== 2) throw new Error(`config "${c.name}": exit ${r.code}, expected 2\n${msg.slice(0, 800)}`);
    if (!msg.includes(file)) throw new Error(`config "${c.name}": the message does not name the file ${file}\n${msg}`);
    if (!c.where.test(msg)) throw new Error(`config "${c.name}": the message does not name the place (${c.where})\n${msg}`);
    if (!FIX.test(msg)) throw new Error(`config "${c.name}": the message does not say how to fix it\n${msg}`);
    if (existsSync(path.join(dir, 'warehouse'))) throw new Error(`config "${c.name}": a warehouse folder was created`);
    return;
  }
  if (c.group === 'symbols') {
    const dir = tempDir('np-chaos-hostile-');
    cleanup.push(dir);
    for (const cmd of ['run', 'extract', 'backfill']) {
      const args = [cmd, '--source', 'sample', '--symbols', c.symbols];
      if (cmd === 'backfill') args.push('--from', '2025-06-02', '--to', '2025-06-06');
      let r;
      try {
        r = await runCli(args, { cwd: dir, env: { NASDAQ_PIPELINE_NOW: '2025-06-17T22:00:00Z' } });
      } catch (e) {
        // spawn itself refuses argv with NUL bytes: the CLI can never see them
        if (/null bytes/i.test(String(e))) return;
        throw e;
      }
      log(c.name, cmd, r.code, r.stderr.trim().split('\n')[0]);
      if (r.code !== 2) throw new Error(`${cmd} --symbols ${c.name}: exit ${r.code}, expected 2\n${r.stderr.slice(0, 800)}`);
      if (!/symbol/i.test(r.stderr)) throw new Error(`${cmd} --symbols ${c.name}: the message does not mention symbols\n${r.stderr}`);
      const files = listFiles(dir);
      if (files.length > 0) throw new Error(`${cmd} --symbols ${c.name}: files were created: ${files.slice(0, 5).join(', ')}`);
    }
    return;
  }
  const dir = await queryWarehouse();
  const before = listFiles(dir).sort().join('\n');
  const r = await runCli(['query', c.sql], { cwd: dir });
  log(c.name, r.code, r.stderr.trim().split('\n')[0]);
  const after = listFiles(dir).sort().join('\n');
  if (r.code !== 2) throw new Error(`query ${JSON.stringify(c.sql)}: exit ${r.code}, expected 2\n${r.stdout.slice(0, 300)}${r.stderr.slice(0, 800)}`);
  if (before !== after) {
    const added = after.split('\n').filter((f) => !before.includes(f));
    throw new Error(`query ${JSON.stringify(c.sql)}: the warehouse folder changed (+${added.slice(0, 5).join(', ')})`);
  }
}

const startedAt = performance.now();
const results = [];
try {
  for (const n of selected) {
    const c = cases[n];
    if (!c) {
      results.push({ ok: false, trial: n, error: `no case ${n} (0..${cases.length - 1})` });
      continue;
    }
    try {
      await runCase(c);
      results.push({ ok: true, trial: n, group: c.group });
      console.log(`case ${String(n).padStart(2)} ok   ${c.group.padEnd(7)} ${c.name}`);
    } catch (e) {
      results.push({ ok: false, trial: n, group: c.group, error: e instanceof Error ? e.message : String(e) });
      console.log(`case ${String(n).padStart(2)} FAIL ${c.group.padEnd(7)} ${c.name}`);
    }
  }
} finally {
  if (!opts.keep) for (const d of cleanup) removeDir(d);
}
const group = (g) => {
  const rs = results.filter((r) => r.group === g);
  return `${rs.length} cases, ${rs.filter((r) => !r.ok).length} failed`;
};
process.exitCode = report('hostile', {
  seed: opts.seed,
  results,
  startedAt,
  extra: [
    ['config files', group('config')],
    ['--symbols', group('symbols')],
    ['query writes', group('query')],
  ],
});
