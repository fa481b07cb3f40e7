import * as arrow from 'apache-arrow';
import { ValidationError } from '../errors.js';
import type { IcebergValue } from '../metadata/transforms.js';
import type { IcebergType, Schema } from '../metadata/types.js';
import { toArrowSchema } from './arrow-schema.js';

type AnyData = arrow.Data<arrow.DataType>;

const MICROS_PER_UNIT = [1_000_000n, 1_000n, 1n, 0n]; // SECOND, MILLISECOND, MICROSECOND, (NANOSECOND: divide)

function isNull(d: AnyData, i: number): boolean {
  return (
    d.nullCount > 0 &&
    d.nullBitmap !== undefined &&
    d.nullBitmap.length > 0 &&
    ((d.nullBitmap[(d.offset + i) >> 3]! >> ((d.offset + i) & 7)) & 1) === 0
  );
}

function copyBitmap(d: AnyData): Uint8Array | undefined {
  if (d.nullCount === 0 || !d.nullBitmap || d.nullBitmap.length === 0) return undefined;
  if (d.offset === 0) return d.nullBitmap;
  const out = new Uint8Array(Math.ceil(d.length / 8));
  for (let i = 0; i < d.length; i += 1) if (!isNull(d, i)) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

function rebuild<T extends arrow.DataType>(d: AnyData, type: T, values: ArrayLike<unknown>): arrow.Data<T> {
  const bitmap = copyBitmap(d);
  return arrow.makeData({
    type,
    length: d.length,
    nullCount: bitmap ? d.nullCount : 0,
    ...(bitmap ? { nullBitmap: bitmap } : {}),
    data: values,
  } as never) as arrow.Data<T>;
}

/** Raw timestamp values of a chunk converted to micro- (or nano-) seconds. */
function timestampRaw(d: AnyData, targetUnit: arrow.TimeUnit): BigInt64Array {
  const unit = (d.type as arrow.Timestamp).unit;
  const src = (d.values as BigInt64Array).subarray(d.offset, d.offset + d.length);
  const toMicros = (v: bigint): bigint =>
    unit === arrow.TimeUnit.NANOSECOND ? v / 1000n : v * MICROS_PER_UNIT[unit]!;
  if (unit === targetUnit) return src;
  const out = new BigInt64Array(d.length);
  for (let i = 0; i < d.length; i += 1) {
    const micros = toMicros(src[i]!);
    out[i] = targetUnit === arrow.TimeUnit.NANOSECOND ? micros * 1000n : micros;
  }
  return out;
}

function convertChunk(d: AnyData, target: arrow.DataType, name: string): AnyData {
  const src = d.type as arrow.DataType & { unit: number; bitWidth: number };
  const tgt = target as arrow.DataType & { unit: number; bitWidth: number };
  if (arrow.util.compareTypes(src, target)) return d;
  const T = arrow.Type;
  // Same physical layout: relabel (e.g. timestamp without zone → timestamptz, nested types whose child field
  // metadata differ, which is exactly where our field ids live).
  if (
    src.typeId === tgt.typeId &&
    src.typeId !== T.Timestamp &&
    src.typeId !== T.Dictionary &&
    String(src) === String(target)
  ) {
    return arrow.makeData({ ...d, type: target } as never);
  }
  if (arrow.DataType.isTimestamp(target)) {
    if (arrow.DataType.isTimestamp(src)) return rebuild(d, target, timestampRaw(d, tgt.unit));
    if (arrow.DataType.isDate(src)) {
      const out = new BigInt64Array(d.length);
      for (let i = 0; i < d.length; i += 1) {
        const v = d.values[d.offset + i] as number | bigint;
        const ms = src.unit === arrow.DateUnit.DAY ? BigInt(v) * 86_400_000n : BigInt(v);
        out[i] = tgt.unit === arrow.TimeUnit.NANOSECOND ? ms * 1_000_000n : ms * 1000n;
      }
      return rebuild(d, target, out);
    }
  }
  if (arrow.DataType.isDate(target) && tgt.unit === arrow.DateUnit.DAY) {
    const out = new Int32Array(d.length);
    if (arrow.DataType.isDate(src) && src.unit === arrow.DateUnit.MILLISECOND) {
      for (let i = 0; i < d.length; i += 1) out[i] = Math.floor(Number(d.values[d.offset + i]) / 86_400_000);
      return rebuild(d, target, out);
    }
    if (arrow.DataType.isTimestamp(src)) {
      const micros = timestampRaw(d, arrow.TimeUnit.MICROSECOND);
      for (let i = 0; i < d.length; i += 1) out[i] = Number(floorDivBig(micros[i]!, 86_400_000_000n));
      return rebuild(d, target, out);
    }
  }
  if (arrow.DataType.isInt(target) || arrow.DataType.isFloat(target)) {
    if (arrow.DataType.isInt(src) || arrow.DataType.isFloat(src)) {
      const values = Array.from(d.values as ArrayLike<number | bigint> as ArrayLike<number>).slice(
        d.offset,
        d.offset + d.length,
      );
      const Ctor = (target as arrow.Int | arrow.Float).ArrayType as unknown as {
        from(a: ArrayLike<unknown>, f: (v: unknown) => unknown): ArrayLike<unknown>;
      };
      const big = arrow.DataType.isInt(target) && tgt.bitWidth === 64;
      return rebuild(
        d,
        target,
        Ctor.from(values, (v) => (big ? BigInt(v as number) : Number(v))),
      );
    }
  }
  // Generic path through JS values (dictionary strings, large strings, booleans…).
  const vector = new arrow.Vector([d]);
  try {
    return arrow.vectorFromArray(Array.from(vector) as never[], target as never).data[0] as AnyData;
  } catch (error) {
    throw new ValidationError(
      `iceberg: column ${name}: cannot convert Arrow ${String(src)} to ${String(target)}`,
      { cause: error },
    );
  }
}

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * Reshape an Arrow table to the Iceberg schema: columns matched by name, converted to the Arrow type of the Iceberg
 * type (timestamps to µs keeping sub-ms precision, dates to days, ints widened, dictionaries decoded), missing
 * optional columns filled with nulls, and every field tagged with its `PARQUET:field_id`.
 * @throws {ValidationError} when a required column is missing or holds nulls, or a type cannot be converted
 */
export function conformArrowTable(table: arrow.Table, schema: Schema): arrow.Table {
  const target = toArrowSchema(schema);
  const batches = table.batches.map((batch) => {
    const children = target.fields.map((field, i) => {
      const ice = schema.fields[i]!;
      const column = batch.getChild(field.name);
      if (!column) {
        if (ice.required)
          throw new ValidationError(`iceberg: required column ${field.name} missing from the Arrow table`);
        return arrow.vectorFromArray(new Array(batch.numRows).fill(null), field.type as never)
          .data[0] as AnyData;
      }
      const d = convertChunk(column.data[0] as AnyData, field.type, field.name);
      if (ice.required && d.nullCount > 0)
        throw new ValidationError(`iceberg: required column ${field.name} has ${d.nullCount} nulls`);
      return d;
    });
    const struct = arrow.makeData({
      type: new arrow.Struct(target.fields),
      length: batch.numRows,
      nullCount: 0,
      children,
    });
    return new arrow.RecordBatch(target, struct);
  });
  return batches.length === 0 ? new arrow.Table(target) : new arrow.Table(batches);
}

/**
 * Values of one conformed column in Iceberg's internal representation (date → days, timestamps → µs bigint,
 * long → bigint…), `null` for nulls. Used for partition values and row keys.
 */
export function readIcebergValues(vector: arrow.Vector, type: IcebergType): (IcebergValue | null)[] {
  const out: (IcebergValue | null)[] = new Array(vector.length);
  let k = 0;
  for (const d of vector.data as AnyData[]) {
    const raw =
      arrow.DataType.isDate(d.type) || arrow.DataType.isTimestamp(d.type) || arrow.DataType.isTime(d.type);
    const v = raw ? undefined : new arrow.Vector([d]);
    for (let i = 0; i < d.length; i += 1, k += 1) {
      if (isNull(d, i)) {
        out[k] = null;
        continue;
      }
      if (raw) {
        const x = d.values[d.offset + i] as number | bigint;
        out[k] = type === 'date' ? Number(x) : BigInt(x);
      } else {
        const x = v!.get(i) as unknown;
        out[k] = normalizeValue(x, type);
      }
    }
  }
  return out;
}

function normalizeValue(x: unknown, type: IcebergType): IcebergValue | null {
  if (x === null || x === undefined) return null;
  if (type === 'long') return BigInt(x as number);
  if (type === 'int') return Number(x);
  if (typeof type === 'string' && type.startsWith('decimal') && x instanceof Uint32Array) {
    // Decimal128 as four little-endian 32-bit words, two's complement.
    let v = 0n;
    for (let w = 3; w >= 0; w -= 1) v = (v << 32n) | BigInt(x[w]!);
    return BigInt.asIntN(128, v);
  }
  return x as IcebergValue;
}

/** Rows `indices` of a batch as a new batch (fixed-width columns copied, others rebuilt from values). */
export function takeRows(batch: arrow.RecordBatch, indices: readonly number[]): arrow.RecordBatch {
  const n = indices.length;
  if (n > 0 && indices[n - 1]! - indices[0]! === n - 1) return batch.slice(indices[0]!, indices[0]! + n);
  const children = batch.schema.fields.map((field) => {
    const d = batch.getChild(field.name)!.data[0] as AnyData;
    const stride = fixedStride(d.type);
    if (stride === 0) {
      const v = new arrow.Vector([d]);
      return arrow.vectorFromArray(indices.map((i) => v.get(i)) as never[], field.type as never)
        .data[0] as AnyData;
    }
    const values = d.values as unknown as {
      constructor: new (n: number) => ArrayLike<unknown> & { [i: number]: unknown };
    } & ArrayLike<unknown>;
    const out = new values.constructor(n * stride);
    let nulls = 0;
    const bitmap = new Uint8Array(Math.ceil(n / 8));
    indices.forEach((row, j) => {
      for (let s = 0; s < stride; s += 1) out[j * stride + s] = values[(d.offset + row) * stride + s];
      if (isNull(d, row)) nulls += 1;
      else bitmap[j >> 3]! |= 1 << (j & 7);
    });
    return arrow.makeData({
      type: d.type,
      length: n,
      nullCount: nulls,
      ...(nulls > 0 ? { nullBitmap: bitmap } : {}),
      data: out,
    } as never) as AnyData;
  });
  const struct = arrow.makeData({
    type: new arrow.Struct(batch.schema.fields),
    length: n,
    nullCount: 0,
    children,
  });
  return new arrow.RecordBatch(batch.schema, struct);
}

function fixedStride(type: arrow.DataType): number {
  if (
    arrow.DataType.isInt(type) ||
    arrow.DataType.isFloat(type) ||
    arrow.DataType.isDate(type) ||
    arrow.DataType.isTimestamp(type) ||
    arrow.DataType.isTime(type)
  ) {
    // Date/time/int64 are stored one element per value in their typed array.
    return 1;
  }
  if (arrow.DataType.isDecimal(type)) return type.bitWidth / 32;
  return 0;
}
