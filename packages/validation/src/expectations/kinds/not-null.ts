import { composeQuery, scopedSource, quoteIdent } from '../sql.js';
import type { ExpectationBase } from '../types.js';
import { evaluateRowLevel, type ExpectationKind } from './kind.js';

/** Every value of `column` is non-null. */
export interface NotNullExpectation extends ExpectationBase {
  kind: 'expect_column_values_to_not_be_null';
  column: string;
}

/** Compiles {@link NotNullExpectation}. */
export const notNullKind: ExpectationKind<NotNullExpectation> = {
  kind: 'expect_column_values_to_not_be_null',
  summary: 'column values are not null',
  properties: { column: { type: 'string' } },
  required: ['column'],
  idColumns: (e) => [e.column],
  compile(e, id, ctx) {
    const c = quoteIdent(e.column, id);
    const src = scopedSource(e.table, e.dateColumn, ctx, id, e.dateGrain);
    const t = src.from;
    return {
      sql: composeQuery({
        ctes: src.ctes,
        bad: `SELECT * FROM ${t} WHERE ${c} IS NULL`,
        stats: `SELECT COUNT(*) AS dq_total, COUNT(*) - COUNT(${c}) AS dq_unexpected FROM ${t}`,
      }),
      evaluate: (rows) => evaluateRowLevel(rows, e.mostly),
    };
  },
};
