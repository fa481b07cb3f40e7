import { ExpectationCompileError } from '../../errors.js';
import { composeQuery, scopedSource, literal, quoteIdent } from '../sql.js';
import type { ExpectationBase } from '../types.js';
import { evaluateRowLevel, type ExpectationKind } from './kind.js';

/** Non-null values of `column` lie in [min, max] (either bound optional; strict bounds exclude it). */
export interface BetweenExpectation extends ExpectationBase {
  kind: 'expect_column_values_to_be_between';
  column: string;
  min?: number;
  max?: number;
  strictMin?: boolean;
  strictMax?: boolean;
}

/** Compiles {@link BetweenExpectation}. */
export const betweenKind: ExpectationKind<BetweenExpectation> = {
  kind: 'expect_column_values_to_be_between',
  summary: 'column values lie between min and max',
  properties: {
    column: { type: 'string' },
    min: { type: 'number' },
    max: { type: 'number' },
    strictMin: { type: 'boolean' },
    strictMax: { type: 'boolean' },
  },
  required: ['column'],
  idColumns: (e) => [e.column],
  compile(e, id, ctx) {
    if (e.min === undefined && e.max === undefined) {
      throw new ExpectationCompileError(id, 'give min, max or both');
    }
    const c = quoteIdent(e.column, id);
    const out: string[] = [];
    if (e.min !== undefined) out.push(`${c} ${e.strictMin ? '<=' : '<'} ${literal(e.min, id)}`);
    if (e.max !== undefined) out.push(`${c} ${e.strictMax ? '>=' : '>'} ${literal(e.max, id)}`);
    const cond = out.join(' OR ');
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
