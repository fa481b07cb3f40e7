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
