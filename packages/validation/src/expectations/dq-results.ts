import type { BarValidation } from '../records/validate-bars.js';
import { RECORD_RULES } from '../records/rules/index.js';
import { RECORD_RULE_IDS } from '../records/rule-ids.js';
import type { ExpectationResult } from './types.js';

/**
 * One row of the `dq_results` table [run_id, expectation_id], matching the star schema's definition
 * (`@nasdaq-pipeline/star-schema` `dqResults`): JSON columns are strings.
 */
export interface DqResultRow {
  run_id: string;
  expectation_id: string;
  /** `raw` (record rules) or `tables` (SQL expectations). */
  stage: 'raw' | 'tables';
  table_name: string | null;
  severity: 'error' | 'warn';
  status: 'pass' | 'fail' | 'error';
  /** JSON text of the observed value. */
  observed_value: string | null;
  /** JSON text of the expectation's parameters. */
  expected_value: string | null;
  /** Unexpected rows (or keys, periods, bars). */
  failing_rows: number | null;
  /** JSON array of up to 20 offending rows. */
  sample_rows: string | null;
  /** One line: counts, known gaps, or the engine error. */
  message: string | null;
  evaluated_at: Date;
}

const STATUS = { passed: 'pass', failed: 'fail', error: 'error' } as const;

/** Turns table-stage expectation results into `dq_results` rows. */
export function toDqResultRows(
  runId: string,
  results: readonly ExpectationResult[],
  evaluatedAt: Date,
): DqResultRow[] {
  return results.map((r) => ({
    run_id: runId,
    expectation_id: r.expectationId,
    stage: 'tables',
    table_name: r.table,
    severity: r.severity,
    status: STATUS[r.status],
    observed_value: JSON.stringify(r.observedValue ?? null),
    expected_value: JSON.stringify(r.expected),
    failing_rows: r.unexpectedCount,
    sample_rows: JSON.stringify(r.sampleRows),
    message:
      r.error ??
      `${r.unexpectedCount} of ${r.elementCount} unexpected (${r.unexpectedPercent.toFixed(2)}%)` +
        (r.knownGapCount ? `, ${r.knownGapCount} known gap(s)` : '') +
        ` in ${r.durationMs.toFixed(1)} ms`,
    evaluated_at: evaluatedAt,
  }));
}

/**
 * Raw-stage `dq_results` rows: one per record rule (`raw.<rule id>`), failing when the rule
 * quarantined (error rules) or flagged (warn rules) any bar; samples are the raw rows.
 */
export function toRawStageDqRows(runId: string, validation: BarValidation, evaluatedAt: Date): DqResultRow[] {
  const rules: { id: string; severity: 'error' | 'warn'; description: string }[] = [
    ...RECORD_RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description })),
    {
      id: RECORD_RULE_IDS.conflictingDuplicate,
      severity: 'error',
      description: 'one bar per (symbol, date)',
    },
    {
      id: RECORD_RULE_IDS.possibleUnappliedSplit,
      severity: 'warn',
      description: '|log return| < ln 1.8 unless split',
    },
    { id: RECORD_RULE_IDS.zeroVolume, severity: 'warn', description: 'volume > 0' },
    { id: RECORD_RULE_IDS.closeUnchanged, severity: 'warn', description: 'close changes within 5 sessions' },
  ];
  return rules.map((rule) => {
    const hits: Record<string, unknown>[] =
      rule.severity === 'error'
        ? validation.quarantined
            .filter((q) => q.rule_id === rule.id)
            .map((q) => ({
              symbol: q.symbol,
              trade_date: q.trade_date,
              message: q.message,
              raw_row: q.raw_row,
            }))
        : validation.warnings
            .filter((w) => w.rule_id === rule.id)
            .map((w) => ({ symbol: w.symbol, trade_date: w.date, message: w.message }));
    return {
      run_id: runId,
      expectation_id: `raw.${rule.id}`,
      stage: 'raw',
      table_name: 'quarantine_daily_price',
      severity: rule.severity,
      status: hits.length ? 'fail' : 'pass',
      observed_value: JSON.stringify(hits.length),
      expected_value: JSON.stringify(rule.description),
      failing_rows: hits.length,
      sample_rows: JSON.stringify(hits.slice(0, 20)),
      message: `${hits.length} of ${validation.received} bar(s)`,
      evaluated_at: evaluatedAt,
    };
  });
}
