import type { DataFile, SnapshotOperation, SnapshotSummary } from '../metadata/types.js';

function partitionKey(file: DataFile): string {
  return JSON.stringify(file.partition, (_k, v: unknown) =>
    typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
  );
}

/**
 * Snapshot summary (spec Appendix F): `added-*`/`deleted-*` counters of this change (zero deltas omitted, like
 * PyIceberg), `changed-partition-count`, and the six totals = parent totals + added − removed (always written, like
 * Java). A parent whose summary lacks a total leaves that total out (it cannot be derived without a full scan).
 */
export function buildSnapshotSummary(
  operation: SnapshotOperation,
  added: readonly DataFile[],
  removed: readonly DataFile[],
  parent: SnapshotSummary | undefined,
  extra: Readonly<Record<string, string>> = {},
): SnapshotSummary {
  const sum = (files: readonly DataFile[], f: (d: DataFile) => bigint): bigint =>
    files.reduce((a, d) => a + f(d), 0n);
  const data = (files: readonly DataFile[]): DataFile[] => files.filter((f) => f.content === 0);
  const addedData = data(added);
  const removedData = data(removed);
  const counters: [string, bigint][] = [
    ['added-data-files', BigInt(addedData.length)],
    ['deleted-data-files', BigInt(removedData.length)],
    ['added-records', sum(addedData, (d) => d.recordCount)],
    ['deleted-records', sum(removedData, (d) => d.recordCount)],
    ['added-files-size', sum(added, (d) => d.fileSizeInBytes)],
    ['removed-files-size', sum(removed, (d) => d.fileSizeInBytes)],
  ];
  const out: Record<string, string> = { ...extra, operation };
  for (const [k, v] of counters) if (v !== 0n) out[k] = String(v);
  const partitions = new Set([...added, ...removed].map(partitionKey));
  out['changed-partition-count'] = String(partitions.size);
  const totals: [string, bigint][] = [
    ['total-records', sum(addedData, (d) => d.recordCount) - sum(removedData, (d) => d.recordCount)],
    ['total-files-size', sum(added, (d) => d.fileSizeInBytes) - sum(removed, (d) => d.fileSizeInBytes)],
    ['total-data-files', BigInt(addedData.length - removedData.length)],
    ['total-delete-files', 0n],
    ['total-position-deletes', 0n],
    ['total-equality-deletes', 0n],
  ];
  for (const [k, delta] of totals) {
    const prev = parent === undefined ? '0' : parent[k];
    if (prev === undefined || !/^-?\d+$/.test(prev)) continue;
    out[k] = String(BigInt(prev) + delta);
  }
  return out as SnapshotSummary;
}
