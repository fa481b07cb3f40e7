import { composeQuery, quoteIdent } from '../sql.js';
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
  compile(e, id, { tableRef }) {
    const c = quoteIdent(e.column, id);
    const t = tableRef(e.table);
    return {
      sql: composeQuery({
        bad: `SELECT * FROM ${t} WHERE ${c} IS NULL`,
        stats: `SELECT COUNT(*) AS dq_total, COUNT(*) - COUNT(${c}) AS dq_unexpected FROM ${t}`,
      }),
      evaluate: (rows) => evaluateRowLevel(rows, e.mostly),
    };
  },
};
