import { column, type TableDefinition } from './table-definition.js';

/** A row of `pipeline_runs` (written by the CLI). */
export interface PipelineRunRow {
  run_id: string;
  command: string;
  status: 'running' | 'succeeded' | 'partial' | 'failed' | 'dq_failed';
  started_at: Date;
  finished_at: Date | null;
  window_from: string | null;
  window_to: string | null;
  source: string | null;
  engine: string | null;
  symbols_requested: number | null;
  symbols_failed: number | null;
  bars_accepted: number | null;
  bars_quarantined: number | null;
  exit_code: number | null;
  message: string | null;
}

/** `pipeline_runs` [run_id]: one row per run of the CLI. */
export const pipelineRuns: TableDefinition = {
  name: 'pipeline_runs',
  kind: 'operations',
  doc: 'One row per pipeline run: window, counts, outcome.',
  columns: [
    column(1, 'run_id', 'string', true, 'ULID'),
    column(2, 'command', 'string', true),
    column(3, 'status', 'string', true),
    column(4, 'started_at', 'timestamptz', true),
    column(5, 'finished_at', 'timestamptz'),
    column(6, 'window_from', 'date'),
    column(7, 'window_to', 'date'),
    column(8, 'source', 'string'),
    column(9, 'engine', 'string'),
    column(10, 'symbols_requested', 'int'),
    column(11, 'symbols_failed', 'int'),
    column(12, 'bars_accepted', 'long'),
    column(13, 'bars_quarantined', 'long'),
    column(14, 'exit_code', 'int'),
    column(15, 'message', 'string'),
  ],
  keyColumns: ['run_id'],
  partition: null,
  sortColumns: ['run_id'],
};
