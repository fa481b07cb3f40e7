import type { LoadedTable } from '../catalog/catalog.js';
import { ValidationError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import type { DataFile } from '../metadata/types.js';
import { planScan } from '../scan/plan-scan.js';
import type { DataWriteOptions } from './append.js';
import { readRows } from '../scan/read-rows.js';
import { writeRowsAndTable } from './rewrite-rows.js';
import type { RemovedFile, TableChange } from './table-change.js';

/**
 * A `replace` change (compaction primitive): swap live files for files holding the same rows. The caller
 * guarantees the data is unchanged; removed files must still be live at commit time (re-checked on retry).
 * @throws {ValidationError} when `added` holds more rows than `removed`
 */
export function prepareReplaceFiles(
  removed: readonly (DataFile | RemovedFile)[],
  added: readonly DataFile[],
): TableChange {
  const removedRows = removed.reduce((a, f) => a + ('recordCount' in f ? f.recordCount : 0n), 0n);
  const addedRows = added.reduce((a, f) => a + f.recordCount, 0n);
  if (removed.every((f) => 'recordCount' in f) && addedRows > removedRows) {
    throw new ValidationError(
      `iceberg: replace would add rows (${addedRows} > ${removedRows}); use overwrite`,
    );
  }
  return {
    operation: 'replace',
    added,
    removed: removed.map((f) => ('filePath' in f ? { path: f.filePath } : f)),
  };
}

/**
 * Compact the given live data files: read their rows (deletes applied), write them as new files (one per
 * partition, up to `targetFileRows`), and return the `replace` change.
 * @throws {ValidationError} when a path is not a live data file
 */
export async function prepareCompaction(
  io: FileIO,
  base: LoadedTable,
  paths: readonly string[],
  options: DataWriteOptions = {},
): Promise<TableChange> {
  const plan = await planScan(base.metadata, io);
  const wanted = new Set(paths);
  const tasks = plan.tasks.filter((t) => wanted.has(t.file.filePath));
  if (tasks.length !== wanted.size)
    throw new ValidationError('iceberg: compaction names files that are not live data files');
  const rows = await readRows(io, { ...plan, tasks }, { timestamps: 'micros' });
  const added = await writeRowsAndTable(rows, undefined, base.metadata, { ...options, io });
  return {
    ...prepareReplaceFiles(
      tasks.map((t) => ({ path: t.file.filePath, manifestPath: t.entry.manifestPath })),
      added,
    ),
    ownedFiles: added.map((f) => f.filePath),
  };
}
