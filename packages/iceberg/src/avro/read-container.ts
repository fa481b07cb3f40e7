/**
 * Avro object-container file reader (Avro spec "Object Container Files"): header metadata,
 * `null` and `deflate` codecs, exact 64-bit longs.
 */
import { inflateRawSync } from 'node:zlib';
import { AvroCursor, decodeAvroValue, type AvroValue } from './read-decoder.js';
import { parseAvroSchema, type AvroType } from './read-schema.js';

/** A decoded container file. */
export interface AvroContainer {
  /** File-level metadata (`avro.schema`, `avro.codec`, and Iceberg keys such as `partition-spec`), UTF-8 decoded. */
  readonly metadata: Readonly<Record<string, string>>;
  /** The writer schema, resolved. */
  readonly schema: AvroType;
  /** Every record in file order. */
  readonly records: AvroValue[];
}

const MAGIC = [0x4f, 0x62, 0x6a, 0x01]; // "Obj\x01"
const utf8 = new TextDecoder();

/**
 * Decodes a whole Avro object-container file.
 * @throws Error when the bytes are not an Avro container, the codec is not `null`/`deflate`,
 *   or a block's sync marker does not match.
 */
export function readAvroContainer(bytes: Uint8Array): AvroContainer {
  if (bytes.length < 4 || MAGIC.some((m, i) => bytes[i] !== m)) {
    throw new Error('avro: not an object container file (bad magic)');
  }
  const cur = new AvroCursor(bytes, 4);
  const metadata: Record<string, string> = {};
  for (;;) {
    let count = cur.readInt();
    if (count === 0) break;
    if (count < 0) {
      count = -count;
      cur.readLong();
    }
    for (let i = 0; i < count; i++) {
      const key = utf8.decode(cur.readFixed(cur.readInt()));
      metadata[key] = utf8.decode(cur.readFixed(cur.readInt()));
    }
  }
  const sync = cur.readFixed(16).slice();
  const schemaJson = metadata['avro.schema'];
  if (schemaJson === undefined) throw new Error('avro: header has no avro.schema');
  const schema = parseAvroSchema(JSON.parse(schemaJson));
  const codec = metadata['avro.codec'] ?? 'null';
  if (codec !== 'null' && codec !== 'deflate') throw new Error(`avro: unsupported codec "${codec}"`);

  const records: AvroValue[] = [];
  while (cur.offset < bytes.length) {
    const count = cur.readInt();
    const size = cur.readInt();
    const raw = cur.readFixed(size);
    const block = codec === 'deflate' ? new Uint8Array(inflateRawSync(raw)) : raw;
    const blockCur = new AvroCursor(block);
    for (let i = 0; i < count; i++) records.push(decodeAvroValue(schema, blockCur));
    const marker = cur.readFixed(16);
    if (marker.some((b, i) => b !== sync[i])) throw new Error('avro: sync marker mismatch');
  }
  return { metadata, schema, records };
}
