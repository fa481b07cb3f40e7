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

// write side
export { parseTableMetadata, serializeTableMetadata } from './metadata/table-metadata-json.js';
export {
  parseIcebergType,
  parseSchema,
  serializeIcebergType,
  serializeSchema,
} from './metadata/type-json.js';
export { parseLosslessJson, stringifyLosslessJson } from './metadata/json.js';
export { newTableMetadata } from './metadata/new-table-metadata.js';
export type { NewTableMetadataOptions } from './metadata/new-table-metadata.js';
export {
  getCurrentSchema,
  getCurrentSnapshot,
  getFieldById,
  getFieldByName,
  getPartitionSpec,
  getSnapshot,
  getSnapshotAsOf,
} from './metadata/lookup.js';
export {
  applyTransform,
  formatPartitionValue,
  getDefaultPartitionName,
  getTransformResultType,
} from './metadata/transforms.js';
export type { IcebergValue } from './metadata/transforms.js';
export { buildPartitionSpec } from './metadata/build-partition-spec.js';
export type { PartitionFieldInput } from './metadata/build-partition-spec.js';
export { deserializeSingleValue, serializeSingleValue } from './metadata/single-value.js';
export { LocalFileIO, toFileUri, toLocalPath } from './io/local-file-io.js';
export { FilesystemCatalog } from './catalog/filesystem-catalog.js';
export type { FilesystemCatalogOptions } from './catalog/filesystem-catalog.js';
export { writeAvroContainer } from './avro/write-container.js';
export type { AvroContainerOptions } from './avro/write-container.js';
export type { AvroSchemaJson } from './avro/write-encoder.js';
export { getManifestEntryAvroSchema, MANIFEST_FILE_AVRO_SCHEMA } from './avro/schemas.js';
export { writeManifest, writeManifestList } from './manifest/write-manifest.js';
export type { WriteManifestListOptions, WriteManifestOptions } from './manifest/write-manifest.js';
export { toArrowSchema, toArrowType, PARQUET_FIELD_ID_KEY } from './parquet/arrow-schema.js';
export { conformArrowTable } from './parquet/conform-arrow.js';
export { writeParquetBytes, writeParquetStreamed } from './parquet/write-parquet.js';
export type { WriteParquetOptions } from './parquet/write-parquet.js';
export { dataFileFromParquet, readParquetFooter } from './parquet/data-file-from-parquet.js';
export type { DataFileFromParquetOptions, ParquetSource } from './parquet/data-file-from-parquet.js';
export { dataFileFromStats } from './parquet/data-file-from-stats.js';
export type { ColumnStats, DataFileStats } from './parquet/data-file-from-stats.js';
export { getDataLocation, writeDataFiles } from './parquet/write-data-files.js';
export type { WriteDataFilesOptions } from './parquet/write-data-files.js';
export type { RemovedFile, TableChange } from './ops/table-change.js';
export { generateSnapshotId } from './ops/commit-options.js';
export type { CommitOptions } from './ops/commit-options.js';
export { commitChange, stageChange } from './ops/commit-change.js';
export type { StagedCommit } from './ops/commit-change.js';
export { completePendingCommit, describeStagedCommit } from './ops/pending-commit.js';
export type { PendingCommitOutcome, PendingCommitRecord } from './ops/pending-commit.js';
export { getMetadataLocation, produceSnapshot } from './ops/produce-snapshot.js';
export type { CommitState, ProducedSnapshot } from './ops/produce-snapshot.js';
export { buildSnapshotSummary } from './ops/snapshot-summary.js';
export { prepareAppend, prepareAppendFiles, prepareAppendParquet } from './ops/append.js';
export type { DataWriteOptions } from './ops/append.js';
export { prepareDeleteWhere, prepareOverwrite } from './ops/delete-where.js';
export { prepareUpsert } from './ops/upsert.js';
export { prepareCompaction, prepareReplaceFiles } from './ops/replace.js';
export { matchesFilter } from './ops/evaluate-filter.js';
export { collectFilesAddedSince } from './ops/files-added-since.js';
export { Table } from './table.js';
export { rowsToArrow } from './ops/row-values.js';
export type { PrepareChange, TableOptions } from './table.js';

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
export type { TimestampMode } from './scan/read-parquet.js';
export { mightMatchManifest } from './scan/prune-manifest.js';
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
