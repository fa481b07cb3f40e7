import { describe, expect, it } from 'vitest';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import { fixtureTable, haveFixtures } from '../test-support/fixtures.js';
import { eq, isIn, gtEq } from './filter.js';
import { openTableFolder } from './open-table-folder.js';
import { planScan } from './plan-scan.js';
import { readRows } from './read-rows.js';

const open = (name: string, metadataFileName?: string) =>
  openTableFolder(
    new LocalFileIO(),
    toFileUri(fixtureTable(name)),
    metadataFileName ? { metadataFileName } : {},
  );

describe.skipIf(!haveFixtures())('reading tables other engines wrote (../shared/fixtures/iceberg)', () => {
  it('java/bunnies v5: applies the position delete and the equality delete (15 rows)', async () => {
    const t = await open('java/bunnies');
    expect(t.metadataLocation).toMatch(/v5\.metadata\.json$/);
    const plan = await planScan(t.metadata, t.io);
    expect(plan.files).toHaveLength(2);
    expect(plan.deletes.map((d) => d.content).sort()).toEqual([1, 2]);
    const rows = await readRows(t.io, plan);
    expect(rows).toHaveLength(15);
    const nz = rows.filter((r) => r['Breed Name'] === 'New Zealand');
    // The equality delete removed the old New Zealand row; the re-added one carries the new column.
    expect(nz).toEqual([expect.objectContaining({ 'Average Weight': 4, __happy__: true, Lifespan: 8n })]);
    expect(new Set(rows.map((r) => r['Breed Name'])).size).toBe(15);
  });

  it('java/bunnies: every version reads like Java wrote it (time travel by metadata file and snapshot)', async () => {
    const counts: number[] = [];
    for (const v of [1, 2, 3, 4, 5]) {
      const t = await open('java/bunnies', `v${v}.metadata.json`);
      counts.push((await readRows(t.io, await planScan(t.metadata, t.io))).length);
    }
    expect(counts).toEqual([0, 21, 21, 15, 15]);
    const t = await open('java/bunnies');
    const [first, second] = t.metadata.snapshots;
    if (!first || !second) throw new Error('fixture has fewer than two snapshots');
    const atFirst = await planScan(t.metadata, t.io, { snapshotId: first.snapshotId });
    expect(await readRows(t.io, atFirst)).toHaveLength(21);
    expect(atFirst.schema.fields.map((f) => f.name)).not.toContain('__happy__');
    const asOf = await planScan(t.metadata, t.io, { asOfTimestamp: second.timestampMs + 1 });
    expect(asOf.snapshot?.snapshotId).toBe(second.snapshotId);
    expect(await readRows(t.io, asOf)).toHaveLength(15);
    const before = await planScan(t.metadata, t.io, { asOfTimestamp: first.timestampMs - 1 });
    expect(before.tasks).toEqual([]);
  });

  it('spark/bunnies: the snapshot with a position delete file and the rewritten current one', async () => {
    const t = await open('spark/bunnies');
    const [, withDelete] = t.metadata.snapshots;
    if (!withDelete) throw new Error('fixture has fewer than two snapshots');
    const plan = await planScan(t.metadata, t.io, { snapshotId: withDelete.snapshotId });
    expect(plan.deletes.map((d) => d.content)).toEqual([1]);
    const before = await readRows(t.io, plan);
    expect(before).toHaveLength(20);
    const current = await readRows(t.io, await planScan(t.metadata, t.io));
    expect(current).toHaveLength(20);
    expect(current.map((r) => r['Breed Name']).sort()).toEqual(before.map((r) => r['Breed Name']).sort());
    expect(current[0]).toHaveProperty('breed_name_length');
    expect(current.every((r) => r['breed_name_length'] === String(r['Breed Name']).length)).toBe(true);
  });

  it('athena/example: reads the s3:// table from its folder copy', async () => {
    const t = await open('athena/example');
    expect(t.metadataLocation).toMatch(/00001-.*\.metadata\.json$/);
    const rows = await readRows(t.io, await planScan(t.metadata, t.io));
    expect(rows).toEqual([
      { id: 1, name: 'Alice' },
      { id: 2, name: 'Bob' },
    ]);
  });

  it('spark/rename_column: reads the renamed column by field id', async () => {
    const t = await open('spark/rename_column');
    const rows = await readRows(t.io, await planScan(t.metadata, t.io));
    const byId = Object.fromEntries(rows.map((r) => [r['id'] as number, r]));
    expect(Object.keys(byId).sort()).toEqual(['1', '2', '3', '4']);
    expect(byId[1]).toMatchObject({ name: 'Flopsy 🐇', event_date: new Date('2022-01-01'), active: true });
    expect(byId[3]).toMatchObject({ event_date: null });
    expect(rows[0]).not.toHaveProperty('date');
  });

  it('spark/rename_column: prunes by identity (renamed source) and bucket partitions', async () => {
    const t = await open('spark/rename_column');
    const byDate = await planScan(t.metadata, t.io, { filter: eq('event_date', '2022-01-01') });
    expect(byDate.files).toHaveLength(1);
    expect((await readRows(t.io, byDate)).map((r) => r['id']).sort()).toEqual([1, 2]);
    const byBucket = await planScan(t.metadata, t.io, { filter: eq('id', 4) });
    expect(byBucket.files).toHaveLength(1);
    expect(byBucket.files[0]).toContain('id_bucket=2');
    const nulls = await planScan(t.metadata, t.io, { filter: { op: 'isNull', column: 'event_date' } });
    expect(nulls.files).toEqual([expect.stringContaining('date=null')]);
    const range = await planScan(t.metadata, t.io, { filter: gtEq('event_date', '2022-01-02') });
    expect(range.files).toEqual([expect.stringContaining('date=2022-01-02')]);
    const none = await planScan(t.metadata, t.io, { filter: eq('event_date', '2030-01-01') });
    expect(none.files).toEqual([]);
    const some = await planScan(t.metadata, t.io, { filter: isIn('id', [1, 3]) });
    expect(some.files).toHaveLength(2);
  });
});
