/**
 * Iceberg v2 table-metadata model (spec `format/spec.md`, "Table Metadata" and "Manifests").
 *
 * Names follow the spec's JSON/Avro field names in camelCase. 64-bit values that can exceed 2^53 — snapshot ids,
 * sequence numbers, record counts and byte sizes in manifests — are `bigint`: Athena and Java write snapshot ids
 * above `Number.MAX_SAFE_INTEGER`, and a lossy `JSON.parse` would corrupt them (iceberg.md §15). Millisecond
 * timestamps, field ids and spec ids are plain `number`s (always far below 2^53).
 */

/** Primitive Iceberg type names, including the parameterised `fixed[L]` and `decimal(P, S)`. */
export type PrimitiveTypeName =
  | 'boolean'
  | 'int'
  | 'long'
  | 'float'
  | 'double'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'timestamptz'
  | 'timestamp_ns'
  | 'timestamptz_ns'
  | 'string'
  | 'uuid'
  | 'binary'
  | `fixed[${number}]`
  | `decimal(${number}, ${number})`;

/** An Iceberg struct type: ordered fields with unique ids. */
export interface StructType {
  readonly type: 'struct';
  readonly fields: readonly NestedField[];
}

/** An Iceberg list type; `elementId` is the element's field id. */
export interface ListType {
  readonly type: 'list';
  readonly elementId: number;
  readonly elementRequired: boolean;
  readonly element: IcebergType;
}

/** An Iceberg map type; `keyId`/`valueId` are field ids. Keys are always required. */
export interface MapType {
  readonly type: 'map';
  readonly keyId: number;
  readonly key: IcebergType;
  readonly valueId: number;
  readonly valueRequired: boolean;
  readonly value: IcebergType;
}

/** Any Iceberg type: a primitive name or a nested struct/list/map. */
export type IcebergType = PrimitiveTypeName | StructType | ListType | MapType;

/** A field of a struct (or of a schema): id unique within the table. */
export interface NestedField {
  readonly id: number;
  readonly name: string;
  readonly required: boolean;
  readonly type: IcebergType;
  readonly doc?: string;
  /** v3 `initial-default` / `write-default` are not supported; kept raw when read so nothing is lost. */
  readonly initialDefault?: unknown;
  readonly writeDefault?: unknown;
}

/** A table schema: a struct with a `schema-id` and optional identifier (row key) field ids. */
export interface Schema {
  readonly type: 'struct';
  readonly schemaId: number;
  readonly identifierFieldIds?: readonly number[];
  readonly fields: readonly NestedField[];
}

/**
 * A partition transform as written in the spec: `identity`, `year`, `month`, `day`, `hour`, `bucket[N]`,
 * `truncate[W]`, `void`.
 */
export type Transform =
  'identity' | 'year' | 'month' | 'day' | 'hour' | 'void' | `bucket[${number}]` | `truncate[${number}]`;

/** One field of a partition spec. Partition field ids start at 1000 and are unique across all specs. */
export interface PartitionField {
  readonly sourceId: number;
  readonly fieldId: number;
  readonly name: string;
  readonly transform: Transform;
}

/** A partition spec; `fields: []` = unpartitioned. */
export interface PartitionSpec {
  readonly specId: number;
  readonly fields: readonly PartitionField[];
}

/** One field of a sort order. */
export interface SortField {
  readonly sourceId: number;
  readonly transform: Transform;
  readonly direction: 'asc' | 'desc';
  readonly nullOrder: 'nulls-first' | 'nulls-last';
}

/** A sort order; order id 0 with no fields = unsorted. */
export interface SortOrder {
  readonly orderId: number;
  readonly fields: readonly SortField[];
}

/** Snapshot operations (spec "Snapshots", `summary.operation`). */
export type SnapshotOperation = 'append' | 'replace' | 'overwrite' | 'delete';

/** Snapshot summary: all values are strings; `operation` is required. */
export type SnapshotSummary = { readonly operation: SnapshotOperation } & Readonly<Record<string, string>>;

/** A snapshot of the table. */
export interface Snapshot {
  readonly snapshotId: bigint;
  readonly parentSnapshotId?: bigint;
  readonly sequenceNumber: bigint;
  readonly timestampMs: number;
  readonly manifestList: string;
  readonly summary: SnapshotSummary;
  readonly schemaId?: number;
}

/** A named reference (branch or tag) to a snapshot. The main branch is `main`. */
export interface SnapshotRef {
  readonly snapshotId: bigint;
  readonly type: 'branch' | 'tag';
  readonly minSnapshotsToKeep?: number;
  readonly maxSnapshotAgeMs?: number;
  readonly maxRefAgeMs?: number;
}

/** `snapshot-log` entry. */
export interface SnapshotLogEntry {
  readonly timestampMs: number;
  readonly snapshotId: bigint;
}

/** `metadata-log` entry. */
export interface MetadataLogEntry {
  readonly timestampMs: number;
  readonly metadataFile: string;
}

