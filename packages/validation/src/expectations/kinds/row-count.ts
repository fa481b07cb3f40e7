import { composeQuery, scopedSource } from '../sql.js';
import type { ExpectationBase } from '../types.js';
import { toNumber } from '../values.js';
import type { ExpectationKind } from './kind.js';

/** The table has between `min` and `max` rows (default min 1: an empty table fails). */
export interface RowCountExpectation extends ExpectationBase {
  kind: 'expect_table_row_count_to_be_between';
  /** Default 1. */
  min?: number;
  max?: number;
}

/** Compiles {@link RowCountExpectation}. */
export const rowCountKind: ExpectationKind<RowCountExpectation> = {
  kind: 'expect_table_row_count_to_be_between',
  summary: 'row count lies between min and max',
  properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
  required: [],
  idColumns: () => [],
  compile(e, id, ctx) {
    const src = scopedSource(e.table, e.dateColumn, ctx, id, e.dateGrain);
    const min = e.min ?? 1;
    return {
      sql: composeQuery({ ctes: src.ctes, stats: `SELECT COUNT(*) AS dq_total FROM ${src.from}` }),
      evaluate(rows) {
        const n = toNumber(rows[0]?.['dq_total']);
        const ok = n >= min && (e.max === undefined || n <= e.max);
        return {
          success: ok,
          observedValue: n,
          elementCount: n,
          unexpectedCount: ok ? 0 : 1,
          sampleRows: [],
        };
      },
    };
  },
};
