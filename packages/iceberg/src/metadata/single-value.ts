import { ValidationError } from '../errors.js';
import { getDecimalByteLength } from '../avro/schemas.js';
import { minimalTwosComplement, type IcebergValue } from './transforms.js';
import type { IcebergType } from './types.js';

/**
 * Binary single-value serialisation (spec Appendix D), used for `lower_bounds`/`upper_bounds` and partition
 * summaries: int/date 4-byte LE; long/time/timestamp 8-byte LE; float/double IEEE LE; boolean 1 byte; string UTF-8;
 * binary/fixed raw; uuid 16 bytes big-endian; decimal minimal big-endian two's complement of the unscaled value.
 * @throws {ValidationError} for nested types or values of the wrong kind
 */
export function serializeSingleValue(type: IcebergType, value: IcebergValue): Uint8Array {
  if (typeof type !== 'string') throw new ValidationError('iceberg: nested types have no single-value form');
  switch (type) {
    case 'boolean':
      return Uint8Array.of(value ? 1 : 0);
    case 'int':
    case 'date': {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, Number(value), true);
      return b;
    }
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
    case 'timestamp_ns':
    case 'timestamptz_ns': {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setBigInt64(0, BigInt(value as bigint | number), true);
      return b;
    }
    case 'float': {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setFloat32(0, Number(value), true);
      return b;
    }
    case 'double': {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, Number(value), true);
      return b;
    }
    case 'string':
      return new TextEncoder().encode(String(value));
    case 'uuid':
    case 'binary':
      if (!(value instanceof Uint8Array)) throw new ValidationError(`iceberg: ${type} value must be bytes`);
      return value;
  }
  if (type.startsWith('fixed')) {
    if (!(value instanceof Uint8Array)) throw new ValidationError(`iceberg: ${type} value must be bytes`);
    return value;
  }
  if (type.startsWith('decimal')) return minimalTwosComplement(BigInt(value as bigint));
  throw new ValidationError(`iceberg: no single-value form for ${type}`);
}

/** Fixed-size big-endian two's complement (Avro `fixed` decimal partition values). */
export function toDecimalFixed(unscaled: bigint, precision: number): Uint8Array {
  const size = getDecimalByteLength(precision);
  const out = new Uint8Array(size);
  let x = BigInt.asUintN(size * 8, unscaled);
  for (let i = size - 1; i >= 0; i -= 1) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

/**
 * Compare two values of the same Iceberg type in the type's natural order (strings by UTF-8 bytes, i.e. code
 * points; binary unsigned lexicographic).
 */
export function compareValues(a: IcebergValue, b: IcebergValue): number {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const x = BigInt(a as bigint);
    const y = BigInt(b as bigint);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b)
      return Object.is(a, -0) && Object.is(b, 0) ? -1 : Object.is(a, 0) && Object.is(b, -0) ? 1 : 0;
    return a < b ? -1 : 1;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = typeof a === 'string' ? new TextEncoder().encode(a) : (a as Uint8Array);
  const y = typeof b === 'string' ? new TextEncoder().encode(b) : (b as Uint8Array);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i += 1) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/**
 * Decode a single-value binary (spec Appendix D) back to the internal representation; `undefined` for types
 * without a decoder here (decimal, nested).
 */
export function deserializeSingleValue(type: IcebergType, bytes: Uint8Array): IcebergValue | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case 'boolean':
      return bytes[0] !== 0;
    case 'int':
    case 'date':
      return bytes.length >= 4 ? view.getInt32(0, true) : undefined;
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
    case 'timestamp_ns':
    case 'timestamptz_ns':
      return bytes.length >= 8
        ? view.getBigInt64(0, true)
        : bytes.length >= 4
          ? BigInt(view.getInt32(0, true))
          : undefined;
    case 'float':
      return bytes.length >= 4 ? view.getFloat32(0, true) : undefined;
    case 'double':
      return bytes.length >= 8
        ? view.getFloat64(0, true)
        : bytes.length >= 4
          ? view.getFloat32(0, true)
          : undefined;
    case 'string':
      return new TextDecoder().decode(bytes);
    case 'uuid':
    case 'binary':
      return bytes;
    default:
      return typeof type === 'string' && type.startsWith('fixed') ? bytes : undefined;
  }
}
