import { describe, expect, it } from 'vitest';
import type { ResolvedManifestEntry } from '../manifest/read-manifest.js';
import type { DataFile, Schema, TableMetadata } from '../metadata/types.js';
import type { FileScanTask, ScanPlan } from '../scan/plan-scan.js';
import { planCompaction } from './plan-compaction.js';

const schema: Schema = { type: 'struct', schemaId: 0, fields: [] };
function task(path: string, bytes: number, month: number, deletes: DataFile[] = []): FileScanTask {
  const file: DataFile = {
    content: 0,
    filePath: path,
    fileFormat: 'PARQUET',
    partition: { trade_date_month: month },
    recordCount: BigInt(bytes / 10),
    fileSizeInBytes: BigInt(bytes),
  };
  const entry: ResolvedManifestEntry = {
    status: 1,
    snapshotId: 1n,
    sequenceNumber: 1n,
    fileSequenceNumber: 1n,
    dataFile: file,
    partitionSpecId: 0,
    manifestPath: 'm.avro',
  };
  return { file, entry, deletes };
}
const planOf = (tasks: FileScanTask[]): ScanPlan => ({
  metadata: {} as TableMetadata,
  schema,
  tasks,
  files: tasks.map((t) => t.file.filePath),
  deletes: [],
});

describe('planCompaction', () => {
  it('groups small files per partition, skips big files and partitions with too few files', () => {
    const tasks = [
      ...[1, 2, 3].map((i) => task(`a${i}`, 100, 650)),
      task('big', 10_000, 650),
      task('lonely', 100, 651),
    ];
    const groups = planCompaction(planOf(tasks), { minFiles: 2, targetBytes: 1000 });
    expect(groups).toHaveLength(1);
    expect(groups[0]?.files.map((f) => f.filePath).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(groups[0]).toMatchObject({
      partition: { trade_date_month: 650 },
      totalBytes: 300,
      totalRecords: 30,
    });
  });

  it('bin-packs to the target size and honours minFiles', () => {
    const tasks = [...Array(6).keys()].map((i) => task(`f${i}`, 400, 650));
    const groups = planCompaction(planOf(tasks), { minFiles: 2, targetBytes: 1000 });
    expect(groups.map((g) => g.files.length)).toEqual([2, 2, 2]);
    expect(groups.every((g) => g.totalBytes <= 1000)).toBe(true);
    expect(planCompaction(planOf(tasks), { minFiles: 5, targetBytes: 1000 })).toEqual([]);
  });

  it('always rewrites a file that has delete files', () => {
    const del: DataFile = { ...task('d', 10, 650).file, content: 1 };
    const groups = planCompaction(planOf([task('x', 10_000, 650, [del])]), {
      minFiles: 5,
      targetBytes: 1000,
    });
    expect(groups).toHaveLength(1);
    expect(groups[0]?.tasks[0]?.deletes).toEqual([del]);
  });
});
