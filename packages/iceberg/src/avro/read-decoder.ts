/**
 * Avro binary decoding (Avro spec "Binary Encoding"). Longs decode exactly as `bigint`
 * because Iceberg snapshot ids exceed 2^53.
 */
import type { AvroType } from './read-schema.js';

/** A decoded Avro value: records are plain objects keyed by field name. */
export type AvroValue =
  null | boolean | number | bigint | string | Uint8Array | AvroValue[] | { [key: string]: AvroValue };

/** A read position over a byte buffer. */
export class AvroCursor {
  /** Current offset into {@link bytes}. */
  offset: number;

  /** Wraps `bytes`, starting at `offset`. */
  constructor(
    readonly bytes: Uint8Array,
    offset = 0,
  ) {
    this.offset = offset;
  }

  /** Reads a zig-zag varint long exactly. @throws Error past the end of the buffer. */
  readLong(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new Error('avro: truncated varint');
      const b = this.bytes[this.offset++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
    }
    return (result >> 1n) ^ -(result & 1n);
  }

  /** Reads a varint that must fit a JavaScript number (lengths, counts, ints). */
  readInt(): number {
    return Number(this.readLong());
  }

  /** Reads `n` raw bytes (a view, not a copy). */
  readFixed(n: number): Uint8Array {
    if (this.offset + n > this.bytes.length) throw new Error('avro: truncated bytes');
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
}

const utf8 = new TextDecoder();

/**
 * Decodes one value of `type` at the cursor.
 * @throws Error on truncated input or an out-of-range union/enum index.
 */
export function decodeAvroValue(type: AvroType, cur: AvroCursor): AvroValue {
  switch (type.type) {
    case 'null':
      return null;
    case 'boolean':
      return cur.readFixed(1)[0] !== 0;
    case 'int':
      return cur.readInt();
    case 'long':
      return cur.readLong();
    case 'float': {
      const b = cur.readFixed(4);
      return new DataView(b.buffer, b.byteOffset, 4).getFloat32(0, true);
    }
    case 'double': {
      const b = cur.readFixed(8);
      return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
    }
    case 'bytes':
      return cur.readFixed(cur.readInt()).slice();
    case 'string':
      return utf8.decode(cur.readFixed(cur.readInt()));
    case 'fixed':
      return cur.readFixed(type.size).slice();
    case 'enum': {
      const i = cur.readInt();
      const sym = type.symbols[i];
      if (sym === undefined) throw new Error(`avro: enum index ${i} out of range`);
      return sym;
    }
    case 'union': {
      const i = cur.readInt();
      const branch = type.branches[i];
      if (!branch) throw new Error(`avro: union index ${i} out of range`);
      return decodeAvroValue(branch, cur);
    }
    case 'record': {
      const out: { [key: string]: AvroValue } = {};
      for (const f of type.fields) out[f.name] = decodeAvroValue(f.type, cur);
      return out;
    }
    case 'array': {
      const out: AvroValue[] = [];
      readBlocks(cur, () => out.push(decodeAvroValue(type.items, cur)));
      return out;
    }
    case 'map': {
      const out: { [key: string]: AvroValue } = {};
      readBlocks(cur, () => {
        const key = utf8.decode(cur.readFixed(cur.readInt()));
        out[key] = decodeAvroValue(type.values, cur);
      });
      return out;
    }
  }
}

// Arrays and maps are a series of blocks; a negative count is followed by the block's byte size.
function readBlocks(cur: AvroCursor, readItem: () => void): void {
  for (;;) {
    let count = cur.readInt();
    if (count === 0) return;
    if (count < 0) {
      count = -count;
      cur.readLong();
    }
    for (let i = 0; i < count; i++) readItem();
  }
}
