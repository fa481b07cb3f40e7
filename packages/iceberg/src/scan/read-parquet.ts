/**
 * Parquet access for scans through FileIO, with columns resolved by Iceberg field id
 * (spec "Column Projection": ids, not names, so renamed columns still read).
 */
import { parquetMetadata, parquetReadObjects, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { FileIO } from '../io/file-io.js';

/** An opened Parquet file. */
export interface OpenParquet {
  readonly path: string;
  readonly buffer: ArrayBuffer;
  readonly metadata: FileMetaData;
  /** Top-level column name by Iceberg field id (only columns that carry a `field_id`). */
  readonly nameById: ReadonlyMap<number, string>;
  /** Top-level column names in file order. */
  readonly names: readonly string[];
}

/** Reads a whole Parquet file and indexes its top-level columns by field id. @throws {NotFoundError} */
export async function openParquet(io: FileIO, path: string): Promise<OpenParquet> {
  const bytes = await io.read(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(buffer);
  const nameById = new Map<number, string>();
  const names: string[] = [];
  for (const child of parquetSchema(metadata).children) {
    names.push(child.element.name);
    if (child.element.field_id !== undefined) nameById.set(child.element.field_id, child.element.name);
  }
  return { path, buffer, metadata, nameById, names };
}

/** How timestamps come back: `Date` (hyparquet's default, millisecond precision) or exact µs `bigint`. */
export type TimestampMode = 'date' | 'micros';

// hyparquet turns TIMESTAMP(MICROS/NANOS) into Date, dropping sub-millisecond digits; 'micros' keeps them.
const MICROS_PARSERS = {
  timestampFromMilliseconds: (ms: bigint) => ms * 1000n,
  timestampFromMicroseconds: (us: bigint) => us,
  timestampFromNanoseconds: (ns: bigint) => ns / 1000n,
};

/** Reads `columns` (Parquet names) of every row, in file order (row index = position for position deletes). */
export async function readParquetRows(
  file: OpenParquet,
  columns: readonly string[],
  timestamps: TimestampMode = 'date',
): Promise<Record<string, unknown>[]> {
  if (columns.length === 0) {
    const n = Number(file.metadata.num_rows);
    return Array.from({ length: n }, () => ({}));
  }
  return parquetReadObjects({
    file: file.buffer,
    metadata: file.metadata,
    columns: [...columns],
    compressors,
    ...(timestamps === 'micros' ? { parsers: MICROS_PARSERS } : {}),
  });
}
