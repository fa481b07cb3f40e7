import type * as arrow from 'apache-arrow';
import type { CreateTableOptions, LoadedTable } from './catalog/catalog.js';
import { ValidationConflictError } from './errors.js';
import type { FileIO } from './io/file-io.js';
import type { DataFile } from './metadata/types.js';
import {
  prepareAppend,
  prepareAppendFiles,
  prepareAppendParquet,
  type DataWriteOptions,
} from './ops/append.js';
import { commitChange, stageChange, type StagedCommit } from './ops/commit-change.js';
import type { CommitOptions } from './ops/commit-options.js';
import { prepareDeleteWhere, prepareOverwrite } from './ops/delete-where.js';
import { prepareCompaction, prepareReplaceFiles } from './ops/replace.js';
import type { RemovedFile, TableChange } from './ops/table-change.js';
import { prepareUpsert } from './ops/upsert.js';
import type { ScanFilter } from './scan/filter.js';
import { planScan, type PlanScanOptions, type ScanPlan } from './scan/plan-scan.js';

/** Options of {@link Table}: where to commit, plus defaults for data files written by operations. */
export interface TableOptions extends CommitOptions {
  readonly write?: DataWriteOptions;
  /** Times an operation is recomputed from fresh data after a `ValidationConflictError`. Default 2. */
  readonly redoAttempts?: number;
}

/** Builds a change from the table state it will be applied to. */
export type PrepareChange = (io: FileIO, base: LoadedTable) => Promise<TableChange>;

/**
 * A table in a catalog with the write operations. Every method loads the current state, writes data files,
 * and commits one snapshot with optimistic-concurrency retry; `stage*` methods stop before the pointer swap.
 */
export class Table {
  readonly options: TableOptions;

  constructor(options: TableOptions) {
    this.options = options;
  }

  /**
   * Create the table in the catalog and return it.
   * @throws {TableAlreadyExistsError}
   */
  static async create(options: TableOptions, create: CreateTableOptions): Promise<Table> {
    await options.catalog.createTable(options.identifier, create);
    return new Table(options);
  }

  /** The catalog's FileIO. */
  get io(): FileIO {
    return this.options.catalog.io;
  }

  /** Current state. @throws {TableNotFoundError} */
  load(): Promise<LoadedTable> {
    return this.options.catalog.loadTable(this.options.identifier);
  }

  /** Plan a read of the current (or time-travelled) snapshot. */
  async scan(options: PlanScanOptions = {}): Promise<ScanPlan> {
    return planScan((await this.load()).metadata, this.io, options);
  }

  /** Append an Arrow table (written as Parquet) or already written data files. Fast append: never re-validated. */
  append(data: arrow.Table | readonly DataFile[]): Promise<LoadedTable> {
    return this.run(this.appendChange(data));
  }

  /** Append Parquet files written elsewhere (DuckDB `COPY … FIELD_IDS`), metrics read from their footers. */
  appendParquet(paths: readonly string[]): Promise<LoadedTable> {
    return this.run((io, base) => prepareAppendParquet(io, base, paths));
  }

  /** Replace the rows matching `filter` with `data` in one `overwrite` snapshot (copy-on-write). */
  overwrite(filter: ScanFilter, data?: arrow.Table): Promise<LoadedTable> {
    return this.run((io, base) => prepareOverwrite(io, base, filter, data, this.options.write));
  }

  /** Upsert `data` by `keyColumns`, rewriting only files that hold one of the keys. */
  upsert(data: arrow.Table, keyColumns: readonly string[]): Promise<LoadedTable> {
    return this.run((io, base) => prepareUpsert(io, base, data, keyColumns, this.options.write));
  }

  /** Delete rows matching `filter` (copy-on-write). */
  deleteWhere(filter: ScanFilter): Promise<LoadedTable> {
    return this.run((io, base) => prepareDeleteWhere(io, base, filter, this.options.write));
  }

  /** Commit a `replace` of live files by files holding the same rows (compaction primitive). */
  replaceFiles(
    removed: readonly (DataFile | RemovedFile)[],
    added: readonly DataFile[],
  ): Promise<LoadedTable> {
    return commitChange(this.options, prepareReplaceFiles(removed, added));
  }

  /** Rewrite the given live data files into as few files as possible per partition (`replace` snapshot). */
  compact(paths: readonly string[]): Promise<LoadedTable> {
    return this.run((io, base) => prepareCompaction(io, base, paths, this.options.write));
  }

  /** Stage an append (see {@link StagedCommit}). */
  stageAppend(data: arrow.Table | readonly DataFile[]): Promise<StagedCommit> {
    return this.stage(this.appendChange(data));
  }

  /** Stage an append of Parquet files written elsewhere. */
  stageAppendParquet(paths: readonly string[]): Promise<StagedCommit> {
    return this.stage((io, base) => prepareAppendParquet(io, base, paths));
  }

  /** Stage an upsert. */
  stageUpsert(data: arrow.Table, keyColumns: readonly string[]): Promise<StagedCommit> {
    return this.stage((io, base) => prepareUpsert(io, base, data, keyColumns, this.options.write));
  }

  /** Stage an overwrite by filter. */
  stageOverwrite(filter: ScanFilter, data?: arrow.Table): Promise<StagedCommit> {
    return this.stage((io, base) => prepareOverwrite(io, base, filter, data, this.options.write));
  }

  /**
   * Stage any change: data files, manifests and the manifest list are written, the pointer is not swapped.
   * Scan it with `planScan(staged.metadata, io)`, then `publish()` or `abandon()`.
   */
  async stage(prepare: PrepareChange): Promise<StagedCommit> {
    const base = await this.load();
    return stageChange(this.options, await prepare(this.io, base), base);
  }

  /**
   * Prepare and commit, recomputing the change from fresh data when a concurrent commit invalidated it
   * (`ValidationConflictError`, e.g. another writer rewrote a file this upsert removes).
   */
  async run(prepare: PrepareChange): Promise<LoadedTable> {
    const attempts = 1 + (this.options.redoAttempts ?? 2);
    for (let i = 1; ; i += 1) {
      const base = await this.load();
      try {
        const change = await prepare(this.io, base);
        // Nothing to do (e.g. an empty append or a delete that matched no row): no empty snapshot.
        if (change.added.length === 0 && change.removed.length === 0) return base;
        return await commitChange(this.options, change, base);
      } catch (error) {
        if (!(error instanceof ValidationConflictError) || i >= attempts) throw error;
      }
    }
  }

  private appendChange(data: arrow.Table | readonly DataFile[]): PrepareChange {
    return async (io, base) =>
      Array.isArray(data)
        ? prepareAppendFiles(data as readonly DataFile[])
        : prepareAppend(io, base, data as arrow.Table, this.options.write);
  }
}
