/**
 * `@nasdaq-pipeline/iceberg/read`: the read side of the package — the filesystem catalog, local FileIO,
 * snapshot selection, scan planning and the DuckDB scan helpers — without the Parquet writer. Importing it loads
 * neither Apache Arrow nor any WebAssembly, so a process that only plans scans (a query, a listing) starts fast.
 * Everything here is also exported by the package root.
 *
 * @packageDocumentation
 */
export type {
  DataFile,
  IcebergType,
  NestedField,
  PartitionSpec,
  Schema,
  Snapshot,
  TableIdentifier,
  TableMetadata,
} from './metadata/types.js';
export type { FileIO, FileInfo } from './io/file-io.js';
export type { Catalog, LoadedTable } from './catalog/catalog.js';
export { LocalFileIO, toFileUri, toLocalPath } from './io/local-file-io.js';
export { FilesystemCatalog } from './catalog/filesystem-catalog.js';
export type { FilesystemCatalogOptions } from './catalog/filesystem-catalog.js';
export { selectSnapshot } from './scan/select-snapshot.js';
export { planScan, readLiveEntries } from './scan/plan-scan.js';
export type { FileScanTask, PlanScanOptions, ScanPlan } from './scan/plan-scan.js';
export { buildDuckDbScanSql, toDuckDbType, toEnginePath } from './scan/duckdb-sql.js';
// Recovery on open: a reader that finds an interrupted multi-table publish finishes it before reading.
export { completePendingCommit } from './ops/pending-commit.js';
export type { PendingCommitOutcome, PendingCommitRecord } from './ops/pending-commit.js';
