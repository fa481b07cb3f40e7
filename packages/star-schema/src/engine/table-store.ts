import type { DataFileStats, PendingCommitRecord } from '@nasdaq-pipeline/iceberg';
import type { TableDefinition } from '../tables/table-definition.js';

/** Partition tuple of a data file keyed by partition field name (`{ trade_date_month: 649 }`); `{}` unpartitioned. */
export type PartitionValues = Readonly<Record<string, number>>;

/** A live data file of a table, readable by the engine at `localPath`. */
export interface StoredFile {
  /** The file's identity in the table (an Iceberg data-file path such as `file:///…` or `s3://…`). */
  readonly uri: string;
  /** A local path DuckDB can read (the same file, or a downloaded copy). */
  readonly localPath: string;
  readonly partition: PartitionValues;
}

/** What the writer reported about a file it wrote (record count, size, column metrics by field id). */
export type WrittenFileStats = Omit<DataFileStats, 'path'>;

/** A Parquet file the engine wrote (with Iceberg field ids) for one partition. */
export interface WrittenFile {
  readonly localPath: string;
  readonly partition: PartitionValues;
  /**
   * The writer's own account of the file, when it gave one (DuckDB's `RETURN_STATS`): a store registers the file
   * from it instead of reading the footer back (one less request per file on S3).
   */
  readonly stats?: WrittenFileStats;
}

/** A copy-on-write change of one table: drop `remove`, add `add`. */
export interface TableChange {
  readonly remove: readonly StoredFile[];
  readonly add: readonly WrittenFile[];
  /** `rebuild` replaces the whole table; `upsert` rewrites the partitions touched. */
  readonly mode: 'upsert' | 'rebuild';
}

/** A change written but not visible to readers yet. */
export interface StagedTable {
  readonly table: string;
  /** Local paths of every live data file of the staged snapshot (for validating it before publishing). */
  readonly files: readonly string[];
  /** Rows added by this change. */
  readonly addedFiles: number;
  /**
   * The staged Iceberg commit written down, for a publish journal that lets another process finish an
   * interrupted multi-table publish (`completePendingCommit`). Absent for stores without a catalog.
   */
  readonly pendingCommit?: PendingCommitRecord;
  /** Make the staged snapshot current (atomic per table). */
  publish(): Promise<void>;
  /** Drop the staged snapshot; readers never saw it. */
  abandon(): Promise<void>;
}

/**
 * Where tables live: the small interface the engine needs (an Iceberg catalog adapter, or plain Parquet folders).
 * `listFiles` with `fromDate` may leave out files of partitions wholly before that date (partition pruning).
 */
export interface TableStore {
  listFiles(table: TableDefinition, options?: { readonly fromDate?: string }): Promise<readonly StoredFile[]>;
  stage(table: TableDefinition, change: TableChange): Promise<StagedTable>;
}
