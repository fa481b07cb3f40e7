import type * as arrow from 'apache-arrow';
import type { LoadedTable } from '../catalog/catalog.js';
import { ValidationConflictError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { getCurrentSchema, getPartitionSpec } from '../metadata/lookup.js';
import type { DataFile } from '../metadata/types.js';
import type { ScanFilter } from '../scan/filter.js';
import { planScan } from '../scan/plan-scan.js';
import { mightMatchPartition } from '../scan/prune-partition.js';
import type { DataWriteOptions } from './append.js';
import { matchesFilter } from './evaluate-filter.js';
import { rewriteRows, writeRowsAndTable } from './rewrite-rows.js';
import type { TableChange } from './table-change.js';

/**
 * Copy-on-write delete/overwrite by filter: files whose partition cannot match are untouched; the others are read,
 * rows matching `filter` dropped, survivors rewritten; `replacement` rows (if any) are added in the same snapshot.
 * Operation: `delete` when only files are removed, `overwrite` when files are also added, `append` when nothing
 * matched. On retry, a concurrently added file that might match the filter is a conflict (serializable isolation).
 */
export async function prepareOverwrite(
  io: FileIO,
  base: LoadedTable,
  filter: ScanFilter,
  replacement: arrow.Table | undefined,
  options: DataWriteOptions = {},
): Promise<TableChange> {
  const plan = await planScan(base.metadata, io, { filter });
  const schema = getCurrentSchema(base.metadata);
  const { removed, removedFiles, survivors } = await rewriteRows(
    io,
    plan,
    plan.tasks,
    (row) => !matchesFilter(filter, row, schema),
  );
  const added = await writeRowsAndTable(survivors, replacement, base.metadata, { ...options, io });
  const operation = removed.length === 0 ? 'append' : added.length === 0 ? 'delete' : 'overwrite';
  const spec = getPartitionSpec(base.metadata);
  return {
    operation,
    added,
    removed,
    ownedFiles: added.map((f) => f.filePath),
    checkConcurrentAdds: (files: readonly DataFile[]) => {
      const hit = files.find(
        (f) => f.content !== 0 || mightMatchPartition(filter, f.partition, spec, schema),
      );
      if (hit)
        throw new ValidationConflictError(
          `iceberg: a concurrent commit added ${hit.filePath}, which may hold rows matching the overwrite filter; redo the operation`,
        );
    },
    summary: { 'nasdaq-pipeline.removed-files': String(removedFiles.length) },
  };
}

/** Delete rows matching `filter` (copy-on-write). See {@link prepareOverwrite}. */
export function prepareDeleteWhere(
  io: FileIO,
  base: LoadedTable,
  filter: ScanFilter,
  options: DataWriteOptions = {},
): Promise<TableChange> {
  return prepareOverwrite(io, base, filter, undefined, options);
}
