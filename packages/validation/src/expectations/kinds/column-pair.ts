import { composeQuery, scopedSource, quoteIdent } from '../sql.js';
import type { ExpectationBase } from '../types.js';
import { evaluateRowLevel, type ExpectationKind } from './kind.js';

/** `columnA` ≥ `columnB` (or > when `orEqual` is false) on rows where both are non-null. */
export interface ColumnPairExpectation extends ExpectationBase {
  kind: 'expect_column_pair_values_a_to_be_greater_than_b';
  columnA: string;
  columnB: string;
  /** Default true (A ≥ B). */
  orEqual?: boolean;
}

/** Compiles {@link ColumnPairExpectation} (OHLC invariants: high ≥ open, low ≤ close …). */
export const columnPairKind: ExpectationKind<ColumnPairExpectation> = {
  kind: 'expect_column_pair_values_a_to_be_greater_than_b',
  summary: 'column A is greater than (or equal to) column B',
  properties: {
    columnA: { type: 'string' },
    columnB: { type: 'string' },
    orEqual: { type: 'boolean' },
  },
  required: ['columnA', 'columnB'],
  idColumns: (e) => [e.columnA, e.columnB],
  compile(e, id, ctx) {
    const a = quoteIdent(e.columnA, id);
    const b = quoteIdent(e.columnB, id);
    const op = (e.orEqual ?? true) ? '<' : '<=';
    const cond = `${a} ${op} ${b}`;
    const src = scopedSource(e.table, e.dateColumn, ctx, id, e.dateGrain);
    const t = src.from;
    return {
      sql: composeQuery({
        ctes: src.ctes,
        bad: `SELECT * FROM ${t} WHERE ${cond}`,
        stats:
          `SELECT COALESCE(SUM(CASE WHEN ${a} IS NOT NULL AND ${b} IS NOT NULL THEN 1 ELSE 0 END), 0) AS dq_total,\n` +
          `  COALESCE(SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0) AS dq_unexpected\nFROM ${t}`,
      }),
      evaluate: (rows) => evaluateRowLevel(rows, e.mostly),
    };
  },
};
