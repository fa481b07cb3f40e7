import type { FileIO } from '../io/file-io.js';
import type { PartitionSpec, Schema, SortOrder, TableIdentifier, TableMetadata } from '../metadata/types.js';

/** Table metadata as loaded from a catalog, plus what is needed to swap the pointer from it. */
export interface LoadedTable {
  readonly identifier: TableIdentifier;
  readonly metadata: TableMetadata;
  /** Full URI of the metadata JSON file this state was read from. */
  readonly metadataLocation: string;
  /**
   * Opaque optimistic-concurrency token of the catalog (filesystem: the version number N of `v<N>.metadata.json`;
   * Glue: `Table.VersionId`). Only the catalog that produced it interprets it.
   */
  readonly version: string;
}

/** Options for {@link Catalog.createTable}. */
export interface CreateTableOptions {
  /** Schema with field ids assigned (use `assignFreshIds` to number a draft). `schemaId` is forced to 0. */
  readonly schema: Schema;
  /** Defaults to unpartitioned. Field ids should start at 1000. */
  readonly partitionSpec?: PartitionSpec;
  /** Defaults to unsorted (order id 0). */
  readonly sortOrder?: SortOrder;
  readonly properties?: Readonly<Record<string, string>>;
  /** Table location URI; defaults to `<warehouse>/<namespace>/<name>`. */
  readonly location?: string;
}

/**
 * A catalog maps table identifiers to the current metadata file and swaps that pointer atomically.
 * Implementations: `FilesystemCatalog` here, `GlueCatalog` in `@nasdaq-pipeline/aws`.
 */
export interface Catalog {
  /** @throws {TableNotFoundError} */
  loadTable(identifier: TableIdentifier): Promise<LoadedTable>;
  /**
   * Write the initial metadata file (no snapshot) and register the table.
   * @throws {TableAlreadyExistsError}
   */
  createTable(identifier: TableIdentifier, options: CreateTableOptions): Promise<LoadedTable>;
  /**
   * Write `newMetadata` to a new metadata file and atomically move the table pointer from `base` to it.
   * `newMetadata.metadataLog` must already include `base` (see `buildCommitMetadata`).
   * @throws {CommitConflictError} when the pointer is no longer at `base` (reload, rebase, retry)
   * @throws {CommitStateUnknownError} when the outcome cannot be known (do not delete the commit's files)
   */
  commitTable(base: LoadedTable, newMetadata: TableMetadata): Promise<LoadedTable>;
  tableExists(identifier: TableIdentifier): Promise<boolean>;
  listTables(namespace: string): Promise<TableIdentifier[]>;
  /** Unregister the table; with `purge`, also delete its files. Optional. */
  dropTable?(identifier: TableIdentifier, options?: { purge?: boolean }): Promise<void>;
  /** The FileIO the catalog writes metadata with (ops use it for data and manifests too). */
  readonly io: FileIO;
}
