/**
 * Compaction planning (Java `RewriteDataFiles` bin-pack): group small files of one partition so the write
 * side's replace operation can rewrite each group into files near the target size.
 */
import type { DataFile, PartitionData } from '../metadata/types.js';
import type { FileScanTask, ScanPlan } from '../scan/plan-scan.js';
import { partitionKey } from '../scan/prune-partition.js';

/** Options of {@link planCompaction}. */
export interface PlanCompactionOptions {
  /** A group is only worth rewriting with at least this many files (default 5, as Java). */
  readonly minFiles?: number;
  /** Desired output file size in bytes (default 128 MiB). Files at or above 75% of it are left alone. */
  readonly targetBytes?: number;
}

/** Files of one partition to rewrite together. */
export interface CompactionGroup {
  readonly specId: number;
  readonly partition: PartitionData;
  /** Scan tasks of the files (with their delete files): read them with `readRows({ ...plan, tasks })`. */
  readonly tasks: readonly FileScanTask[];
  /** The data files to replace. */
  readonly files: readonly DataFile[];
  readonly totalBytes: number;
  readonly totalRecords: number;
}

/**
 * Bin-packs the plan's small files per partition (spec id + partition tuple). Files with delete files
 * attached are always candidates, since rewriting them applies the deletes.
 */
export function planCompaction(plan: ScanPlan, options: PlanCompactionOptions = {}): CompactionGroup[] {
  const minFiles = options.minFiles ?? 5;
  const target = options.targetBytes ?? 128 * 1024 * 1024;
  const byPartition = new Map<string, FileScanTask[]>();
  for (const t of plan.tasks) {
    const small = Number(t.file.fileSizeInBytes) < target * 0.75;
    if (!small && t.deletes.length === 0) continue;
    const key = partitionKey(t.entry.partitionSpecId, t.file.partition);
    const list = byPartition.get(key) ?? [];
    list.push(t);
    byPartition.set(key, list);
  }
  const groups: CompactionGroup[] = [];
  for (const tasks of byPartition.values()) {
    // First-fit decreasing keeps bins close to the target.
    const sorted = [...tasks].sort((a, b) => Number(b.file.fileSizeInBytes - a.file.fileSizeInBytes));
    const bins: { tasks: FileScanTask[]; bytes: number }[] = [];
    for (const t of sorted) {
      const size = Number(t.file.fileSizeInBytes);
      const bin = bins.find((b) => b.bytes + size <= target);
      if (bin) {
        bin.tasks.push(t);
        bin.bytes += size;
      } else bins.push({ tasks: [t], bytes: size });
    }
    for (const bin of bins) {
      const hasDeletes = bin.tasks.some((t) => t.deletes.length > 0);
      if (bin.tasks.length < minFiles && !hasDeletes) continue;
      if (bin.tasks.length < 2 && !hasDeletes) continue;
      const first = bin.tasks[0] as FileScanTask;
      groups.push({
        specId: first.entry.partitionSpecId,
        partition: first.file.partition,
        tasks: bin.tasks,
        files: bin.tasks.map((t) => t.file),
        totalBytes: bin.bytes,
        totalRecords: bin.tasks.reduce((n, t) => n + Number(t.file.recordCount), 0),
      });
    }
  }
  return groups;
}
