import { quoteIdent } from '../sql.js';
import type { ExpectationBase } from '../types.js';
import { toPlainValue } from '../values.js';
import type { ExpectationKind } from './kind.js';

/** Iceberg primitive types the column-type expectation understands. */
export type IcebergTypeName =
  | 'boolean'
  | 'int'
  | 'long'
  | 'float'
  | 'double'
  | 'decimal'
  | 'date'
  | 'timestamp'
  | 'timestamptz'
  | 'string';

/** The table has these columns with these Iceberg types (extra columns are allowed). */
export interface ColumnTypesExpectation extends ExpectationBase {
  kind: 'expect_table_columns_to_have_types';
  columns: Record<string, IcebergTypeName>;
}

/**
 * Maps an engine type name to an Iceberg type: DuckDB says `BIGINT`, `TIMESTAMP WITH TIME ZONE`;
 * Trino says `bigint`, `timestamp(6) with time zone`.
 */
export function normalizeEngineType(name: string): string {
  const t = name
    .toLowerCase()
    .replace(/\(\s*\d+\s*(,\s*\d+\s*)?\)/g, '')
    .trim();
  const map: Record<string, string> = {
    integer: 'int',
    int: 'int',
    int4: 'int',
    bigint: 'long',
    int8: 'long',
    hugeint: 'long',
    real: 'float',
    float: 'float',
    double: 'double',
    'double precision': 'double',
    varchar: 'string',
    string: 'string',
    text: 'string',
    'timestamp with time zone': 'timestamptz',
    timestamptz: 'timestamptz',
    'timestamp without time zone': 'timestamp',
  };
  return map[t] ?? t;
}

/**
 * Compiles {@link ColumnTypesExpectation} with `typeof()` (both engines report the declared type even
 * for NULL), over a LEFT JOIN so an empty table still answers. A missing column makes the query fail:
 * the result is then `error`, naming the engine's message.
 */
export const columnTypesKind: ExpectationKind<ColumnTypesExpectation> = {
  kind: 'expect_table_columns_to_have_types',
  summary: 'columns exist with the expected types',
  properties: {
    columns: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        enum: [
          'boolean',
          'int',
          'long',
          'float',
          'double',
          'decimal',
          'date',
          'timestamp',
          'timestamptz',
          'string',
        ],
      },
    },
  },
  required: ['columns'],
  idColumns: () => ['columns'],
  compile(e, id, { tableRef }) {
    const names = Object.keys(e.columns).sort();
    const quoted = names.map((n) => quoteIdent(n, id));
    const sel = quoted.map((q, i) => `typeof(t.${q}) AS dq_t${i}`).join(', ');
    return {
      sql:
        `SELECT ${sel}\nFROM (VALUES (1)) AS dq_one(x)\n` +
        `LEFT JOIN (SELECT ${quoted.join(', ')} FROM ${tableRef(e.table)} LIMIT 1) t ON 1 = 1`,
      evaluate(rows) {
        const first = rows[0] ?? {};
        const observed: Record<string, string> = {};
        const samples: Record<string, unknown>[] = [];
        names.forEach((n, i) => {
          const actual = normalizeEngineType(String(toPlainValue(first[`dq_t${i}`])));
          observed[n] = actual;
          if (actual !== e.columns[n]) samples.push({ column: n, expected: e.columns[n], actual });
        });
        return {
          success: samples.length === 0,
          observedValue: observed,
          elementCount: names.length,
          unexpectedCount: samples.length,
          sampleRows: samples,
        };
      },
    };
  },
};
