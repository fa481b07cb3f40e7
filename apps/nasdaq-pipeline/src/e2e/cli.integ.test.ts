// End-to-end: the BUILT CLI as a child process against the fake FMP server over HTTP (fmp-sim).
// `npm test` builds the app first (nx: test depends on build).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule, SimServer } from '@nasdaq-pipeline/fmp-sim';
import { startFakeFmp } from './fake-fmp.js';
import { cliBin, spawnCli, type Spawned } from './spawn-cli.js';

const KEY = 'e2e-secret-key-5f1c';
const DAY1 = '2025-06-17T22:00:00Z'; // Tue, after the close: last completed session 2025-06-17
const DAY2 = '2025-06-18T22:00:00Z';
let now = DAY1;
let server: SimServer;

function envFor(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return { FMP_API_KEY: KEY, FMP_BASE_URL: url, FMP_PLAN: 'premium', NASDAQ_PIPELINE_NOW: now, ...extra };
}

async function cli(
  dir: string,
  args: string[],
  extra: Record<string, string> = {},
  url = server.url,
): Promise<Spawned> {
  const r = await spawnCli(args, { cwd: dir, env: envFor(url, extra) });
  // The key never appears in anything the CLI prints.
  expect(r.stdout + r.stderr).not.toContain(KEY);
  return r;
}

function json<T = Record<string, unknown>>(r: Spawned): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'np-e2e-'));
}

