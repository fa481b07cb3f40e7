import { column, type TableDefinition } from './table-definition.js';

/** A row of `quarantine_daily_price` (written by the CLI from record-rule results). */
export interface QuarantineDailyPriceRow {
  run_id: string;
  symbol: string;
  trade_date: string;
  rule_id: string;
  severity: 'error' | 'warn';
  message: string | null;
  raw_row: string;
  raw_path: string | null;
  quarantined_at: Date;
}

/** `quarantine_daily_price` [run_id, symbol, trade_date, rule_id]: raw bars a record rule rejected. */
export const quarantineDailyPrice: TableDefinition = {
  name: 'quarantine_daily_price',
  kind: 'operations',
  doc: 'Rejected raw bars with the rule that rejected them and the raw row as received.',
  columns: [
    column(1, 'run_id', 'string', true),
    column(2, 'symbol', 'string', true),
    column(3, 'trade_date', 'date', true),
    column(4, 'rule_id', 'string', true),
    column(5, 'severity', 'string', true),
    column(6, 'message', 'string'),
    column(7, 'raw_row', 'string', true, 'the raw row as JSON'),
    column(8, 'raw_path', 'string'),
    column(9, 'quarantined_at', 'timestamptz', true),
  ],
  keyColumns: ['run_id', 'symbol', 'trade_date', 'rule_id'],
  partition: null,
  sortColumns: ['run_id', 'symbol', 'trade_date'],
};
