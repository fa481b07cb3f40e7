import { describe, expect, it } from 'vitest';
import { ExpectationCompileError } from '../errors.js';
import { compileExpectation } from './compile-expectation.js';
import type { CompileContext } from './types.js';

const ctx: CompileContext = {
  tableRef: (t) => `"${t}"`,
  params: { runId: 'r', window: { from: '2025-06-13', to: '2025-06-13' }, sessions: [], symbols: [] },
};

describe('compileExpectation', () => {
  it('refuses identifiers that are not plain names (no SQL injection from suite files)', () => {
    expect(() =>
      compileExpectation(
        { kind: 'expect_column_values_to_not_be_null', table: 't', column: 'x; DROP TABLE t' },
        ctx,
      ),
    ).toThrow(ExpectationCompileError);
  });

  it('escapes quotes in literals', () => {
    const { sql } = compileExpectation(
      { kind: 'expect_column_values_to_be_in_set', table: 't', column: 'c', valueSet: ["O'Reilly"] },
      ctx,
    );
    expect(sql).toContain(`'O''Reilly'`);
  });

  it('compiles an empty window to a typed empty relation', () => {
    const { sql } = compileExpectation({ kind: 'expect_sessions_to_be_complete', table: 't' }, ctx);
    expect(sql).toContain('CAST(NULL AS DATE)');
  });

  it('needs a bound for between', () => {
    expect(() =>
      compileExpectation({ kind: 'expect_column_values_to_be_between', table: 't', column: 'c' }, ctx),
    ).toThrow(/give min, max or both/);
  });
});
