/**
 * Conversion of filter literals to Iceberg's internal representation (the input of partition transforms):
 * date → days, timestamp → µs bigint, long → bigint, decimal → unscaled bigint.
 */
import { ValidationError } from '../errors.js';
import type { IcebergValue } from '../metadata/transforms.js';
import type { IcebergType } from '../metadata/types.js';
import type { FilterLiteral } from './filter.js';

const MS_PER_DAY = 86_400_000;

function parseTimeMs(v: string | Date, column: string): number {
  const ms =
    v instanceof Date
      ? v.getTime()
      : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || v.length <= 10 ? v : `${v}Z`);
  if (Number.isNaN(ms))
    throw new ValidationError(`iceberg: filter on ${column}: cannot parse ${String(v)} as a date/time`);
  return ms;
}

/**
 * Converts `value` to the internal representation of `type`.
 * @throws {ValidationError} when the literal cannot represent a value of that type.
 */
export function toInternalValue(value: FilterLiteral, type: IcebergType, column: string): IcebergValue {
  if (typeof type !== 'string')
    throw new ValidationError(`iceberg: filter on nested column ${column} is not supported`);
  if (type === 'date') {
    if (typeof value === 'number') return value;
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'string' || value instanceof Date)
      return Math.floor(parseTimeMs(value, column) / MS_PER_DAY);
  } else if (type.startsWith('timestamp')) {
    const scale = type.endsWith('_ns') ? 1_000_000n : 1000n;
    if (typeof value === 'bigint') return value;
    if (typeof value === 'number') return BigInt(Math.trunc(value));
    if (typeof value === 'string' || value instanceof Date) return BigInt(parseTimeMs(value, column)) * scale;
  } else if (type === 'long' || type === 'time') {
    if (typeof value === 'bigint' || typeof value === 'number') return BigInt(value);
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  } else if (type === 'int' || type === 'float' || type === 'double') {
    if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  } else if (type.startsWith('decimal')) {
    const scale = Number(/,\s*(\d+)\)/.exec(type)?.[1] ?? 0);
    if (typeof value === 'bigint') return value;
    if (typeof value === 'number' || typeof value === 'string') return toUnscaled(String(value), scale);
  } else if (type === 'string') {
    if (typeof value === 'string') return value;
  } else if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
  } else if (value instanceof Uint8Array) {
    return value;
  }
  throw new ValidationError(`iceberg: filter on ${column} (${type}) cannot use literal ${String(value)}`);
}

function toUnscaled(text: string, scale: number): bigint {
  const neg = text.startsWith('-');
  const [int = '0', frac = ''] = text.replace(/^[-+]/, '').split('.');
  const digits = BigInt(int + frac.padEnd(scale, '0').slice(0, scale));
  return neg ? -digits : digits;
}

/** Orders two internal values of the same type (numbers/bigints numerically, strings, bytes unsigned-lexicographic). */
export function compareValues(a: IcebergValue, b: IcebergValue): number {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
    return a.length - b.length;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
