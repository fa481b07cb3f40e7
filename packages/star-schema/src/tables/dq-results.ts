import { column, type TableDefinition } from './table-definition.js';

/** A row of `dq_results` (written by the CLI from validation reports). */
export interface DqResultRow {
  run_id: string;
  expectation_id: string;
  stage: string;
  table_name: string | null;
  severity: 'error' | 'warn';
  status: 'pass' | 'fail' | 'error';
  observed_value: string | null;
  expected_value: string | null;
  failing_rows: number | null;
  sample_rows: string | null;
  message: string | null;
  evaluated_at: Date;
}

/** `dq_results` [run_id, expectation_id]: one row per expectation evaluated in a run. */
export const dqResults: TableDefinition = {
  name: 'dq_results',
  kind: 'operations',
  doc: 'Data-quality expectation results per run.',
  columns: [
    column(1, 'run_id', 'string', true),
    column(2, 'expectation_id', 'string', true),
    column(3, 'stage', 'string', true, 'raw | tables'),
    column(4, 'table_name', 'string'),
    column(5, 'severity', 'string', true),
    column(6, 'status', 'string', true),
    column(7, 'observed_value', 'string'),
    column(8, 'expected_value', 'string'),
    column(9, 'failing_rows', 'long'),
    column(10, 'sample_rows', 'string', false, 'JSON array of up to 20 offending rows'),
    column(11, 'message', 'string'),
    column(12, 'evaluated_at', 'timestamptz', true),
  ],
  keyColumns: ['run_id', 'expectation_id'],
  partition: null,
  sortColumns: ['run_id', 'expectation_id'],
};
