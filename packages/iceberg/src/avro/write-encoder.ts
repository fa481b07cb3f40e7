import { ValidationError } from '../errors.js';

/** Plain Avro schema JSON as written into `avro.schema` (extra attributes such as `field-id` are allowed). */
export type AvroSchemaJson = string | readonly AvroSchemaJson[] | Readonly<Record<string, unknown>>;

/** Growable byte buffer with Avro binary encoders (Avro spec "Binary Encoding"). */
export class AvroByteWriter {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  /** Bytes written so far. */
  length = 0;

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** Zig-zag varint of a 64-bit value, exact for bigint input (no 2^53 limit). */
  writeLong(value: number | bigint): void {
    if (typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) < 0x40000000) {
      // Fast path for small ints.
      let n = (value << 1) ^ (value >> 31);
      n >>>= 0;
      this.ensure(5);
      while (n > 0x7f) {
        this.buf[this.length++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
      this.buf[this.length++] = n;
      return;
    }
    if (typeof value === 'number' && !Number.isInteger(value))
      throw new ValidationError(`avro: long must be an integer, got ${value}`);
    const v = BigInt.asIntN(64, BigInt(value));
    let n = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    this.ensure(10);
    while (n > 0x7fn) {
      this.buf[this.length++] = Number(n & 0x7fn) | 0x80;
      n >>= 7n;
    }
    this.buf[this.length++] = Number(n);
  }

  writeFloat(value: number): void {
    this.ensure(4);
    this.view.setFloat32(this.length, value, true);
    this.length += 4;
  }

  writeDouble(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  writeRaw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  writeBytes(bytes: Uint8Array): void {
    this.writeLong(bytes.length);
    this.writeRaw(bytes);
  }

  writeString(value: string): void {
    this.writeBytes(new TextEncoder().encode(value));
  }

  /** Copy of the bytes written. */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

function isNullish(v: unknown): boolean {
  return v === null || v === undefined;
}

/**
 * Encode `value` against a plain schema JSON. Supports the subset Iceberg manifests use: primitives, records,
 * arrays, maps, fixed, and unions (branch chosen by the first schema the value fits; `null` for nullish).
 * `long` accepts `bigint` or safe integers.
 * @throws {ValidationError} when the value does not fit the schema
 */
export function encodeAvroValue(w: AvroByteWriter, schema: AvroSchemaJson, value: unknown, path = '$'): void {
  if (Array.isArray(schema)) {
    const index = pickBranch(schema as readonly AvroSchemaJson[], value);
    if (index < 0) throw new ValidationError(`avro: ${path} fits no union branch`);
    w.writeLong(index);
    encodeAvroValue(w, (schema as readonly AvroSchemaJson[])[index]!, value, path);
    return;
  }
  const s =
    typeof schema === 'string' ? { type: schema } : (schema as { type: unknown; [k: string]: unknown });
  const type = s.type;
  if (typeof type !== 'string') return encodeAvroValue(w, type as AvroSchemaJson, value, path);
  switch (type) {
    case 'null':
      return;
    case 'boolean':
      w.writeRaw(Uint8Array.of(value ? 1 : 0));
      return;
    case 'int':
    case 'long':
      if (typeof value !== 'number' && typeof value !== 'bigint')
        throw new ValidationError(`avro: ${path} must be an integer`);
      w.writeLong(value);
      return;
    case 'float':
      w.writeFloat(Number(value));
      return;
    case 'double':
      w.writeDouble(Number(value));
      return;
    case 'bytes':
      if (!(value instanceof Uint8Array)) throw new ValidationError(`avro: ${path} must be bytes`);
      w.writeBytes(value);
      return;
    case 'fixed':
      if (!(value instanceof Uint8Array) || value.length !== s['size'])
        throw new ValidationError(`avro: ${path} must be fixed[${String(s['size'])}]`);
      w.writeRaw(value);
      return;
    case 'string':
      if (typeof value !== 'string') throw new ValidationError(`avro: ${path} must be a string`);
      w.writeString(value);
      return;
    case 'record': {
      const rec = (value ?? {}) as Record<string, unknown>;
      for (const f of s['fields'] as readonly { name: string; type: AvroSchemaJson }[]) {
        encodeAvroValue(w, f.type, rec[f.name], `${path}.${f.name}`);
      }
      return;
    }
    case 'array': {
      const items = value as readonly unknown[];
      if (!Array.isArray(items)) throw new ValidationError(`avro: ${path} must be an array`);
      if (items.length > 0) {
        w.writeLong(items.length);
        items.forEach((item, i) => encodeAvroValue(w, s['items'] as AvroSchemaJson, item, `${path}[${i}]`));
      }
      w.writeLong(0);
      return;
    }
    case 'map': {
      const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as object);
      if (entries.length > 0) {
        w.writeLong(entries.length);
        for (const [k, v] of entries) {
          w.writeString(String(k));
          encodeAvroValue(w, s['values'] as AvroSchemaJson, v, `${path}.${String(k)}`);
        }
      }
      w.writeLong(0);
      return;
    }
    default:
      throw new ValidationError(`avro: unsupported schema type ${type} at ${path}`);
  }
}

function pickBranch(branches: readonly AvroSchemaJson[], value: unknown): number {
  return branches.findIndex((b) => fits(b, value));
}

function fits(schema: AvroSchemaJson, value: unknown): boolean {
  const type =
    typeof schema === 'string' ? schema : Array.isArray(schema) ? 'union' : (schema as { type: string }).type;
  switch (type) {
    case 'null':
      return isNullish(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'int':
    case 'long':
      return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
    case 'float':
    case 'double':
      return typeof value === 'number';
    case 'bytes':
    case 'fixed':
      return value instanceof Uint8Array;
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'record':
    case 'map':
      return (
        typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
      );
    default:
      return false;
  }
}
