import { describe, expect, it } from 'vitest';
import { builtInSuites } from './built-in-suites.js';
import { compileExpectation } from './compile-expectation.js';
import type { CompileContext } from './types.js';

// Athena (Trino) addresses Glue tables as "database"."table"; the SQL text must be the same as on DuckDB.
const athena: CompileContext = {
  tableRef: (t) => `"nasdaq"."${t}"`,
  params: {
    runId: '01JTESTRUN0000000000000000',
    window: { from: '2025-06-12', to: '2025-06-13' },
    sessions: ['2025-06-12', '2025-06-13'],
    symbols: ['AAPL', 'MSFT', 'GONE'],
    emptySymbols: ['GONE'],
    knownGaps: [{ symbol: 'MSFT', date: '2025-06-13', reason: 'bar.high_bound' }],
  },
};

// Constructs DuckDB accepts but Trino does not: they must never reach the compiled text.
const DUCKDB_ONLY = [
  /::/,
  /GROUP BY ALL/i,
  /\barg_(min|max)\b/i,
  /\bstrftime\b/i,
  /\bEXCLUDE\b/,
  /\bQUALIFY\b/i,
  /"\w+"\.\*/,
];

const expectations = builtInSuites().flatMap((s) => s.expectations);

describe('Athena rendering of every built-in expectation', () => {
  it.each(expectations.map((e) => [compileExpectation(e, athena).id, e] as const))('%s', (_id, e) => {
    const { sql } = compileExpectation(e, athena);
    for (const re of DUCKDB_ONLY) expect(sql).not.toMatch(re);
    expect(sql).toMatch(/"nasdaq"\./);
    expect(sql).toMatchSnapshot();
  });

  it('renders the same text whatever the engine, apart from table references', () => {
    const duck: CompileContext = { ...athena, tableRef: (t) => `"${t}"` };
    for (const e of expectations) {
      const a = compileExpectation(e, athena).sql.replace(/"nasdaq"\./g, '');
      expect(a).toBe(compileExpectation(e, duck).sql);
    }
  });

  it('inlines the calendar sessions, requested symbols and known gaps as VALUES', () => {
    const e = expectations.find((x) => x.kind === 'expect_sessions_to_be_complete');
    const { sql } = compileExpectation(e as NonNullable<typeof e>, athena);
    expect(sql).toContain(`(VALUES (DATE '2025-06-12'), (DATE '2025-06-13')) AS d("trade_date")`);
    expect(sql).toContain(`(VALUES ('AAPL'), ('MSFT')) AS s("symbol")`);
    expect(sql).toContain(`(VALUES ('MSFT', DATE '2025-06-13')) AS k("symbol", "trade_date")`);
  });
});
