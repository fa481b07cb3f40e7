import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDqResultRows } from '../expectations/dq-results.js';
import { createDuckDbHarness, type DuckDbHarness } from '../test-support/duckdb-runner.js';
import { createFixtureWarehouse } from '../test-support/warehouse-fixture.js';
import {
  compileClosePricesQuery,
  compileRunHistoryQuery,
  toClosePoints,
  toRunHistory,
} from './report-queries.js';

let db: DuckDbHarness;
beforeAll(async () => {
  db = await createDuckDbHarness();
  await createFixtureWarehouse(db);
});
afterAll(() => db.close());

describe('report queries', () => {
  it('reads closes for the charts', async () => {
    const sql = compileClosePricesQuery({
      tableRef: (t) => `"${t}"`,
      from: '2025-06-25',
      to: '2025-06-27',
      symbols: ['MSFT'],
    });
    const points = toClosePoints(await db.runSql(sql));
    expect(points.map((p) => p.date)).toEqual(['2025-06-25', '2025-06-26', '2025-06-27']);
    expect(points.every((p) => p.symbol === 'MSFT' && p.close > 0)).toBe(true);
  });

  it('reads the pass-rate history from dq_results, oldest first', async () => {
    await db.exec(
      `CREATE TABLE dq_results (run_id VARCHAR, expectation_id VARCHAR, stage VARCHAR, status VARCHAR, evaluated_at TIMESTAMPTZ)`,
    );
    const rows = (run: string, at: string, statuses: string[]) =>
      statuses.map((s, i) => `('${run}', 'e${i}', 'tables', '${s}', TIMESTAMPTZ '${at}')`).join(', ');
    await db.exec(
      `INSERT INTO dq_results VALUES ${rows('A', '2025-06-12 22:00:00+00', ['pass', 'fail'])}, ${rows('B', '2025-06-13 22:00:00+00', ['pass', 'pass'])}`,
    );
    const h = toRunHistory(await db.runSql(compileRunHistoryQuery({ tableRef: (t) => `"${t}"` })));
    expect(h.map((x) => [x.runId, x.passed, x.total])).toEqual([
      ['A', 1, 2],
      ['B', 2, 2],
    ]);
    expect(toDqResultRows('C', [], new Date())).toEqual([]);
  });
});
