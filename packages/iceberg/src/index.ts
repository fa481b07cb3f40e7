/**
 * @nasdaq-pipeline/iceberg: Apache Iceberg v2 tables from TypeScript: metadata, Avro manifests, Parquet data files, commits, scans and maintenance.
 *
 * @packageDocumentation
 */
export type {
  DataFile,
  FieldSummary,
  IcebergType,
  ListType,
  ManifestEntry,
  ManifestFile,
  MapType,
  MetadataLogEntry,
  NestedField,
  PartitionData,
  PartitionField,
  PartitionSpec,
  PartitionValue,
  PrimitiveTypeName,
  Schema,
  Snapshot,
  SnapshotLogEntry,
  SnapshotOperation,
  SnapshotRef,
  SnapshotSummary,
  SortField,
  SortOrder,
  StructType,
  TableIdentifier,
  TableMetadata,
  Transform,
} from './metadata/types.js';
export { DataFileContent, ManifestContent, ManifestEntryStatus } from './metadata/types.js';
export type { FileIO, FileInfo } from './io/file-io.js';
export type { Catalog, CreateTableOptions, LoadedTable } from './catalog/catalog.js';
export {
  CommitConflictError,
  CommitStateUnknownError,
  IcebergError,
  NotFoundError,
  TableAlreadyExistsError,
  TableNotFoundError,
  UnsupportedFormatVersionError,
  ValidationConflictError,
  ValidationError,
} from './errors.js';
export type { IcebergErrorOptions } from './errors.js';

// read side
export { readAvroContainer } from './avro/read-container.js';
export type { AvroContainer } from './avro/read-container.js';
export type { AvroValue } from './avro/read-decoder.js';
export type { AvroField, AvroType } from './avro/read-schema.js';
export { readManifestList } from './manifest/read-manifest-list.js';
export { readManifest, readManifestWithHeader } from './manifest/read-manifest.js';
export type { ManifestHeader, ResolvedManifestEntry } from './manifest/read-manifest.js';
export { and, eq, gt, gtEq, isIn, lt, ltEq, or } from './scan/filter.js';
export type { FilterLiteral, ScanFilter } from './scan/filter.js';
export { mightMatchPartition } from './scan/prune-partition.js';
export { selectSnapshot } from './scan/select-snapshot.js';
export type { SnapshotSelector } from './scan/select-snapshot.js';
export { planScan, readLiveEntries } from './scan/plan-scan.js';
export type { FileScanTask, PlanScanOptions, ScanPlan } from './scan/plan-scan.js';
export { readRows } from './scan/read-rows.js';
export type { ReadRowsOptions, Row } from './scan/read-rows.js';
export { buildDuckDbScanSql, toDuckDbType, toEnginePath } from './scan/duckdb-sql.js';
export type { DuckDbScanOptions } from './scan/duckdb-sql.js';
export { rebaseFileIO, rebasePath } from './scan/rebase-file-io.js';
export type { LocationMapping } from './scan/rebase-file-io.js';
export { openTableFolder, parseMetadataVersion } from './scan/open-table-folder.js';
export type { FolderTable } from './scan/open-table-folder.js';
export { expireSnapshots, selectExpiredSnapshots } from './maintenance/expire-snapshots.js';
export type { ExpireSnapshotsOptions, ExpireSnapshotsResult } from './maintenance/expire-snapshots.js';
export { removeOrphanFiles } from './maintenance/remove-orphan-files.js';
export type { RemoveOrphanFilesOptions } from './maintenance/remove-orphan-files.js';
export { listReferencedFiles } from './maintenance/reachable-files.js';
export { planCompaction } from './maintenance/plan-compaction.js';
export type { CompactionGroup, PlanCompactionOptions } from './maintenance/plan-compaction.js';
