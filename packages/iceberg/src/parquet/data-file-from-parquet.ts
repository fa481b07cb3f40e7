import {
  parquetMetadata,
  parquetMetadataAsync,
  type AsyncBuffer,
  type FileMetaData,
  type SchemaElement,
} from 'hyparquet';
import { ValidationError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { compareValues } from '../metadata/single-value.js';
import type { IcebergValue } from '../metadata/transforms.js';
import type { DataFile, IcebergType } from '../metadata/types.js';
import {
  assembleDataFile,
  type ColumnStats,
  type DataFileFromParquetOptions,
} from './data-file-from-stats.js';

export type { DataFileFromParquetOptions } from './data-file-from-stats.js';

/** Where the Parquet file is: bytes already in memory, or a path read through a FileIO (footer only). */
export type ParquetSource =
  { readonly path: string; readonly bytes: Uint8Array } | { readonly path: string; readonly io: FileIO };

// Keep statistics raw: hyparquet's default parsers turn dates into Date, strings into JS strings, timestamps into
// Date (losing µs). Iceberg bounds need days, µs and UTF-8 bytes (spec Appendix D).
type Ts = { readonly unit: 'ms' | 'us' | 'ns'; readonly v: bigint };
const RAW_PARSERS = {
  timestampFromMilliseconds: (v: bigint): Ts => ({ unit: 'ms', v }),
  timestampFromMicroseconds: (v: bigint): Ts => ({ unit: 'us', v }),
  timestampFromNanoseconds: (v: bigint): Ts => ({ unit: 'ns', v }),
  dateFromDays: (days: number): number => days,
  stringFromBytes: (bytes: Uint8Array): Uint8Array => bytes,
};

function asyncBufferFromIO(io: FileIO, path: string, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const bytes = await io.readRange(path, start, (end ?? size) - start);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

// First read from the end of a file: holds the footer of a typical data file (a few KiB per row group) in one
// request. hyparquet's default, 512 KiB, read a third of every 1.5 MB fact file to get ~20 KiB of footer.
const FOOTER_FETCH_BYTES = 64 * 1024;

/** Read the footer of a Parquet file. */
export async function readParquetFooter(
  source: ParquetSource,
): Promise<{ metadata: FileMetaData; size: number }> {
  if ('bytes' in source) {
    const b = source.bytes;
    const ab = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    return { metadata: parquetMetadata(ab, { parsers: RAW_PARSERS }), size: b.byteLength };
  }
  const size = await source.io.size(source.path);
  return {
    metadata: await parquetMetadataAsync(asyncBufferFromIO(source.io, source.path, size), {
      parsers: RAW_PARSERS,
      initialFetchSize: FOOTER_FETCH_BYTES,
    }),
    size,
  };
}

/** Leaf columns: schema path joined by `\u0000` → leaf element and whether it is a top-level, non-repeated column. */
function indexLeaves(
  schema: readonly SchemaElement[],
): Map<string, { element: SchemaElement; topLevel: boolean; topId?: number }> {
  const out = new Map<string, { element: SchemaElement; topLevel: boolean; topId?: number }>();
  let i = 1;
  const walk = (path: string[], depth: number, topId: number | undefined, repeated: boolean): void => {
    const el = schema[i++]!;
    const p = [...path, el.name];
    const isRepeated = repeated || el.repetition_type === 'REPEATED';
    const top = depth === 0 ? el.field_id : topId;
    if (!el.num_children) {
      out.set(p.join('\u0000'), {
        element: el,
        topLevel: depth === 0 && !isRepeated,
        ...(top !== undefined ? { topId: top } : {}),
      });
      return;
    }
    for (let c = 0; c < el.num_children; c += 1) walk(p, depth + 1, top, isRepeated);
  };
  const root = schema[0]!;
  for (let c = 0; c < (root.num_children ?? 0); c += 1) walk([], 0, undefined, false);
  return out;
}

function toIcebergStat(value: unknown, type: IcebergType): IcebergValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof type !== 'string' || type.startsWith('decimal')) return undefined; // hyparquet decodes decimals lossily
  if (typeof value === 'object' && value !== null && 'unit' in value) {
    const { unit, v } = value as Ts;
    const micros = unit === 'ms' ? v * 1000n : unit === 'ns' ? v / 1000n : v;
    return type.endsWith('_ns') ? (unit === 'ns' ? v : micros * 1000n) : micros;
  }
  switch (type) {
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      return BigInt(value as number | bigint);
    case 'int':
    case 'date':
      return Number(value);
    case 'float':
    case 'double':
      return Number.isNaN(value as number) ? undefined : (value as number);
    case 'boolean':
      return value as boolean;
    case 'string':
      return value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value);
    default:
      return value instanceof Uint8Array ? value : undefined;
  }
}

