import { composeQuery, dateLiteral, quoteIdent, valuesTable } from '../sql.js';
import type { ExpectationBase } from '../types.js';
import { extractSamples, toNumber } from '../values.js';
import type { ExpectationKind } from './kind.js';

/**
 * Every requested symbol has a row for every session of the run's window, except symbols FMP answered
 * `[]` for. Missing (symbol, session) pairs that were quarantined or refused are known gaps: counted
 * and sampled, never failing the expectation (the CLI exits 4 naming them).
 */
export interface CompletenessExpectation extends ExpectationBase {
  kind: 'expect_sessions_to_be_complete';
  /** Default `symbol`. */
  symbolColumn?: string;
  /** Default `trade_date`. */
  dateColumn?: string;
}

/**
 * Compiles {@link CompletenessExpectation}. The expected sessions come from the market calendar and
 * are inlined as VALUES lists, which DuckDB and Trino both accept.
 */
export const completenessKind: ExpectationKind<CompletenessExpectation> = {
  kind: 'expect_sessions_to_be_complete',
  summary: 'every requested symbol has every session of the window',
  properties: { symbolColumn: { type: 'string' }, dateColumn: { type: 'string' } },
  required: [],
  idColumns: () => [],
  compile(e, id, { tableRef, params }) {
    const sym = quoteIdent(e.symbolColumn ?? 'symbol', id);
    const date = quoteIdent(e.dateColumn ?? 'trade_date', id);
    const empty = new Set(params.emptySymbols ?? []);
    const symbols = [...new Set(params.symbols)].filter((s) => !empty.has(s)).sort();
    const gaps = [...new Map((params.knownGaps ?? []).map((g) => [`${g.symbol} ${g.date}`, g])).values()];
    const symbolsTable = valuesTable(
      's',
      [{ name: 'symbol', type: 'VARCHAR' }],
      symbols.map((s) => [s]),
    );
    const sessionsTable = valuesTable(
      'd',
      [{ name: 'trade_date', type: 'DATE' }],
      params.sessions.map((d) => [d]),
    );
    const knownTable = valuesTable(
      'k',
      [
        { name: 'symbol', type: 'VARCHAR' },
        { name: 'trade_date', type: 'DATE' },
      ],
      gaps.map((g) => [g.symbol, g.date]),
    );
    const refused = [...new Set(params.refusedSymbols ?? [])].sort();
    const refusedTable = valuesTable(
      'r',
      [{ name: 'symbol', type: 'VARCHAR' }],
      refused.map((x) => [x]),
    );
    return {
      sql: composeQuery({
        ctes: [
          `dq_expected AS (\n  SELECT s."symbol", d."trade_date" FROM ${symbolsTable} CROSS JOIN ${sessionsTable}\n)`,
          `dq_present AS (\n  SELECT DISTINCT ${sym} AS "symbol", ${date} AS "trade_date" FROM ${tableRef(e.table)}\n` +
            `  WHERE ${date} BETWEEN ${dateLiteral(params.window.from, id)} AND ${dateLiteral(params.window.to, id)}\n)`,
          `dq_missing AS (\n  SELECT e."symbol", e."trade_date" FROM dq_expected e\n` +
            `  LEFT JOIN dq_present p ON e."symbol" = p."symbol" AND e."trade_date" = p."trade_date"\n` +
            `  WHERE p."symbol" IS NULL\n)`,
        ],
        bad:
          `SELECT m."symbol", m."trade_date",\n` +
          `  CASE WHEN k."symbol" IS NULL AND r."symbol" IS NULL THEN 0 ELSE 1 END AS known_gap\n` +
          `FROM dq_missing m LEFT JOIN ${knownTable} ON m."symbol" = k."symbol" AND m."trade_date" = k."trade_date"\n` +
          `LEFT JOIN ${refusedTable} ON m."symbol" = r."symbol"`,
        orderBy: 'known_gap, "symbol", "trade_date"',
        stats:
          `SELECT (SELECT COUNT(*) FROM dq_expected) AS dq_total,\n` +
          `  (SELECT COUNT(*) FROM dq_bad WHERE known_gap = 0) AS dq_unexpected,\n` +
          `  (SELECT COUNT(*) FROM dq_bad WHERE known_gap = 1) AS dq_known`,
      }),
      evaluate(rows) {
        const first = rows[0] ?? {};
        const total = toNumber(first['dq_total']);
        const unexpected = toNumber(first['dq_unexpected']);
        const known = toNumber(first['dq_known']);
        const ratio = total === 0 ? 1 : (total - unexpected) / total;
        return {
          success: ratio + 1e-12 >= (e.mostly ?? 1),
          observedValue: total === 0 ? 100 : (100 * (total - unexpected - known)) / total,
          elementCount: total,
          unexpectedCount: unexpected,
          knownGapCount: known,
          sampleRows: extractSamples(rows),
        };
      },
    };
  },
};
