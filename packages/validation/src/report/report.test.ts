import { describe, expect, it } from 'vitest';
import type { ExpectationResult } from '../expectations/types.js';
import { validateBars } from '../records/validate-bars.js';
import { renderReportFiles } from './render-report-files.js';

const result = (over: Partial<ExpectationResult>): ExpectationResult => ({
  expectationId: 'fact_stock_daily_price.not_null.close_price',
  suite: 'builtin.fact_stock_daily_price',
  table: 'fact_stock_daily_price',
  kind: 'expect_column_values_to_not_be_null',
  severity: 'error',
  description: '',
  status: 'passed',
  expected: {},
  observedValue: 0,
  elementCount: 10,
  unexpectedCount: 0,
  unexpectedPercent: 0,
  knownGapCount: 0,
  sampleRows: [],
  durationMs: 1.5,
  error: null,
  sql: 'SELECT 1',
  ...over,
});

const bad = validateBars(
  [
    {
      symbol: 'AAPL',
      date: '2025-06-13',
      open: 1,
      high: 0.5,
      low: 0.4,
      close: 1,
      volume: 1,
      note: '<script>x</script>',
    },
  ],
  { runId: 'R1', runSession: '2025-06-13', now: () => new Date('2025-06-14T00:00:00Z') },
);

const input = {
  runId: 'R1',
  generatedAt: new Date('2025-06-14T01:00:00Z'),
  window: { from: '2025-06-13', to: '2025-06-13' },
  quarantine: bad.quarantined,
  knownGaps: bad.knownGaps,
  prices: [
    { symbol: 'MSFT', date: '2025-06-12', close: 470 },
    { symbol: 'MSFT', date: '2025-06-13', close: 474.5 },
  ],
  history: [{ runId: 'R0', at: '2025-06-13T01:00:00.000Z', passed: 3, total: 4 }],
};

describe('renderReportFiles', () => {
  it('summarises a partial run (known gaps, nothing blocking) as exit 4', () => {
    const { report, files } = renderReportFiles({ ...input, results: [result({})] });
    expect(report.summary).toMatchObject({
      verdict: 'partial',
      suggestedExitCode: 4,
      passed: 1,
      blocking: 0,
      knownGaps: 1,
      partialSymbols: ['AAPL'],
    });
    expect(JSON.parse(files['report.json']).summary.verdict).toBe('partial');
    expect(report.history.map((h) => h.runId)).toEqual(['R0', 'R1']);
  });

  it('marks a blocking failure as failed/exit 3 and writes JUnit failures, warnings as passes', () => {
    const { report, files } = renderReportFiles({
      ...input,
      results: [
        result({ status: 'failed', unexpectedCount: 2, sampleRows: [{ symbol: 'A&B', close_price: null }] }),
        result({ expectationId: 'w', severity: 'warn', status: 'failed', unexpectedCount: 1 }),
        result({ expectationId: 'e', status: 'error', error: 'Catalog Error: no "x"' }),
      ],
    });
    expect(report.summary).toMatchObject({ verdict: 'failed', suggestedExitCode: 3, blocking: 2, warned: 1 });
    const xml = files['junit.xml'];
    expect(xml).toMatch(/<testsuites [^>]*tests="3" failures="1" errors="1"/);
    expect(xml).toContain('<failure message="2 unexpected of 10 (observed 0)"');
    expect(xml).toContain('{&quot;symbol&quot;:&quot;A&amp;B&quot;,&quot;close_price&quot;:null}');
    expect(xml).toContain('<error message="Catalog Error: no &quot;x&quot;" type="engine">');
    expect(xml).toContain('<system-out>WARN 1 unexpected');
  });

  it('renders a self-contained page that escapes raw rows', () => {
    const html = renderReportFiles({ ...input, results: [result({})] }).files['index.html'];
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('1 of 1 expectations passed');
    expect(html).toContain('class="price-chart" data-symbol="MSFT"');
    expect(html).toContain('class="history-chart"');
  });
});