/** A fake FMP server over HTTP with the test's key and pinned clock, optionally injecting faults. */
function startServer(faults: FaultRule[] = []): Promise<SimServer> {
  return startFakeFmp({ apiKey: KEY, now: () => now, faults });
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('nasdaq-pipeline end to end', { timeout: 300_000 }, () => {
  let wh: string;

  it('first run bootstraps history, builds every table, passes validation and publishes', async () => {
    wh = await tempDir();
    const r = await cli(wh, ['--json', 'run', '--symbols', 'AAPL,MSFT']);
    expect(r.code, r.stderr).toBe(0);
    const s = json<{
      status: string;
      published: boolean;
      window: { to: string };
      tables: { table: string; rowsWritten: number }[];
      dq: { failed: number };
    }>(r);
    expect(s.status).toBe('ok');
    expect(s.published).toBe(true);
    expect(s.window.to).toBe('2025-06-17');
    expect(s.dq.failed).toBe(0);
    expect(s.tables.find((t) => t.table === 'fact_stock_daily_price')?.rowsWritten).toBeGreaterThan(500);
    // the raw zone kept every response as received, with a manifest, and never the key
    const runId = (s as unknown as { runId: string }).runId;
    const manifest = JSON.parse(
      await readFile(
        path.join(
          wh,
          `warehouse/raw/fmp/historical-price-eod/full/ingest_date=2025-06-17/run=${runId}/_manifest.json`,
        ),
        'utf8',
      ),
    ) as { entries: { file: string; status: number; sha256: string; params: Record<string, string> }[] };
    expect(manifest.entries.map((e) => e.params['symbol']).sort()).toEqual(['AAPL', 'MSFT']);
    expect(manifest.entries.every((e) => e.status === 200 && /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain(KEY);
    const report = await readFile(
      path.join(wh, 'warehouse/reports', (s as unknown as { runId: string }).runId, 'report.json'),
      'utf8',
    );
    expect(report).not.toContain(KEY);
  });

  it('query --format json returns the fact rows of a symbol as FMP served them', async () => {
    const r = await cli(wh, [
      'query',
      '--format',
      'json',
      "SELECT trade_date, close_price, volume FROM fact_stock_daily_price WHERE symbol = 'AAPL' AND trade_date >= DATE '2025-06-10' ORDER BY trade_date",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = json<{ trade_date: string; close_price: number; volume: number }[]>(r);
    const res = await fetch(
      `${server.url}/historical-price-eod/full?symbol=AAPL&from=2025-06-10&to=2025-06-17`,
      { headers: { apikey: KEY } },
    );
    const served = ((await res.json()) as { date: string; close: number; volume: number }[]).reverse();
    expect(rows).toEqual(served.map((b) => ({ trade_date: b.date, close_price: b.close, volume: b.volume })));
  });

  it('query into a reader that stops early (| head) ends quietly with exit 0', async () => {
    const child = spawn(
      process.execPath,
      [cliBin, 'query', '--format', 'csv', 'SELECT * FROM fact_stock_daily_price'],
      {
        cwd: wh,
        env: { PATH: process.env['PATH'] ?? '', ...envFor(server.url) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read the first chunk (the rows are far more than a pipe holds), then close our end like `head` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('an immediate rerun is a fast no-op', async () => {
    const before = json<{ tables: { table: string; rows: number; snapshots: number }[] }>(
      await cli(wh, ['--json', 'tables']),
    );
    const r = await cli(wh, ['--json', 'run', '--symbols', 'AAPL,MSFT']);
    expect(r.code).toBe(0);
    expect(json<{ status: string }>(r).status).toBe('up_to_date');
    const after = json<{ tables: { table: string; rows: number; snapshots: number }[] }>(
      await cli(wh, ['--json', 'tables']),
    );
    expect(after.tables).toEqual(before.tables);
  });

  it('a new day adds exactly that session', async () => {
    now = DAY2;
    try {
      const r = await cli(wh, ['--json', 'run', '--symbols', 'AAPL,MSFT']);
      expect(r.code, r.stderr).toBe(0);
      const q = json<{ n: number; d: string }[]>(
        await cli(wh, [
          'query',
          '--format',
          'json',
          "SELECT count(*)::INT AS n, CAST(max(trade_date) AS VARCHAR) AS d FROM fact_stock_daily_price WHERE trade_date = DATE '2025-06-18'",
        ]),
      );
      expect(q).toEqual([{ n: 2, d: '2025-06-18' }]);
    } finally {
      now = DAY1;
    }
  });

  it('the data-quality gate fails with exit 3 and changes no table', async () => {
    const suite = path.join(wh, 'strict.yaml');
    await writeFile(
      suite,
      'name: strict\nexpectations:\n  - kind: expect_table_row_count_to_be_between\n    table: fact_stock_daily_price\n    max: 10\n    severity: error\n',
    );
    await writeFile(path.join(wh, 'nasdaq-pipeline.yaml'), `validation:\n  suites: [${suite}]\n`);
    const before = json<{ tables: unknown[] }>(await cli(wh, ['--json', 'tables']));
    const r = await cli(wh, ['--json', 'run', '--symbols', 'AAPL,MSFT', '--date', '2025-06-16']);
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect(json<{ published: boolean }>(r).published).toBe(false);
    const after = json<{ tables: { table: string; rows: number; snapshots: number }[] }>(
      await cli(wh, ['--json', 'tables']),
    );
    const data = (t: { tables: unknown[] }) =>
      (t.tables as { table: string }[]).filter(
        (x) => !['pipeline_runs', 'dq_results', 'quarantine_daily_price'].includes(x.table),
      );
    expect(data(after)).toEqual(data(before));
    await writeFile(path.join(wh, 'nasdaq-pipeline.yaml'), '{}\n');
  });

  it('a refused symbol is a partial run (exit 4) naming it; the others publish', async () => {
    const faulty = await startServer([
      { endpoint: 'historical-price-eod/full', symbol: 'MSFT', kind: 'premium-symbol' },
    ]);
    try {
      const dir = await tempDir();
      const r = await cli(dir, ['run', '--symbols', 'AAPL,MSFT'], {}, faulty.url);
      expect(r.code, r.stderr).toBe(4);
      expect(r.stdout).toMatch(/✗ MSFT: /);
      const q = json<{ symbol: string }[]>(
        await cli(
          dir,
          ['query', '--format', 'json', 'SELECT DISTINCT symbol FROM fact_stock_daily_price'],
          {},
          faulty.url,
        ),
      );
      expect(q).toEqual([{ symbol: 'AAPL' }]);
    } finally {
      await faulty.close();
    }
  });

  it('bad rows land in quarantine with their rule ids and raw row', async () => {
    const faulty = await startServer([
      { endpoint: 'historical-price-eod/full', symbol: 'AAPL', kind: 'high-below-low' },
    ]);
    try {
      const dir = await tempDir();
      const r = await cli(dir, ['--json', 'run', '--symbols', 'AAPL'], {}, faulty.url);
      const s = json<{ runId: string; quarantine: { rows: number } }>(r);
      expect(s.quarantine.rows).toBeGreaterThan(0);
      const detail = json<{ quarantine: { symbol: string; rule_id: string }[] }>(
        await cli(dir, ['--json', 'runs', s.runId], {}, faulty.url),
      );
      expect(detail.quarantine[0]?.symbol).toBe('AAPL');
      expect(detail.quarantine.map((q) => q.rule_id).join(',')).toMatch(/high|low/);
      const raw = json<{ raw_row: string }[]>(
        await cli(
          dir,
          ['query', '--format', 'json', 'SELECT raw_row FROM quarantine_daily_price'],
          {},
          faulty.url,
        ),
      );
      expect(JSON.parse(raw[0]?.raw_row ?? '{}')).toHaveProperty('symbol', 'AAPL');
    } finally {
      await faulty.close();
    }
  });

  it('a second writer exits 5 naming the holder', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'warehouse'), { recursive: true });
    await writeFile(
      path.join(dir, 'warehouse/.nasdaq-pipeline.lock'),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        runId: 'HOLDER',
        command: 'run',
        since: '2025-06-17T22:00:00Z',
      }),
    );
    const r = await cli(dir, ['run', '--symbols', 'AAPL']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`run HOLDER (pid ${process.pid}`);
  });

  it('a bad config file exits 2 with the path, the bad value and the fix', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'bad.yaml'), 'fmp:\n  plan: gold\n');
    const r = await cli(dir, ['--config', 'bad.yaml', 'run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path.join(dir, 'bad.yaml'));
    expect(r.stderr).toContain(
      'at /fmp/plan: expected one of "free", "starter", "premium", "ultimate"; got "gold"',
    );
  });

  it(
    'a backfill killed with SIGKILL and resumed ends as an uninterrupted one',
    { timeout: 600_000 },
    async () => {
      const args = ['backfill', '--from', '2025-03-01', '--to', '2025-05-31', '--symbols', 'AAPL'];
      const straight = await tempDir();
      expect((await cli(straight, args)).code).toBe(0);
      const killed = await tempDir();
      const first = await spawnCli(args, {
        cwd: killed,
        env: envFor(server.url),
        killWhen: (out) => out.includes('2025-03:'),
      });
      expect(first.signal).toBe('SIGKILL');
      const resumed = await cli(killed, [...args, '--resume']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toMatch(/skipped \(already done\)/);
      const snapshot = async (dir: string) =>
        (
          await Promise.all(
            [
              'SELECT * EXCLUDE (run_id, ingested_at) FROM fact_stock_daily_price ORDER BY symbol, trade_date',
              'SELECT * FROM agg_stock_weekly_metrics ORDER BY symbol, iso_year, iso_week',
              'SELECT * FROM agg_stock_monthly_metrics ORDER BY symbol, year, month',
              'SELECT * FROM dim_stock ORDER BY symbol, valid_from',
            ].map(async (sql) => (await cli(dir, ['query', '--format', 'json', sql])).stdout),
          )
        )
          // Sums and standard deviations may differ in the last bits with summation order: compare 12 digits.
          .map((text) =>
            JSON.stringify(JSON.parse(text), (_k, v: unknown) =>
              typeof v === 'number' ? Number(v.toPrecision(12)) : v,
            ),
          )
          .join('\n');
      expect(await snapshot(killed)).toBe(await snapshot(straight));
    },
  );

  it('every command prints one JSON document with --json', { timeout: 600_000 }, async () => {
    const commands: string[][] = [
      ['tables'],
      ['runs'],
      ['validate'],
      ['calendar', '--from', '2025-06-01', '--to', '2025-06-30'],
      ['backfill', '--from', '2025-01-01', '--to', '2025-03-31', '--symbols', 'AAPL', '--dry-run'],
      ['maintain', '--dry-run'],
      ['doctor'],
      ['query', 'SELECT 1 AS one'],
      ['extract', '--symbols', 'AAPL', '--date', '2025-06-16'],
      ['transform', '--date', '2025-06-16', '--symbols', 'AAPL'],
      ['init', '--output', 'generated.yaml'],
    ];
    for (const args of commands) {
      const r = await cli(wh, ['--json', ...args]);
      expect([0, 4], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
      expect(() => JSON.parse(r.stdout), args.join(' ')).not.toThrow();
    }
  });
});
