import { getManifestEntryAvroSchema, MANIFEST_FILE_AVRO_SCHEMA } from '../avro/schemas.js';
import { writeAvroContainer } from '../avro/write-container.js';
import { ValidationError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { serializePartitionField } from '../metadata/table-metadata-json.js';
import { compareValues, serializeSingleValue, toDecimalFixed } from '../metadata/single-value.js';
import { getTransformResultType, type IcebergValue } from '../metadata/transforms.js';
import { serializeSchema } from '../metadata/type-json.js';
import type {
  DataFile,
  FieldSummary,
  IcebergType,
  ManifestContent,
  ManifestEntry,
  ManifestFile,
  PartitionSpec,
  Schema,
} from '../metadata/types.js';

/** Inputs of {@link writeManifest}. */
export interface WriteManifestOptions {
  readonly io: FileIO;
  /** Full URI of the manifest to create (`<table>/metadata/<commitUuid>-m<k>.avro`). */
  readonly path: string;
  readonly schema: Schema;
  readonly spec: PartitionSpec;
  /** `0` data or `1` deletes; data and delete files never share a manifest (iceberg.md §5). */
  readonly content: ManifestContent;
  /** The snapshot writing the manifest: its id becomes `added_snapshot_id`. */
  readonly snapshotId: bigint;
  /** The snapshot's sequence number: `sequence_number` of the list entry, inherited by ADDED entries. */
  readonly sequenceNumber: bigint;
  /**
   * Entries. ADDED entries should leave sequence numbers `undefined` (inherited); EXISTING/DELETED entries must
   * carry explicit ones (iceberg.md §7).
   */
  readonly entries: readonly ManifestEntry[];
  /** Injected sync marker for reproducible bytes. */
  readonly syncMarker?: Uint8Array;
}

function toMapArray<V>(m: ReadonlyMap<number, V> | undefined): { key: number; value: V }[] | null {
  return m ? [...m.entries()].sort((a, b) => a[0] - b[0]).map(([key, value]) => ({ key, value })) : null;
}

function avroPartitionValue(type: IcebergType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof type === 'string' && type.startsWith('decimal')) {
    return toDecimalFixed(BigInt(value as bigint), Number(/\((\d+)/.exec(type)![1]));
  }
  if (
    (type === 'long' || type === 'time' || String(type).startsWith('timestamp')) &&
    typeof value === 'number'
  )
    return BigInt(value);
  return value;
}

function toAvroEntry(entry: ManifestEntry, spec: PartitionSpec, types: readonly IcebergType[]): unknown {
  const f: DataFile = entry.dataFile;
  const partition: Record<string, unknown> = {};
  spec.fields.forEach((pf, i) => {
    partition[pf.name] = avroPartitionValue(types[i]!, f.partition[pf.name]);
  });
  return {
    status: entry.status,
    snapshot_id: entry.snapshotId ?? null,
    sequence_number: entry.sequenceNumber ?? null,
    file_sequence_number: entry.fileSequenceNumber ?? null,
    data_file: {
      content: f.content,
      file_path: f.filePath,
      file_format: f.fileFormat,
      partition,
      record_count: f.recordCount,
      file_size_in_bytes: f.fileSizeInBytes,
      column_sizes: toMapArray(f.columnSizes),
      value_counts: toMapArray(f.valueCounts),
      null_value_counts: toMapArray(f.nullValueCounts),
      nan_value_counts: toMapArray(f.nanValueCounts),
      lower_bounds: toMapArray(f.lowerBounds),
      upper_bounds: toMapArray(f.upperBounds),
      key_metadata: f.keyMetadata ?? null,
      split_offsets: f.splitOffsets ? [...f.splitOffsets] : null,
      equality_ids: f.equalityIds ? [...f.equalityIds] : null,
      sort_order_id: f.sortOrderId ?? null,
      referenced_data_file: f.referencedDataFile ?? null,
    },
  };
}

/** Partition result types of a spec, in field order. @throws {ValidationError} */
export function getPartitionTypes(spec: PartitionSpec, schema: Schema): IcebergType[] {
  return spec.fields.map((pf) => {
    const source = schema.fields.find((x) => x.id === pf.sourceId);
    if (!source) throw new ValidationError(`iceberg: partition source id ${pf.sourceId} not in schema`);
    return getTransformResultType(pf.transform, source.type);
  });
}

/** Partition field summaries (`r508`) over the given files, in spec order. */
export function summarizePartitions(
  spec: PartitionSpec,
  types: readonly IcebergType[],
  files: readonly DataFile[],
): FieldSummary[] {
  return spec.fields.map((pf, i) => {
    let containsNull = false;
    let containsNan = false;
    let lo: IcebergValue | undefined;
    let hi: IcebergValue | undefined;
    for (const f of files) {
      const v = f.partition[pf.name];
      if (v === null || v === undefined) {
        containsNull = true;
        continue;
      }
      if (typeof v === 'number' && Number.isNaN(v)) {
        containsNan = true;
        continue;
      }
      if (lo === undefined || compareValues(v, lo) < 0) lo = v;
      if (hi === undefined || compareValues(v, hi) > 0) hi = v;
    }
    const type = types[i]!;
    return {
      containsNull,
      containsNan,
      ...(lo !== undefined ? { lowerBound: serializeSingleValue(type, lo) } : {}),
      ...(hi !== undefined ? { upperBound: serializeSingleValue(type, hi) } : {}),
    };
  });
}

/**
 * Write one manifest (Avro, deflate) with the v2 header keys — `schema`, `schema-id`, `partition-spec` (fields
 * array), `partition-spec-id`, `format-version` "2", `content` — and return its manifest-list entry with exact
 * length, counts by status and partition summaries (iceberg.md §5–7).
 */
export async function writeManifest(options: WriteManifestOptions): Promise<ManifestFile> {
  const { spec, schema, entries, sequenceNumber } = options;
  const types = getPartitionTypes(spec, schema);
  for (const e of entries) {
    if (options.content === 0 && e.dataFile.content !== 0)
      throw new ValidationError('iceberg: delete file in a data manifest');
    if (options.content === 1 && e.dataFile.content === 0)
      throw new ValidationError('iceberg: data file in a delete manifest');
    if (e.status !== 1 && e.sequenceNumber === undefined) {
      throw new ValidationError(
        `iceberg: ${e.status === 0 ? 'EXISTING' : 'DELETED'} entry ${e.dataFile.filePath} needs an explicit sequence number`,
      );
    }
  }
  const bytes = writeAvroContainer(
    getManifestEntryAvroSchema(spec, schema),
    entries.map((e) => toAvroEntry(e, spec, types)),
    {
      codec: 'deflate',
      metadata: {
        schema: JSON.stringify(serializeSchema(schema)),
        'schema-id': String(schema.schemaId),
        'partition-spec': JSON.stringify(spec.fields.map(serializePartitionField)),
        'partition-spec-id': String(spec.specId),
        'format-version': '2',
        content: options.content === 0 ? 'data' : 'deletes',
      },
      ...(options.syncMarker ? { syncMarker: options.syncMarker } : {}),
    },
  );
  await options.io.write(options.path, bytes);

  let added = 0;
  let existing = 0;
  let deleted = 0;
  let addedRows = 0n;
  let existingRows = 0n;
  let deletedRows = 0n;
  let minSeq: bigint | undefined;
  for (const e of entries) {
    const rows = e.dataFile.recordCount;
    if (e.status === 1) {
      added += 1;
      addedRows += rows;
    } else if (e.status === 0) {
      existing += 1;
      existingRows += rows;
    } else {
      deleted += 1;
      deletedRows += rows;
    }
    if (e.status !== 2) {
      // Spec: min_sequence_number is the minimum data sequence number of live entries; ADDED inherit `seq`.
      const s = e.sequenceNumber ?? sequenceNumber;
      if (minSeq === undefined || s < minSeq) minSeq = s;
    }
  }
  return {
    manifestPath: options.path,
    manifestLength: BigInt(bytes.length),
    partitionSpecId: spec.specId,
    content: options.content,
    sequenceNumber,
    minSequenceNumber: minSeq ?? sequenceNumber,
    addedSnapshotId: options.snapshotId,
    addedFilesCount: added,
    existingFilesCount: existing,
    deletedFilesCount: deleted,
    addedRowsCount: addedRows,
    existingRowsCount: existingRows,
    deletedRowsCount: deletedRows,
    partitions: summarizePartitions(
      spec,
      types,
      entries.map((e) => e.dataFile),
    ),
  };
}

/** Inputs of {@link writeManifestList}. */
export interface WriteManifestListOptions {
  readonly io: FileIO;
  /** `<table>/metadata/snap-<snapshotId>-<attempt>-<commitUuid>.avro`. */
  readonly path: string;
  readonly snapshotId: bigint;
  readonly parentSnapshotId?: bigint;
  readonly sequenceNumber: bigint;
  readonly manifests: readonly ManifestFile[];
  readonly syncMarker?: Uint8Array;
}

/**
 * Write a manifest list (Avro, deflate) with header `snapshot-id`, `parent-snapshot-id` (`"null"` when none, like
 * Java/PyIceberg/rust), `sequence-number`, `format-version` "2" (iceberg.md §6).
 * @returns the byte length written
 */
export async function writeManifestList(options: WriteManifestListOptions): Promise<number> {
  const bytes = writeAvroContainer(
    MANIFEST_FILE_AVRO_SCHEMA,
    options.manifests.map((m) => ({
      manifest_path: m.manifestPath,
      manifest_length: m.manifestLength,
      partition_spec_id: m.partitionSpecId,
      content: m.content,
      sequence_number: m.sequenceNumber,
      min_sequence_number: m.minSequenceNumber,
      added_snapshot_id: m.addedSnapshotId,
      added_files_count: m.addedFilesCount,
      existing_files_count: m.existingFilesCount,
      deleted_files_count: m.deletedFilesCount,
      added_rows_count: m.addedRowsCount,
      existing_rows_count: m.existingRowsCount,
      deleted_rows_count: m.deletedRowsCount,
      partitions: m.partitions
        ? m.partitions.map((p) => ({
            contains_null: p.containsNull,
            contains_nan: p.containsNan ?? null,
            lower_bound: p.lowerBound ?? null,
            upper_bound: p.upperBound ?? null,
          }))
        : null,
      key_metadata: m.keyMetadata ?? null,
    })),
    {
      codec: 'deflate',
      metadata: {
        'snapshot-id': String(options.snapshotId),
        'parent-snapshot-id':
          options.parentSnapshotId === undefined ? 'null' : String(options.parentSnapshotId),
        'sequence-number': String(options.sequenceNumber),
        'format-version': '2',
      },
      ...(options.syncMarker ? { syncMarker: options.syncMarker } : {}),
    },
  );
  await options.io.write(options.path, bytes);
  return bytes.length;
}
