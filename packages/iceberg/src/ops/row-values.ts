import * as arrow from 'apache-arrow';
import { ValidationError } from '../errors.js';
import type { IcebergValue } from '../metadata/transforms.js';
import type { IcebergType, Schema } from '../metadata/types.js';
import { toArrowType } from '../parquet/arrow-schema.js';
import type { FilterLiteral } from '../scan/filter.js';
import { toInternalValue } from '../scan/literal.js';
import type { Row } from '../scan/read-rows.js';

/** A row value (as `readRows` returns it: Date for date/timestamp, bigint for long) in internal representation. */
export function toRowInternal(value: unknown, type: IcebergType, column: string): IcebergValue | null {
  if (value === null || value === undefined) return null;
  if (typeof type !== 'string') throw new ValidationError(`iceberg: key column ${column} must be primitive`);
  return toInternalValue(value as FilterLiteral, type, column);
}

/** Stable string key of a tuple of internal values (for key sets). */
export function buildKey(values: readonly (IcebergValue | null)[]): string {
  return values
    .map((v) =>
      v === null
        ? '∅'
        : v instanceof Uint8Array
          ? `b${Buffer.from(v).toString('hex')}`
          : `${typeof v === 'string' ? 's' : 'v'}${String(v)}`,
    )
    .join('\u0001');
}

/**
 * Rows as `readRows` returns them → Arrow table of the schema (date/timestamp `Date`s, long `bigint`s). Timestamps
 * come back from hyparquet as `Date`, so rewritten rows keep millisecond precision.
 */
export function rowsToArrow(rows: readonly Row[], schema: Schema): arrow.Table {
  const columns: Record<string, arrow.Vector> = {};
  for (const f of schema.fields) {
    const type = toArrowType(f.type);
    const values = rows.map((r) => {
      const v = r[f.name];
      if (v === undefined || v === null) return null;
      if (f.type === 'long' && typeof v === 'number') return BigInt(v);
      return v;
    });
    columns[f.name] = arrow.vectorFromArray(values as never[], type as never);
  }
  return new arrow.Table(columns);
}
