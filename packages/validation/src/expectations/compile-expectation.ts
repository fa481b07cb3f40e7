import { ExpectationCompileError } from '../errors.js';
import { EXPECTATION_KINDS, type Expectation } from './kinds/index.js';
import type { ExpectationKind } from './kinds/kind.js';
import type { CompiledExpectation, CompileContext } from './types.js';

const SHORT: Record<string, string> = {
  expect_column_values_to_not_be_null: 'not_null',
  expect_column_values_to_be_unique: 'unique',
  expect_compound_columns_to_be_unique: 'unique',
  expect_column_values_to_be_between: 'between',
  expect_column_pair_values_a_to_be_greater_than_b: 'a_ge_b',
  expect_column_values_to_be_in_set: 'in_set',
  expect_table_row_count_to_be_between: 'row_count',
  expect_foreign_keys_to_exist: 'fk',
  expect_sessions_to_be_complete: 'complete',
  expect_table_to_be_fresh: 'fresh',
  expect_aggregate_to_reconcile: 'reconcile',
  expect_table_columns_to_have_types: 'types',
};

/** The kind definition of an expectation. @throws ExpectationCompileError for an unknown kind. */
export function kindOf(e: Expectation): ExpectationKind<Expectation> {
  const k = (EXPECTATION_KINDS as Record<string, ExpectationKind<never>>)[e.kind];
  if (!k) throw new ExpectationCompileError(e.id ?? '?', `unknown kind "${String(e.kind)}"`);
  return k as unknown as ExpectationKind<Expectation>;
}

/** The expectation's id: its own `id`, else `<table>.<short kind>[.<columns>]`. */
export function expectationId(e: Expectation): string {
  if (e.id) return e.id;
  const cols = kindOf(e).idColumns(e);
  return [e.table, SHORT[e.kind] ?? e.kind, ...(cols.length ? [cols.join('_')] : [])].join('.');
}

/**
 * Compiles an expectation to the one SQL query that measures it. The text only uses SQL that runs
 * unchanged on DuckDB and Athena (Trino); tables are referenced through `ctx.tableRef`.
 * @throws ExpectationCompileError for unsafe identifiers or inconsistent parameters.
 */
export function compileExpectation(e: Expectation, ctx: CompileContext): CompiledExpectation {
  const id = expectationId(e);
  const compiled = kindOf(e).compile(e, id, ctx);
  return { id, ...compiled };
}