/** Table metadata, format version 2 (the only version this package writes or reads). */
export interface TableMetadata {
  readonly formatVersion: 2;
  readonly tableUuid: string;
  readonly location: string;
  readonly lastSequenceNumber: bigint;
  readonly lastUpdatedMs: number;
  readonly lastColumnId: number;
  readonly schemas: readonly Schema[];
  readonly currentSchemaId: number;
  readonly partitionSpecs: readonly PartitionSpec[];
  readonly defaultSpecId: number;
  readonly lastPartitionId: number;
  readonly properties: Readonly<Record<string, string>>;
  /** `undefined` when the table has no current snapshot (JSON `-1` or absent). */
  readonly currentSnapshotId?: bigint;
  readonly snapshots: readonly Snapshot[];
  readonly snapshotLog: readonly SnapshotLogEntry[];
  readonly metadataLog: readonly MetadataLogEntry[];
  readonly sortOrders: readonly SortOrder[];
  readonly defaultSortOrderId: number;
  readonly refs: Readonly<Record<string, SnapshotRef>>;
  /** Statistics / partition-statistics files: carried through verbatim (raw JSON values). */
  readonly statistics: readonly unknown[];
  readonly partitionStatistics?: readonly unknown[];
}

/** Manifest entry status (field id 0). */
export const ManifestEntryStatus = { EXISTING: 0, ADDED: 1, DELETED: 2 } as const;
/** Manifest entry status value. */
export type ManifestEntryStatus = (typeof ManifestEntryStatus)[keyof typeof ManifestEntryStatus];

/** Data file content (field id 134). */
export const DataFileContent = { DATA: 0, POSITION_DELETES: 1, EQUALITY_DELETES: 2 } as const;
/** Data file content value. */
export type DataFileContent = (typeof DataFileContent)[keyof typeof DataFileContent];

/** Manifest content (field id 517 in the manifest list; `content` header key in the manifest). */
export const ManifestContent = { DATA: 0, DELETES: 1 } as const;
/** Manifest content value. */
export type ManifestContent = (typeof ManifestContent)[keyof typeof ManifestContent];

/**
 * A partition value: the transform's result. int/date results are `number`, long results `bigint`, strings
 * `string`, binary/fixed/uuid `Uint8Array`, boolean `boolean`, float/double `number`, decimal the unscaled
 * `bigint`, timestamp results (identity on timestamp) micros as `bigint`; `null` for null.
 */
export type PartitionValue = number | bigint | string | boolean | Uint8Array | null;

/** A partition tuple keyed by partition field name, in spec order. */
export type PartitionData = Readonly<Record<string, PartitionValue>>;

/** A data or delete file (`data_file`, record `r2`). Map fields are keyed by field id. */
export interface DataFile {
  readonly content: DataFileContent;
  readonly filePath: string;
  readonly fileFormat: 'PARQUET' | 'AVRO' | 'ORC' | 'PUFFIN';
  readonly partition: PartitionData;
  readonly recordCount: bigint;
  readonly fileSizeInBytes: bigint;
  readonly columnSizes?: ReadonlyMap<number, bigint>;
  readonly valueCounts?: ReadonlyMap<number, bigint>;
  readonly nullValueCounts?: ReadonlyMap<number, bigint>;
  readonly nanValueCounts?: ReadonlyMap<number, bigint>;
  readonly lowerBounds?: ReadonlyMap<number, Uint8Array>;
  readonly upperBounds?: ReadonlyMap<number, Uint8Array>;
  readonly keyMetadata?: Uint8Array;
  readonly splitOffsets?: readonly bigint[];
  readonly equalityIds?: readonly number[];
  readonly sortOrderId?: number;
  readonly referencedDataFile?: string;
}

/** A manifest entry (`manifest_entry`). Sequence numbers are `undefined` when inherited (ADDED in v2). */
export interface ManifestEntry {
  readonly status: ManifestEntryStatus;
  readonly snapshotId?: bigint;
  readonly sequenceNumber?: bigint;
  readonly fileSequenceNumber?: bigint;
  readonly dataFile: DataFile;
}

/** Partition field summary in a manifest list (`field_summary`, record `r508`). */
export interface FieldSummary {
  readonly containsNull: boolean;
  readonly containsNan?: boolean;
  readonly lowerBound?: Uint8Array;
  readonly upperBound?: Uint8Array;
}

/** A manifest-list entry (`manifest_file`). */
export interface ManifestFile {
  readonly manifestPath: string;
  readonly manifestLength: bigint;
  readonly partitionSpecId: number;
  readonly content: ManifestContent;
  readonly sequenceNumber: bigint;
  readonly minSequenceNumber: bigint;
  readonly addedSnapshotId: bigint;
  readonly addedFilesCount: number;
  readonly existingFilesCount: number;
  readonly deletedFilesCount: number;
  readonly addedRowsCount: bigint;
  readonly existingRowsCount: bigint;
  readonly deletedRowsCount: bigint;
  readonly partitions?: readonly FieldSummary[];
  readonly keyMetadata?: Uint8Array;
}

/** Table identifier in a catalog. */
export interface TableIdentifier {
  readonly namespace: string;
  readonly name: string;
}
