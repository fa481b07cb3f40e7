import type * as arrow from 'apache-arrow';
import type { LoadedTable } from '../catalog/catalog.js';
import { ValidationError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { getCurrentSchema } from '../metadata/lookup.js';
import type { DataFile } from '../metadata/types.js';
import { getPartitionSpec } from '../metadata/lookup.js';
import { dataFileFromParquet } from '../parquet/data-file-from-parquet.js';
import { writeDataFiles, type WriteDataFilesOptions } from '../parquet/write-data-files.js';
import type { TableChange } from './table-change.js';

/** Data-file writing options shared by the operations (everything but `io` and `metadata`). */
export type DataWriteOptions = Omit<WriteDataFilesOptions, 'io' | 'metadata'>;

/**
 * A fast-append change of already written data files (e.g. registered with `dataFileFromParquet`). Existing
 * manifests are carried over untouched, so the commit cost does not grow with table history.
 * @throws {ValidationError} for delete files or files of an unknown partition shape
 */
export function prepareAppendFiles(
  files: readonly DataFile[],
  summary?: Readonly<Record<string, string>>,
): TableChange {
  for (const f of files)
    if (f.content !== 0)
      throw new ValidationError(`iceberg: append takes data files, got delete file ${f.filePath}`);
  return { operation: 'append', added: files, removed: [], ...(summary ? { summary } : {}) };
}

/** Write an Arrow table as data files and return the append change (files owned: deleted if the commit fails). */
export async function prepareAppend(
  io: FileIO,
  base: LoadedTable,
  table: arrow.Table,
  options: DataWriteOptions = {},
): Promise<TableChange> {
  getCurrentSchema(base.metadata);
  const files = await writeDataFiles(table, { ...options, io, metadata: base.metadata });
  return { ...prepareAppendFiles(files), ownedFiles: files.map((f) => f.filePath) };
}

/**
 * Register Parquet files written elsewhere (e.g. DuckDB `COPY … (FORMAT parquet, FIELD_IDS {…})`, placed under the
 * table's `data/` folder with unique names) as an append: metrics and partition tuples come from their footers.
 * The files are not owned: a failed commit leaves them in place.
 * @throws {ValidationError} when a file lacks field ids or spans several partitions
 */
export async function prepareAppendParquet(
  io: FileIO,
  base: LoadedTable,
  paths: readonly string[],
): Promise<TableChange> {
  const schema = getCurrentSchema(base.metadata);
  const spec = getPartitionSpec(base.metadata);
  const files: DataFile[] = [];
  for (const path of paths) files.push(await dataFileFromParquet({ io, path }, { schema, spec }));
  return prepareAppendFiles(files);
}
