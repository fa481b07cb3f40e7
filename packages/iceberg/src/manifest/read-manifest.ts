/**
 * Manifest reader (spec "Manifests"): entries decoded by field id, with v2 inheritance resolved
 * (spec "Sequence Number Inheritance", "Snapshot ID Inheritance"): an entry whose `snapshot_id`,
 * `sequence_number` or `file_sequence_number` is null takes it from the manifest-list entry.
 */
import { readAvroContainer } from '../avro/read-container.js';
import type { AvroValue } from '../avro/read-decoder.js';
import type { AvroType } from '../avro/read-schema.js';
import type { FileIO } from '../io/file-io.js';
import type {
  DataFile,
  DataFileContent,
  ManifestEntry,
  ManifestEntryStatus,
  ManifestFile,
  PartitionData,
  PartitionValue,
} from '../metadata/types.js';
import {
  getArray,
  getBigint,
  getBytes,
  getIntMap,
  getNumber,
  getRecord,
  getString,
  type IdRecord,
} from './read-fields.js';

/** A manifest entry with inherited values resolved, plus where it came from. */
export interface ResolvedManifestEntry extends ManifestEntry {
  readonly snapshotId: bigint;
  /** Data sequence number (spec: used for delete applicability). */
  readonly sequenceNumber: bigint;
  readonly fileSequenceNumber: bigint;
  /** Partition spec id of the manifest (header `partition-spec-id`, else the list entry's). */
  readonly partitionSpecId: number;
  /** Path of the manifest holding this entry. */
  readonly manifestPath: string;
}

/** Header keys of a manifest (spec "Manifests", key-value metadata). */
export interface ManifestHeader {
  /** Table schema JSON as written (string). */
  readonly schema?: string;
  readonly schemaId?: number;
  /** Partition spec fields JSON array as written. */
  readonly partitionSpec?: string;
  readonly partitionSpecId?: number;
  readonly formatVersion?: number;
  readonly content: 'data' | 'deletes';
}

/**
 * Reads a manifest and resolves inheritance from `listEntry` (its manifest-list entry).
 * @throws Error when an entry needs inheritance and `listEntry` is missing, or the file is not a manifest.
 * @throws {NotFoundError} from `io` when the file is missing.
 */
export async function readManifest(
  io: FileIO,
  path: string,
  listEntry?: ManifestFile,
): Promise<ResolvedManifestEntry[]> {
  return (await readManifestWithHeader(io, path, listEntry)).entries;
}

/** Like {@link readManifest}, also returning the header keys. */
export async function readManifestWithHeader(
  io: FileIO,
  path: string,
  listEntry?: ManifestFile,
): Promise<{ header: ManifestHeader; entries: ResolvedManifestEntry[] }> {
  const container = readAvroContainer(await io.read(path));
  const meta = container.metadata;
  const header: ManifestHeader = {
    content: meta['content'] === 'deletes' ? 'deletes' : 'data',
    ...(meta['schema'] !== undefined ? { schema: meta['schema'] } : {}),
    ...(meta['schema-id'] !== undefined ? { schemaId: Number(meta['schema-id']) } : {}),
    ...(meta['partition-spec'] !== undefined ? { partitionSpec: meta['partition-spec'] } : {}),
    ...(meta['partition-spec-id'] !== undefined
      ? { partitionSpecId: Number(meta['partition-spec-id']) }
      : {}),
    ...(meta['format-version'] !== undefined ? { formatVersion: Number(meta['format-version']) } : {}),
  };
  const specId = header.partitionSpecId ?? listEntry?.partitionSpecId ?? 0;
  const partitionNames = partitionNamesById(header.partitionSpec);
  const v1 = header.formatVersion === 1;
  const entries = container.records.map((value) => {
    const rec: IdRecord = { type: container.schema, value: value as IdRecord['value'] };
    const status = (getNumber(rec, 0, 'status') ?? 1) as ManifestEntryStatus;
    const dataFileRec = getRecord(rec, 2, 'data_file');
    if (!dataFileRec) throw new Error(`iceberg: manifest ${path} has an entry without data_file`);
    const dataFile = decodeDataFile(dataFileRec, partitionNames);
    const inherited = (explicit: bigint | undefined, fromList: bigint | undefined, what: string): bigint => {
      if (explicit !== undefined) return explicit;
      // v1 manifests have no sequence numbers: they default to 0.
      if (v1 && what !== 'snapshot id') return 0n;
      // Only ADDED entries may inherit (spec); tolerate others the same way Java does when the list has it.
      if (fromList !== undefined) return fromList;
      throw new Error(
        `iceberg: manifest ${path}: entry for ${dataFile.filePath} has no ${what} and no manifest-list entry to inherit it from`,
      );
    };
    const entry: ResolvedManifestEntry = {
      status,
      snapshotId: inherited(getBigint(rec, 1, 'snapshot_id'), listEntry?.addedSnapshotId, 'snapshot id'),
      sequenceNumber: inherited(
        getBigint(rec, 3, 'sequence_number'),
        listEntry?.sequenceNumber,
        'sequence number',
      ),
      fileSequenceNumber: inherited(
        getBigint(rec, 4, 'file_sequence_number'),
        listEntry?.sequenceNumber,
        'file sequence number',
      ),
      dataFile,
      partitionSpecId: specId,
      manifestPath: path,
    };
    return entry;
  });
  return { header, entries };
}

