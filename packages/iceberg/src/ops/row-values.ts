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

function toMicros(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (v instanceof Date) return BigInt(v.getTime()) * 1000n;
  if (typeof v === 'number') return BigInt(Math.round(v * 1000));
  if (typeof v === 'string') return BigInt(Date.parse(v)) * 1000n;
  throw new ValidationError(`iceberg: cannot read ${String(v)} as a timestamp`);
}

function toDays(v: unknown): number {
  if (v instanceof Date) return Math.floor(v.getTime() / 86_400_000);
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return Math.floor(Date.parse(v) / 86_400_000);
  throw new ValidationError(`iceberg: cannot read ${String(v)} as a date`);
}

function buildFixed(
  type: arrow.DataType,
  values: ArrayLike<unknown>,
  valid: readonly boolean[],
): arrow.Vector {
  const n = valid.length;
  const bitmap = new Uint8Array(Math.ceil(n / 8));
  let nulls = 0;
  valid.forEach((ok, i) => {
    if (ok) bitmap[i >> 3]! |= 1 << (i & 7);
    else nulls += 1;
  });
  return arrow.makeVector(
    arrow.makeData({
      type,
      length: n,
      nullCount: nulls,
      ...(nulls > 0 ? { nullBitmap: bitmap } : {}),
      data: values,
    } as never),
  );
}

/**
 * Rows as `readRows` returns them → Arrow table of the schema. Timestamps may be `Date` (millisecond precision)
 * or µs `bigint` (exact, `readRows(…, { timestamps: 'micros' })`); dates `Date` or day numbers; longs `bigint`.
 */
export function rowsToArrow(rows: readonly Row[], schema: Schema): arrow.Table {
  const columns: Record<string, arrow.Vector> = {};
  for (const f of schema.fields) {
    const type = toArrowType(f.type);
    const raw = rows.map((r) => r[f.name]);
    const valid = raw.map((v) => v !== null && v !== undefined);
    if (f.type === 'timestamp' || f.type === 'timestamptz') {
      columns[f.name] = buildFixed(
        type,
        BigInt64Array.from(raw, (v, i) => (valid[i] ? toMicros(v) : 0n)),
        valid,
      );
    } else if (f.type === 'date') {
      columns[f.name] = buildFixed(
        type,
        Int32Array.from(raw, (v, i) => (valid[i] ? toDays(v) : 0)),
        valid,
      );
    } else if (f.type === 'long') {
      columns[f.name] = buildFixed(
        type,
        BigInt64Array.from(raw, (v, i) => (valid[i] ? BigInt(v as number | bigint) : 0n)),
        valid,
      );
    } else {
      columns[f.name] = arrow.vectorFromArray(raw.map((v) => v ?? null) as never[], type as never);
    }
  }
  return new arrow.Table(columns);
}
