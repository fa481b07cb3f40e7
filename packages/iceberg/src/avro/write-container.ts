import { deflateRawSync } from 'node:zlib';
import { AvroByteWriter, encodeAvroValue, type AvroSchemaJson } from './write-encoder.js';

/** Options of {@link writeAvroContainer}. */
export interface AvroContainerOptions {
  /** `deflate` (default; what Java writes) or `null`. icebird 0.3.1 reads only these two. */
  readonly codec?: 'deflate' | 'null';
  /** File-level metadata (Iceberg header keys); `avro.schema` and `avro.codec` are added. */
  readonly metadata?: Readonly<Record<string, string>>;
  /** 16-byte sync marker; inject for deterministic output. Default: random. */
  readonly syncMarker?: Uint8Array;
  /** Records per block. Default 1000. */
  readonly blockSize?: number;
}

const MAGIC = Uint8Array.of(0x4f, 0x62, 0x6a, 0x01); // "Obj" 1

/**
 * Write an Avro object container file (Avro spec "Object Container Files") with the schema JSON written verbatim,
 * so Iceberg's `field-id`/`element-id` attributes survive (avsc drops them from `Type`s, iceberg.md §13), and
 * 64-bit values encoded exactly from `bigint`.
 */
export function writeAvroContainer(
  schema: AvroSchemaJson,
  records: Iterable<unknown>,
  options: AvroContainerOptions = {},
): Uint8Array {
  const codec = options.codec ?? 'deflate';
  const sync = options.syncMarker ?? crypto.getRandomValues(new Uint8Array(16));
  const out = new AvroByteWriter();
  out.writeRaw(MAGIC);
  const meta: [string, string][] = [
    ...Object.entries(options.metadata ?? {}),
    ['avro.schema', JSON.stringify(schema)],
    ['avro.codec', codec],
  ];
  out.writeLong(meta.length);
  for (const [k, v] of meta) {
    out.writeString(k);
    out.writeBytes(new TextEncoder().encode(v));
  }
  out.writeLong(0);
  out.writeRaw(sync);

  const block = new AvroByteWriter();
  let count = 0;
  const flush = (): void => {
    if (count === 0) return;
    const raw = block.toBytes();
    const data = codec === 'deflate' ? new Uint8Array(deflateRawSync(raw)) : raw;
    out.writeLong(count);
    out.writeLong(data.length);
    out.writeRaw(data);
    out.writeRaw(sync);
    block.reset();
    count = 0;
  };
  const blockSize = options.blockSize ?? 1000;
  for (const record of records) {
    encodeAvroValue(block, schema, record);
    count += 1;
    if (count >= blockSize) flush();
  }
  flush();
  return out.toBytes();
}
