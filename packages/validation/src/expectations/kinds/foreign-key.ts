import { ExpectationCompileError } from '../../errors.js';
import { composeQuery, quoteIdent, scopedSource } from '../sql.js';
import type { ExpectationBase } from '../types.js';
import { evaluateRowLevel, type ExpectationKind } from './kind.js';

/** Every non-null key (`columns`) has a matching row in `refTable` (`refColumns`). */
export interface ForeignKeyExpectation extends ExpectationBase {
  kind: 'expect_foreign_keys_to_exist';
  columns: string[];
  refTable: string;
  /** Default: the same names as `columns`. */
  refColumns?: string[];
}

/** Compiles {@link ForeignKeyExpectation} (fact → dim_stock, fact → dim_date). */
export const foreignKeyKind: ExpectationKind<ForeignKeyExpectation> = {
  kind: 'expect_foreign_keys_to_exist',
  summary: 'keys exist in the referenced table',
  properties: {
    columns: { type: 'array', items: { type: 'string' }, minItems: 1 },
    refTable: { type: 'string' },
    refColumns: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
  required: ['columns', 'refTable'],
  idColumns: (e) => [...e.columns, e.refTable],
  compile(e, id, ctx) {
    const { tableRef } = ctx;
    const src = scopedSource(e.table, e.dateColumn, ctx, id, e.dateGrain);
    const refs = e.refColumns ?? e.columns;
    if (refs.length !== e.columns.length) {
      throw new ExpectationCompileError(id, 'columns and refColumns differ in length');
    }
    const cols = e.columns.map((c) => quoteIdent(c, id));
    const keys = refs.map((c, i) => `${quoteIdent(c, id)} AS dq_k${i}`).join(', ');
    const on = cols.map((c, i) => `t.${c} = r.dq_k${i}`).join(' AND ');
    const notNull = cols.map((c) => `t.${c} IS NOT NULL`).join(' AND ');
    const sel = cols.map((c) => `t.${c}`).join(', ');
    return {
      sql: composeQuery({
        ctes: [
          ...src.ctes,
          `dq_orphans AS (\n  SELECT ${sel} FROM ${src.from} t\n` +
            `  LEFT JOIN (SELECT DISTINCT ${keys} FROM ${tableRef(e.refTable)}) r ON ${on}\n` +
            `  WHERE ${notNull} AND r.dq_k0 IS NULL\n)`,
        ],
        bad: `SELECT ${cols.join(', ')}, COUNT(*) AS row_count FROM dq_orphans GROUP BY ${cols.join(', ')}`,
        orderBy: cols.join(', '),
        stats:
          `SELECT (SELECT COUNT(*) FROM ${src.from} t WHERE ${notNull}) AS dq_total,\n` +
          `  (SELECT COUNT(*) FROM dq_orphans) AS dq_unexpected`,
      }),
      evaluate: (rows) => evaluateRowLevel(rows, e.mostly),
    };
  },
};
