import { describe, expect, it } from 'vitest';
import { validateBars } from '../records/validate-bars.js';
import { toDqResultRows, toRawStageDqRows } from './dq-results.js';

const at = new Date('2025-06-14T00:00:00Z');

describe('dq_results rows', () => {
  it('maps table results to the star schema columns', () => {
    const [row] = toDqResultRows(
      'R',
      [
        {
          expectationId: 'fact.fresh',
          suite: 's',
          table: 'fact_stock_daily_price',
          kind: 'expect_table_to_be_fresh',
          severity: 'error',
          description: '',
          status: 'failed',
          expected: { latest: '2025-06-13' },
          observedValue: '2025-06-12',
          elementCount: 10,
          unexpectedCount: 1,
          unexpectedPercent: 10,
          knownGapCount: 0,
          sampleRows: [{ symbol: 'AAPL', latest: '2025-06-12' }],
          durationMs: 2,
          error: null,
          sql: 'SELECT 1',
        },
      ],
      at,
    );
    expect(row).toEqual({
      run_id: 'R',
      expectation_id: 'fact.fresh',
      stage: 'tables',
      table_name: 'fact_stock_daily_price',
      severity: 'error',
      status: 'fail',
      observed_value: '"2025-06-12"',
      expected_value: '{"latest":"2025-06-13"}',
      failing_rows: 1,
      sample_rows: '[{"symbol":"AAPL","latest":"2025-06-12"}]',
      message: '1 of 10 unexpected (10.00%) in 2.0 ms',
      evaluated_at: at,
    });
  });

  it('gives one raw-stage row per record rule', () => {
    const v = validateBars(
      [{ symbol: 'A', date: '2025-06-13', open: 1, high: 0.5, low: 0.4, close: 1, volume: 0 }],
      {
        runId: 'R',
        runSession: '2025-06-13',
      },
    );
    const rows = toRawStageDqRows('R', v, at);
    expect(rows.find((r) => r.expectation_id === 'raw.bar.high_bound')).toMatchObject({
      status: 'fail',
      failing_rows: 1,
      stage: 'raw',
    });
    expect(rows.find((r) => r.expectation_id === 'raw.bar.volume')).toMatchObject({
      status: 'pass',
      failing_rows: 0,
    });
    expect(new Set(rows.map((r) => r.expectation_id)).size).toBe(rows.length);
  });
});
