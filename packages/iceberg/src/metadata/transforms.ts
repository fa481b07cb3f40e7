import { ValidationError } from '../errors.js';
import { hashMurmur3x86 } from './murmur3.js';
import type { IcebergType, PartitionValue, Transform } from './types.js';

/**
 * Values in Iceberg's internal representation, the input of transforms and bounds: int/date → `number` (days for
 * date), long → `bigint`, time/timestamp/timestamptz → `bigint` micros, float/double → `number`, string → `string`,
 * binary/fixed/uuid → `Uint8Array`, decimal → unscaled `bigint`, boolean → `boolean`.
 */
export type IcebergValue = number | bigint | string | boolean | Uint8Array;

const MICROS_PER_HOUR = 3_600_000_000n;
const MICROS_PER_DAY = 86_400_000_000n;

/** Floor division for bigint (spec: pre-1970 values go negative, e.g. day(-1 µs) = -1). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function toDays(value: IcebergValue, type: IcebergType): number {
  if (type === 'date') return Number(value);
  if (type === 'timestamp' || type === 'timestamptz')
    return Number(floorDiv(BigInt(value as bigint), MICROS_PER_DAY));
  if (type === 'timestamp_ns' || type === 'timestamptz_ns')
    return Number(floorDiv(BigInt(value as bigint), MICROS_PER_DAY * 1000n));
  throw new ValidationError(
    `iceberg: date transforms need a date or timestamp source, got ${JSON.stringify(type)}`,
  );
}

/** Civil date (proleptic Gregorian, UTC) of a day number. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Parse `bucket[N]` / `truncate[W]` arguments. */
function parseArg(transform: string): number {
  const m = /\[(\d+)\]$/.exec(transform);
  if (!m) throw new ValidationError(`iceberg: unsupported transform ${transform}`);
  return Number(m[1]);
}

function longBytes(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt.asIntN(64, v), true);
  return b;
}

function bucketHash(value: IcebergValue, type: IcebergType): number {
  if (
    type === 'int' ||
    type === 'date' ||
    type === 'long' ||
    type === 'time' ||
    String(type).startsWith('timestamp')
  ) {
    // Spec Appendix B: int and long hash as 8-byte little-endian longs.
    return hashMurmur3x86(longBytes(BigInt(value as number | bigint)));
  }
  if (type === 'string') return hashMurmur3x86(new TextEncoder().encode(value as string));
  if (typeof type === 'string' && type.startsWith('decimal'))
    return hashMurmur3x86(minimalTwosComplement(value as bigint));
  if (value instanceof Uint8Array) return hashMurmur3x86(value);
  throw new ValidationError(`iceberg: bucket transform does not support ${JSON.stringify(type)}`);
}

/** Minimal big-endian two's-complement bytes of a bigint (decimal bounds, bucket hashing). */
export function minimalTwosComplement(v: bigint): Uint8Array {
  const out: number[] = [];
  let x = v;
  for (;;) {
    const byte = Number(BigInt.asUintN(8, x));
    out.unshift(byte);
    x >>= 8n;
    if ((x === 0n && (byte & 0x80) === 0) || (x === -1n && (byte & 0x80) !== 0)) break;
  }
  return Uint8Array.from(out);
}

function truncateString(s: string, w: number): string {
  // Truncate by code points, not UTF-16 units (spec: "truncate strings to L code points").
  const cps = Array.from(s);
  return cps.length <= w ? s : cps.slice(0, w).join('');
}

/**
 * Apply a partition transform to one value in internal representation (spec "Partition Transforms").
 * `null`/`undefined` in → `null` out; `void` always gives `null`.
 * @throws {ValidationError} for unsupported transform/type pairs
 */
export function applyTransform(
  transform: Transform,
  sourceType: IcebergType,
  value: IcebergValue | null | undefined,
): PartitionValue {
  if (value === null || value === undefined || transform === 'void') return null;
  switch (transform) {
    case 'identity':
      return value;
    case 'year':
      return civilFromDays(toDays(value, sourceType)).year - 1970;
    case 'month': {
      const c = civilFromDays(toDays(value, sourceType));
      return (c.year - 1970) * 12 + (c.month - 1);
    }
    case 'day':
      return toDays(value, sourceType);
    case 'hour':
      if (sourceType === 'timestamp' || sourceType === 'timestamptz')
        return Number(floorDiv(BigInt(value as bigint), MICROS_PER_HOUR));
      if (sourceType === 'timestamp_ns' || sourceType === 'timestamptz_ns')
        return Number(floorDiv(BigInt(value as bigint), MICROS_PER_HOUR * 1000n));
      throw new ValidationError(`iceberg: hour transform needs a timestamp source`);
  }
  if (transform.startsWith('bucket[')) {
    return (bucketHash(value, sourceType) & 0x7fffffff) % parseArg(transform);
  }
  if (transform.startsWith('truncate[')) {
    const w = parseArg(transform);
    if (sourceType === 'int') return (value as number) - ((((value as number) % w) + w) % w);
    if (sourceType === 'long' || (typeof sourceType === 'string' && sourceType.startsWith('decimal'))) {
      const v = value as bigint;
      const W = BigInt(w);
      return v - (((v % W) + W) % W);
    }
    if (sourceType === 'string') return truncateString(value as string, w);
    if (value instanceof Uint8Array) return value.subarray(0, w);
  }
  throw new ValidationError(`iceberg: unsupported transform ${transform} on ${JSON.stringify(sourceType)}`);
}

/** Result type of a transform (what the manifest `partition` record stores). */
export function getTransformResultType(transform: Transform, sourceType: IcebergType): IcebergType {
  if (transform === 'identity' || transform.startsWith('truncate[')) return sourceType;
  if (transform === 'day') return 'date'; // Java/PyIceberg declare day as date (iceberg.md §3)
  return 'int';
}

/** Default partition field name for a transform (iceberg.md §3). */
export function getDefaultPartitionName(transform: Transform, sourceName: string): string {
  if (transform === 'identity') return sourceName;
  if (transform === 'year' || transform === 'month' || transform === 'day' || transform === 'hour')
    return `${sourceName}_${transform}`;
  if (transform.startsWith('bucket')) return `${sourceName}_bucket`;
  if (transform.startsWith('truncate')) return `${sourceName}_trunc`;
  return `${sourceName}_null`;
}

/** Human-readable partition value for directory names (`2024-03`, `2024-03-05`…); cosmetic only. */
export function formatPartitionValue(transform: Transform, value: PartitionValue): string {
  if (value === null) return 'null';
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (transform === 'year') return String(1970 + Number(value));
  if (transform === 'month') {
    const m = Number(value);
    const y = 1970 + Math.floor(m / 12);
    return `${y}-${pad((((m % 12) + 12) % 12) + 1)}`;
  }
  if (transform === 'day') {
    const c = civilFromDays(Number(value));
    return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
  }
  if (transform === 'hour') {
    const h = Number(value);
    const c = civilFromDays(Math.floor(h / 24));
    return `${c.year}-${pad(c.month)}-${pad(c.day)}-${pad(((h % 24) + 24) % 24)}`;
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return encodeURIComponent(String(value));
}
