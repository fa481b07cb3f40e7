import { cp, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FilesystemCatalog } from '../catalog/filesystem-catalog.js';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import { planScan } from '../scan/plan-scan.js';
import { readRows } from '../scan/read-rows.js';
import { rebaseFileIO } from '../scan/rebase-file-io.js';
import { fixtureTable, haveFixtures } from '../test-support/fixtures.js';
import { expireSnapshots } from './expire-snapshots.js';
import { listReferencedFiles } from './reachable-files.js';
import { removeOrphanFiles } from './remove-orphan-files.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A writable copy of a fixture table, opened through the filesystem catalog at its recorded s3a:// location. */
async function copyFixture(name: 'java/bunnies' | 'spark/bunnies') {
  const dir = await mkdtemp(join(tmpdir(), 'iceberg-maint-'));
  dirs.push(dir);
  await cp(fixtureTable(name), dir, { recursive: true });
  const [namespace, table] = name.split('/') as [string, string];
  const location = `s3a://hyperparam-iceberg/${name}`;
  const io = rebaseFileIO(new LocalFileIO(), [{ from: location, to: toFileUri(dir) }]);
  const catalog = new FilesystemCatalog({ io, warehouse: 's3a://hyperparam-iceberg' });
  const loaded = await catalog.loadTable({ namespace, name: table });
  return { dir, io, catalog, loaded, location };
}

const FAR_FUTURE = Date.parse('2100-01-01');

describe.skipIf(!haveFixtures())('maintenance on copies of the fixtures (real temp folders)', () => {
  it('expireSnapshots keeps the last snapshot and deletes only what it no longer needs (Spark overwrite)', async () => {
    const { io, catalog, loaded } = await copyFixture('spark/bunnies');
    const before = await readRows(io, await planScan(loaded.metadata, io));
    const [s1, s2, s3] = loaded.metadata.snapshots;
    const result = await expireSnapshots(loaded, io, catalog, { olderThan: FAR_FUTURE, retainLast: 1 });
    expect(result.expiredSnapshotIds).toEqual([s1?.snapshotId, s2?.snapshotId]);
    // s3 rewrote the first data file: gone. Spark still lists the (now dangling) position-delete file as
    // live in s3, so it must stay.
    expect(result.deletedDataFiles.map((p) => p.slice(p.lastIndexOf('/') + 1))).toEqual([
      '00000-1-9acc37f2-90ae-42f5-915c-a21c3cb99690-00001.parquet',
    ]);
    expect(
      await io.exists(
        `${loaded.metadata.location}/data/00000-3-6fdcdaeb-591f-4ae0-a39a-75c7fba53907-00001-deletes.parquet`,
      ),
    ).toBe(true);
    expect(result.deletedManifestLists).toEqual([s1?.manifestList, s2?.manifestList]);
    for (const p of [
      ...result.deletedDataFiles,
      ...result.deletedManifests,
      ...result.deletedManifestLists,
    ]) {
      expect(await io.exists(p)).toBe(false);
    }
    const reloaded = await catalog.loadTable(loaded.identifier);
    expect(reloaded.version).toBe(String(Number(loaded.version) + 1));
    expect(reloaded.metadata.snapshots.map((s) => s.snapshotId)).toEqual([s3?.snapshotId]);
    expect(reloaded.metadata.metadataLog.at(-1)?.metadataFile).toBe(loaded.metadataLocation);
    const after = await readRows(io, await planScan(reloaded.metadata, io));
    expect(after).toEqual(before);
  });

  it('expireSnapshots keeps manifests a retained snapshot still lists (Java merge-on-read)', async () => {
    const { io, catalog, loaded } = await copyFixture('java/bunnies');
    const result = await expireSnapshots(loaded, io, catalog, { olderThan: FAR_FUTURE, retainLast: 1 });
    expect(result.expiredSnapshotIds).toHaveLength(2);
    expect(result.deletedDataFiles).toEqual([]);
    expect(result.deletedManifests).toEqual([]);
    expect(result.deletedManifestLists).toHaveLength(2);
    const reloaded = await catalog.loadTable(loaded.identifier);
    expect(await readRows(io, await planScan(reloaded.metadata, io))).toHaveLength(15);
  });

  it('expireSnapshots honours olderThan and retainLast, and dryRun changes nothing', async () => {
    const { io, catalog, loaded } = await copyFixture('spark/bunnies');
    const [s1, s2] = loaded.metadata.snapshots;
    const onlyFirst = await expireSnapshots(loaded, io, catalog, {
      olderThan: (s2?.timestampMs ?? 0) - 1,
      retainLast: 1,
      dryRun: true,
    });
    expect(onlyFirst.expiredSnapshotIds).toEqual([s1?.snapshotId]);
    expect(await io.exists(s1?.manifestList ?? '')).toBe(true);
    const keepAll = await expireSnapshots(loaded, io, catalog, { olderThan: FAR_FUTURE, retainLast: 3 });
    expect(keepAll.expiredSnapshotIds).toEqual([]);
    const defaults = await expireSnapshots(loaded, io, catalog, { now: () => (s1?.timestampMs ?? 0) + 1000 });
    expect(defaults.expiredSnapshotIds).toEqual([]);
  });

  it('removeOrphanFiles deletes unreferenced old files only', async () => {
    const { dir, io, loaded, location } = await copyFixture('java/bunnies');
    const old = join(dir, 'data', 'orphan-old.parquet');
    const fresh = join(dir, 'data', 'orphan-fresh.parquet');
    await writeFile(old, 'x');
    await writeFile(fresh, 'y');
    const longAgo = new Date('2020-01-01');
    await utimes(old, longAgo, longAgo);
    const referenced = await listReferencedFiles(loaded.metadata, io, loaded.metadataLocation);
    const cutoff = Date.parse('2024-01-01');
    const dry = await removeOrphanFiles(location, io, referenced, { olderThan: cutoff, dryRun: true });
    expect(dry).toEqual([`${location}/data/orphan-old.parquet`]);
    expect(await io.exists(dry[0] ?? '')).toBe(true);
    const removed = await removeOrphanFiles(location, io, referenced, {
      now: () => Date.now() + 10 * 86_400_000,
    });
    expect(removed.sort()).toEqual([
      `${location}/data/orphan-fresh.parquet`,
      `${location}/data/orphan-old.parquet`,
    ]);
    expect(await readRows(io, await planScan(loaded.metadata, io))).toHaveLength(15);
    // A location that matches nothing referenced would delete everything: refused.
    await expect(
      removeOrphanFiles('s3://elsewhere/t', io, referenced, { olderThan: cutoff }),
    ).rejects.toThrow(/refusing to delete/);
  });
});
