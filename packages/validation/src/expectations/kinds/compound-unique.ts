import { composeQuery, quoteIdent, scopedSource } from '../sql.js';
import type { CompileContext } from '../types.js';
import type { ExpectationBase } from '../types.js';
import { evaluateRowLevel, type ExpectationKind } from './kind.js';

/** Each combination of `columns` appears once (rows with a null in any of them are ignored). */
export interface CompoundUniqueExpectation extends ExpectationBase {
  kind: 'expect_compound_columns_to_be_unique';
  columns: string[];
}

/** One column's values are unique (nulls ignored). */
export interface UniqueExpectation extends ExpectationBase {
  kind: 'expect_column_values_to_be_unique';
  column: string;
}

function compileUnique(
  table: string,
  columns: readonly string[],
  id: string,
  mostly: number | undefined,
  dateColumn: string | undefined,
  grain: 'day' | 'week' | 'month' | undefined,
) {
  return (ctx: CompileContext) => {
    const cols = columns.map((c) => quoteIdent(c, id));
    const list = cols.join(', ');
    const notNull = cols.map((c) => `${c} IS NOT NULL`).join(' AND ');
    const src = scopedSource(table, dateColumn, ctx, id, grain);
    const t = src.from;
    return {
      sql: composeQuery({
        ctes: [...src.ctes, `dq_keyed AS (\n  SELECT ${list} FROM ${t} WHERE ${notNull}\n)`],
        bad: `SELECT ${list}, COUNT(*) AS duplicate_count FROM dq_keyed GROUP BY ${list} HAVING COUNT(*) > 1`,
        orderBy: list,
        stats:
          `SELECT (SELECT COUNT(*) FROM dq_keyed) AS dq_total,\n` +
          `  (SELECT COALESCE(SUM(duplicate_count), 0) FROM dq_bad) AS dq_unexpected`,
      }),
      evaluate: (rows: readonly Record<string, unknown>[]) => evaluateRowLevel(rows, mostly),
    };
  };
}

/** Compiles {@link CompoundUniqueExpectation}: unexpected = rows in duplicated key groups. */
export const compoundUniqueKind: ExpectationKind<CompoundUniqueExpectation> = {
  kind: 'expect_compound_columns_to_be_unique',
  summary: 'combinations of columns are unique',
  properties: { columns: { type: 'array', items: { type: 'string' }, minItems: 1 } },
  required: ['columns'],
  idColumns: (e) => e.columns,
  compile: (e, id, ctx) => compileUnique(e.table, e.columns, id, e.mostly, e.dateColumn, e.dateGrain)(ctx),
};

/** Compiles {@link UniqueExpectation}. */
export const uniqueKind: ExpectationKind<UniqueExpectation> = {
  kind: 'expect_column_values_to_be_unique',
  summary: 'column values are unique',
  properties: { column: { type: 'string' } },
  required: ['column'],
  idColumns: (e) => [e.column],
  compile: (e, id, ctx) => compileUnique(e.table, [e.column], id, e.mostly, e.dateColumn, e.dateGrain)(ctx),
};
