import { composeQuery, dateLiteral, quoteIdent, scopedSource } from '../sql.js';
import type { ExpectationBase } from '../types.js';
import { extractSamples, toNumber, toPlainValue } from '../values.js';
import type { ExpectationKind } from './kind.js';

/**
 * The latest `column` date equals the window's last session. When `symbolColumn` is given, symbols
 * whose latest date is older are listed as samples.
 */
export interface FreshnessExpectation extends ExpectationBase {
  kind: 'expect_table_to_be_fresh';
  /** Default `trade_date`. */
  column?: string;
  /** Default `symbol`; set to `null`-free name of the grouping column for samples. */
  symbolColumn?: string;
}

/** Compiles {@link FreshnessExpectation}; observed value = the latest date (`YYYY-MM-DD`). */
export const freshnessKind: ExpectationKind<FreshnessExpectation> = {
  kind: 'expect_table_to_be_fresh',
  summary: "latest date equals the window's last session",
  properties: { column: { type: 'string' }, symbolColumn: { type: 'string' } },
  required: [],
  idColumns: (e) => [e.column ?? 'trade_date'],
  compile(e, id, ctx) {
    const { params } = ctx;
    const c = quoteIdent(e.column ?? 'trade_date', id);
    const sym = quoteIdent(e.symbolColumn ?? 'symbol', id);
    const expected = dateLiteral(params.window.to, id);
    // Window scope reads only rows dated in the window: no row there means stale (observed null).
    const src = scopedSource(e.table, e.column ?? 'trade_date', ctx, id);
    const t = src.from;
    return {
      sql: composeQuery({
        ctes: src.ctes,
        bad: `SELECT ${sym}, MAX(${c}) AS latest FROM ${t} GROUP BY ${sym} HAVING MAX(${c}) < ${expected}`,
        orderBy: `latest, ${sym}`,
        stats:
          `SELECT COUNT(*) AS dq_total,\n` +
          `  CASE WHEN MAX(${c}) = ${expected} THEN 0 ELSE 1 END AS dq_unexpected,\n` +
          `  CAST(MAX(${c}) AS VARCHAR) AS dq_observed\nFROM ${t}`,
      }),
      evaluate(rows) {
        const first = rows[0] ?? {};
        const unexpected = toNumber(first['dq_unexpected']);
        return {
          success: unexpected === 0,
          observedValue: toPlainValue(first['dq_observed']),
          elementCount: toNumber(first['dq_total']),
          unexpectedCount: unexpected,
          sampleRows: extractSamples(rows),
        };
      },
    };
  },
};
