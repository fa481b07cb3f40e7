import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInSuites } from '../expectations/built-in-suites.js';
import { runSuites } from '../expectations/run-suites.js';
import { validateBars } from '../records/validate-bars.js';
import { createDuckDbHarness, type DuckDbHarness } from '../test-support/duckdb-runner.js';
import { createFixtureWarehouse, fixtureBars, fixtureParams } from '../test-support/warehouse-fixture.js';
import { renderReportFiles } from './render-report-files.js';

const run = promisify(execFile);

async function findChromium(): Promise<string | undefined> {
  for (const bin of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      await run(bin, ['--version']);
      return bin;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

const chromium = await findChromium();
if (!chromium && process.env['CI'] === 'true') {
  throw new Error(
    'report test: chromium is not installed but CI=true; .ci/run must apt-get install chromium',
  );
}
if (!chromium)
  console.warn('report test skipped: no chromium on PATH (apt-get install chromium); CI fails instead');

describe.skipIf(!chromium)('index.html in headless Chromium', () => {
  let dir: string;
  let db: DuckDbHarness;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dq-report-'));
    db = await createDuckDbHarness();
    await createFixtureWarehouse(db);
  });
  afterAll(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the summary, failures and one chart per symbol', async () => {
    await db.exec("UPDATE fact_stock_daily_price SET source = 'csv' WHERE trade_date = DATE '2025-06-12'");
    const params = fixtureParams();
    const outcome = await runSuites(builtInSuites(), { runSql: db.runSql, params });
    const raw = validateBars(
      [{ symbol: 'AAPL', date: '2025-06-27', open: -1, high: 1, low: 1, close: 1, volume: 1 }],
      {
        runId: params.runId,
        runSession: '2025-06-27',
      },
    );
    const { report, files } = renderReportFiles({
      runId: params.runId,
      generatedAt: new Date('2025-06-28T00:00:00Z'),
      window: params.window,
      results: outcome.results,
      quarantine: raw.quarantined,
      prices: fixtureBars().map((b) => ({ symbol: b.symbol, date: b.date, close: b.close })),
      history: [{ runId: 'OLDER', at: '2025-06-27T00:00:00.000Z', passed: 10, total: 10 }],
    });
    const file = path.join(dir, 'index.html');
    await writeFile(file, files['index.html']);
    const { stdout } = await run(
      chromium as string,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        '--dump-dom',
        `file://${file}`,
      ],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const n = report.summary.expectations;
    expect(stdout).toContain(
      `${n - 1} of ${n} expectations passed; 1 blocking failure(s); 1 bar(s) quarantined`,
    );
    expect(stdout).toContain('FAILED');
    expect(stdout).toContain('fact_stock_daily_price.in_set.source');
    expect(stdout.match(/<svg class="price-chart"/g)).toHaveLength(2);
    expect(stdout).toContain('data-symbol="AAPL"');
    expect(stdout).toMatch(/<svg class="history-chart"[^>]*>(<rect[^>]*>.*?<\/rect>){2}/);
    expect(stdout).toContain('bar.price_positive');
  }, 90_000);
});