/**
 * Build the manifest `DataFile` of a Parquet file from its footer (hyparquet): record count, exact file size,
 * column sizes, value and null counts, lower/upper bounds serialised per spec Appendix D, split offsets, and the
 * partition tuple. Works for files we wrote and for files written elsewhere, e.g. DuckDB
 * `COPY … TO (FORMAT parquet, FIELD_IDS {…})`.
 * Bounds are omitted where they would be unsafe: inexact (truncated) upper bounds, NaN, decimals.
 * @throws {ValidationError} when the file has no field ids, lacks a required column, or spans several partitions
 */
export async function dataFileFromParquet(
  source: ParquetSource,
  options: DataFileFromParquetOptions,
): Promise<DataFile> {
  const { metadata, size } = await readParquetFooter(source);
  const { schema } = options;
  const leaves = indexLeaves(metadata.schema);
  const fileIds = new Set<number>();
  for (const leaf of leaves.values()) if (leaf.topId !== undefined) fileIds.add(leaf.topId);
  if (fileIds.size === 0 && leaves.size > 0) {
    throw new ValidationError(
      `iceberg: ${source.path} has no Parquet field ids; write it with field ids (DuckDB: COPY … (FORMAT parquet, FIELD_IDS {…}))`,
    );
  }
  for (const f of schema.fields) {
    if (f.required && !fileIds.has(f.id))
      throw new ValidationError(`iceberg: ${source.path} lacks required column ${f.name} (field id ${f.id})`);
  }
  const typeById = new Map<number, IcebergType>(schema.fields.map((f) => [f.id, f.type]));

  const columnSizes = new Map<number, bigint>();
  const valueCounts = new Map<number, bigint>();
  const nullCounts = new Map<number, bigint>();
  const nullUnknown = new Set<number>();
  const lower = new Map<number, IcebergValue>();
  const upper = new Map<number, IcebergValue>();
  const boundUnknown = new Set<number>();
  const splitOffsets: bigint[] = [];

  for (const rg of metadata.row_groups) {
    const first = rg.columns[0]?.meta_data;
    if (first) {
      const d = first.dictionary_page_offset;
      splitOffsets.push(d !== undefined && d > 0n && d < first.data_page_offset ? d : first.data_page_offset);
    }
    for (const col of rg.columns) {
      const md = col.meta_data;
      if (!md) continue;
      const leaf = leaves.get(md.path_in_schema.join('\u0000'));
      const id = leaf?.element.field_id;
      if (!leaf || id === undefined) continue;
      columnSizes.set(id, (columnSizes.get(id) ?? 0n) + md.total_compressed_size);
      valueCounts.set(id, (valueCounts.get(id) ?? 0n) + md.num_values);
      const stats = md.statistics;
      if (stats?.null_count !== undefined) nullCounts.set(id, (nullCounts.get(id) ?? 0n) + stats.null_count);
      else nullUnknown.add(id);
      if (!leaf.topLevel) continue;
      const type = typeById.get(id);
      if (type === undefined) continue;
      const allNull = stats?.null_count !== undefined && stats.null_count === md.num_values;
      if (allNull) continue;
      const lo = toIcebergStat(stats?.min_value ?? stats?.min, type);
      const hi =
        stats?.is_max_value_exact === false ? undefined : toIcebergStat(stats?.max_value ?? stats?.max, type);
      if (lo === undefined || hi === undefined) {
        boundUnknown.add(id);
        continue;
      }
      const curLo = lower.get(id);
      const curHi = upper.get(id);
      if (curLo === undefined || compareValues(lo, curLo) < 0) lower.set(id, lo);
      if (curHi === undefined || compareValues(hi, curHi) > 0) upper.set(id, hi);
    }
  }
  const columns = new Map<number, ColumnStats>();
  for (const [id, size] of columnSizes) {
    const bounded = !boundUnknown.has(id) && lower.has(id);
    columns.set(id, {
      size,
      valueCount: valueCounts.get(id)!,
      ...(nullUnknown.has(id) ? {} : { nullCount: nullCounts.get(id)! }),
      ...(bounded ? { lower: lower.get(id)!, upper: upper.get(id)! } : {}),
    });
  }
  return assembleDataFile(
    {
      path: source.path,
      recordCount: metadata.num_rows,
      fileSizeInBytes: BigInt(size),
      columns,
      splitOffsets,
    },
    options,
  );
}
