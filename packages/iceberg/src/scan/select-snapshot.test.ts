import { describe, expect, it } from 'vitest';
import type { Snapshot, TableMetadata } from '../metadata/types.js';
import { rebasePath } from './rebase-file-io.js';
import { selectSchema, selectSnapshot } from './select-snapshot.js';

const snap = (id: bigint, ts: number, schemaId: number): Snapshot => ({
  snapshotId: id,
  sequenceNumber: id,
  timestampMs: ts,
  manifestList: `l${id}`,
  summary: { operation: 'append' },
  schemaId,
});
const metadata = {
  location: 'file:///t',
  currentSchemaId: 1,
  schemas: [
    { type: 'struct', schemaId: 0, fields: [] },
    { type: 'struct', schemaId: 1, fields: [] },
  ],
  snapshots: [snap(1n, 1000, 0), snap(2n, 2000, 1), snap(3n, 3000, 1)],
  // The pointer went 1 → 3 → 2 (a rollback): time travel follows the log, not snapshot timestamps.
  snapshotLog: [
    { timestampMs: 1000, snapshotId: 1n },
    { timestampMs: 3000, snapshotId: 3n },
    { timestampMs: 3500, snapshotId: 2n },
  ],
  currentSnapshotId: 2n,
  refs: { main: { snapshotId: 2n, type: 'branch' }, audit: { snapshotId: 1n, type: 'tag' } },
} as unknown as TableMetadata;

describe('selectSnapshot', () => {
  it('picks current, by id, by ref, and as of a time from the snapshot log', () => {
    expect(selectSnapshot(metadata)?.snapshotId).toBe(2n);
    expect(selectSnapshot(metadata, { snapshotId: 3n })?.snapshotId).toBe(3n);
    expect(selectSnapshot(metadata, { ref: 'audit' })?.snapshotId).toBe(1n);
    expect(selectSnapshot(metadata, { asOfTimestamp: 2500 })?.snapshotId).toBe(1n);
    expect(selectSnapshot(metadata, { asOfTimestamp: new Date(3200) })?.snapshotId).toBe(3n);
    expect(selectSnapshot(metadata, { asOfTimestamp: 999 })).toBeUndefined();
  });

  it('rejects unknown snapshots and refs', () => {
    expect(() => selectSnapshot(metadata, { snapshotId: 9n })).toThrow(/snapshot 9 not found/);
    expect(() => selectSnapshot(metadata, { ref: 'nope' })).toThrow(/ref nope not found/);
    const expired = { ...metadata, snapshots: metadata.snapshots.slice(1) };
    expect(() => selectSnapshot(expired, { asOfTimestamp: 1500 })).toThrow(
      /snapshot 1, current at .* has expired/,
    );
  });

  it('reads time travel with the snapshot schema and the current snapshot with the current schema', () => {
    expect(selectSchema(metadata, metadata.snapshots[0], true).schemaId).toBe(0);
    expect(selectSchema(metadata, metadata.snapshots[0], false).schemaId).toBe(1);
  });
});

describe('rebasePath', () => {
  const map = [{ from: 's3://bucket/tbl', to: 'file:///copy/tbl/' }];
  it('maps the recorded prefix, treating s3a:// as s3://, and leaves other paths alone', () => {
    expect(rebasePath('s3a://bucket/tbl/data/x.parquet', map)).toBe('file:///copy/tbl/data/x.parquet');
    expect(rebasePath('s3://bucket/tbl', map)).toBe('file:///copy/tbl');
    expect(rebasePath('s3://bucket/tbl2/x', map)).toBe('s3://bucket/tbl2/x');
  });
});
