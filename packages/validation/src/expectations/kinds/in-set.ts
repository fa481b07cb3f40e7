import { composeQuery, scopedSource, literal, quoteIdent } from '../sql.js';
import type { ExpectationBase } from '../types.js';
import { evaluateRowLevel, type ExpectationKind } from './kind.js';

/** Non-null values of `column` are members of `valueSet`. */
export interface InSetExpectation extends ExpectationBase {
  kind: 'expect_column_values_to_be_in_set';
  column: string;
  valueSet: (string | number)[];
}

/** Compiles {@link InSetExpectation}. */
export const inSetKind: ExpectationKind<InSetExpectation> = {
  kind: 'expect_column_values_to_be_in_set',
  summary: 'column values belong to a set',
  properties: {
    column: { type: 'string' },
    valueSet: { type: 'array', items: { type: ['string', 'number'] }, minItems: 1 },
  },
  required: ['column', 'valueSet'],
  idColumns: (e) => [e.column],
  compile(e, id, ctx) {
    const c = quoteIdent(e.column, id);
    const cond = `${c} NOT IN (${e.valueSet.map((v) => literal(v, id)).join(', ')})`;
    const src = scopedSource(e.table, e.dateColumn, ctx, id, e.dateGrain);
    const t = src.from;
    return {
      sql: composeQuery({
        ctes: src.ctes,
        bad: `SELECT * FROM ${t} WHERE ${cond}`,
        stats:
          `SELECT COUNT(${c}) AS dq_total,\n` +
          `  COALESCE(SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0) AS dq_unexpected\nFROM ${t}`,
      }),
      evaluate: (rows) => evaluateRowLevel(rows, e.mostly),
    };
  },
};