function partitionNamesById(specJson: string | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (!specJson) return out;
  try {
    const parsed = JSON.parse(specJson) as unknown;
    const fields = Array.isArray(parsed) ? parsed : ((parsed as { fields?: unknown[] }).fields ?? []);
    for (const f of fields as { 'field-id'?: number; name?: string }[]) {
      if (typeof f['field-id'] === 'number' && typeof f.name === 'string') out.set(f['field-id'], f.name);
    }
  } catch {
    // A malformed header is not fatal: the Avro field names are the partition names too.
  }
  return out;
}

const toBigint = (v: AvroValue): bigint => (typeof v === 'bigint' ? v : BigInt(v as number));
const toBytes = (v: AvroValue): Uint8Array => v as Uint8Array;

/** Decodes a `data_file` (`r2`) record. Exposed for tests. */
export function decodeDataFile(
  rec: IdRecord,
  partitionNames: ReadonlyMap<number, string> = new Map(),
): DataFile {
  const filePath = getString(rec, 100, 'file_path');
  if (filePath === undefined) throw new Error('iceberg: data_file without file_path');
  const opt = <T>(key: string, v: T | undefined): Record<string, T> => (v === undefined ? {} : { [key]: v });
  const partitionRec = getRecord(rec, 102, 'partition');
  return {
    content: (getNumber(rec, 134, 'content') ?? 0) as DataFileContent,
    filePath,
    fileFormat: (getString(rec, 101, 'file_format') ?? 'PARQUET').toUpperCase() as DataFile['fileFormat'],
    partition: partitionRec ? decodePartition(partitionRec, partitionNames) : {},
    recordCount: getBigint(rec, 103, 'record_count') ?? 0n,
    fileSizeInBytes: getBigint(rec, 104, 'file_size_in_bytes') ?? 0n,
    ...opt('columnSizes', getIntMap(rec, 108, 'column_sizes', toBigint)),
    ...opt('valueCounts', getIntMap(rec, 109, 'value_counts', toBigint)),
    ...opt('nullValueCounts', getIntMap(rec, 110, 'null_value_counts', toBigint)),
    ...opt('nanValueCounts', getIntMap(rec, 137, 'nan_value_counts', toBigint)),
    ...opt('lowerBounds', getIntMap(rec, 125, 'lower_bounds', toBytes)),
    ...opt('upperBounds', getIntMap(rec, 128, 'upper_bounds', toBytes)),
    ...opt('keyMetadata', getBytes(rec, 131, 'key_metadata')),
    ...opt('splitOffsets', getArray(rec, 132, 'split_offsets')?.map(toBigint)),
    ...opt('equalityIds', getArray(rec, 135, 'equality_ids')?.map(Number)),
    ...opt('sortOrderId', getNumber(rec, 140, 'sort_order_id')),
    ...opt('referencedDataFile', getString(rec, 143, 'referenced_data_file')),
  } as DataFile;
}

function decodePartition(rec: IdRecord, names: ReadonlyMap<number, string>): PartitionData {
  const out: Record<string, PartitionValue> = {};
  if (rec.type.type !== 'record') return out;
  for (const field of rec.type.fields) {
    const id = Number(field.attrs['field-id']);
    const name = names.get(id) ?? field.name;
    out[name] = toPartitionValue(rec.value[field.name] ?? null, field.type);
  }
  return out;
}

function toPartitionValue(value: AvroValue, type: AvroType): PartitionValue {
  if (value === null) return null;
  const t = type.type === 'union' ? (type.branches.find((b) => b.type !== 'null') ?? type) : type;
  // Decimals are stored as big-endian two's-complement unscaled bytes; the model wants the unscaled bigint.
  if (t.attrs['logicalType'] === 'decimal' && value instanceof Uint8Array) return decodeUnscaled(value);
  if (typeof value === 'object' && !(value instanceof Uint8Array)) {
    throw new Error('iceberg: nested partition values are not supported');
  }
  return value as PartitionValue;
}

/** Big-endian two's-complement bytes → bigint. */
export function decodeUnscaled(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  if (bytes.length > 0 && ((bytes[0] as number) & 0x80) !== 0) v -= 1n << BigInt(bytes.length * 8);
  return v;
}
