import type * as arrow from 'apache-arrow';
import type { FileIO } from '../io/file-io.js';
import type { DataFile, TableMetadata } from '../metadata/types.js';
import { writeDataFiles, type WriteDataFilesOptions } from '../parquet/write-data-files.js';
import type { FileScanTask, ScanPlan } from '../scan/plan-scan.js';
import { readRows, type Row } from '../scan/read-rows.js';
import { rowsToArrow } from './row-values.js';
import type { RemovedFile } from './table-change.js';

/** Result of {@link rewriteRows}. */
export interface RewriteResult {
  readonly removed: RemovedFile[];
  readonly removedFiles: DataFile[];
  /** Rows kept from the rewritten files (to be written by the caller, possibly with new rows). */
  readonly survivors: Row[];
  /** Rows dropped by `keep`. */
  readonly droppedRows: number;
}

/**
 * Copy-on-write core: read each task's rows (existing position/equality deletes applied), keep the rows `keep`
 * accepts. A file with every row kept and no deletes is left alone; otherwise it is removed and its survivors
 * returned for rewriting (iceberg.md §8).
 */
export async function rewriteRows(
  io: FileIO,
  plan: ScanPlan,
  tasks: readonly FileScanTask[],
  keep: (row: Row) => boolean,
): Promise<RewriteResult> {
  const removed: RemovedFile[] = [];
  const removedFiles: DataFile[] = [];
  const survivors: Row[] = [];
  let droppedRows = 0;
  for (const task of tasks) {
    const rows = await readRows(io, { ...plan, tasks: [task] }, { timestamps: 'micros' });
    const kept = rows.filter(keep);
    if (kept.length === rows.length && task.deletes.length === 0) continue;
    droppedRows += rows.length - kept.length;
    removed.push({ path: task.file.filePath, manifestPath: task.entry.manifestPath });
    removedFiles.push(task.file);
    for (const r of kept) survivors.push(r);
  }
  return { removed, removedFiles, survivors, droppedRows };
}

/** Write survivor rows (and optional new Arrow rows) as data files of the table. */
export async function writeRowsAndTable(
  rows: readonly Row[],
  table: arrow.Table | undefined,
  metadata: TableMetadata,
  options: Omit<WriteDataFilesOptions, 'metadata'>,
): Promise<DataFile[]> {
  const out: DataFile[] = [];
  const schema = metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId)!;
  if (rows.length > 0)
    out.push(...(await writeDataFiles(rowsToArrow(rows, schema), { ...options, metadata })));
  if (table && table.numRows > 0) out.push(...(await writeDataFiles(table, { ...options, metadata })));
  return out;
}
