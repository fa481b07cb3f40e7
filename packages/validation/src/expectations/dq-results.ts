import type { ExpectationResult } from './types.js';

/** One row of the `dq_results` table [run_id, expectation_id]; JSON columns are strings. */
export interface DqResultRow {
  run_id: string;
  expectation_id: string;
  suite: string;
  table_name: string;
  kind: string;
  severity: 'error' | 'warn';
  /** `passed`, `failed` or `error`. */
  status: string;
  success: boolean;
  /** JSON text of the observed value. */
  observed_value: string;
  element_count: number;
  unexpected_count: number;
  unexpected_percent: number;
  known_gap_count: number;
  /** JSON array of up to 20 offending rows. */
  sample_rows: string;
  duration_ms: number;
  error_message: string | null;
  /** ISO-8601 instant the run validated. */
  evaluated_at: string;
}

/** Column names and Iceberg types of `dq_results`, for whoever creates the table. */
export const DQ_RESULTS_COLUMNS = [
  ['run_id', 'string'],
  ['expectation_id', 'string'],
  ['suite', 'string'],
  ['table_name', 'string'],
  ['kind', 'string'],
  ['severity', 'string'],
  ['status', 'string'],
  ['success', 'boolean'],
  ['observed_value', 'string'],
  ['element_count', 'long'],
  ['unexpected_count', 'long'],
  ['unexpected_percent', 'double'],
  ['known_gap_count', 'long'],
  ['sample_rows', 'string'],
  ['duration_ms', 'double'],
  ['error_message', 'string'],
  ['evaluated_at', 'timestamptz'],
] as const;

/** Turns expectation results into `dq_results` rows. */
export function toDqResultRows(
  runId: string,
  results: readonly ExpectationResult[],
  evaluatedAt: Date,
): DqResultRow[] {
  return results.map((r) => ({
    run_id: runId,
    expectation_id: r.expectationId,
    suite: r.suite,
    table_name: r.table,
    kind: r.kind,
    severity: r.severity,
    status: r.status,
    success: r.status === 'passed',
    observed_value: JSON.stringify(r.observedValue ?? null),
    element_count: r.elementCount,
    unexpected_count: r.unexpectedCount,
    unexpected_percent: r.unexpectedPercent,
    known_gap_count: r.knownGapCount,
    sample_rows: JSON.stringify(r.sampleRows),
    duration_ms: r.durationMs,
    error_message: r.error,
    evaluated_at: evaluatedAt.toISOString(),
  }));
}
