import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesystemCatalog } from '../catalog/filesystem-catalog.js';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import { planScan } from '../scan/plan-scan.js';
import { readRows } from '../scan/read-rows.js';
import { startIcebirdHarness, type IcebirdHarness } from '../test-support/icebird-harness.js';
import { priceSchema } from '../test-support/price-table.js';
import { Table } from '../table.js';
import { expireSnapshots } from './expire-snapshots.js';
import { planCompaction } from './plan-compaction.js';
import { listReferencedFiles } from './reachable-files.js';
import { removeOrphanFiles } from './remove-orphan-files.js';

const schema = priceSchema;

type Bar = { symbol: string; date: string; close: number };
const toArrow = (rows: readonly Bar[]): arrow.Table =>
  new arrow.Table({
    symbol: arrow.vectorFromArray(
      rows.map((r) => r.symbol),
      new arrow.Utf8(),
    ),
    trade_date: arrow.vectorFromArray(
      rows.map((r) => new Date(`${r.date}T00:00:00Z`)),
      new arrow.DateDay(),
    ),
    close: arrow.vectorFromArray(
      rows.map((r) => r.close),
      new arrow.Float64(),
    ),
  });
const normalize = (rows: readonly Record<string, unknown>[]): string[] =>
  rows
    .map((r) => {
      const d = r['trade_date'];
      const day =
        d instanceof Date
          ? d.toISOString().slice(0, 10)
          : new Date(Number(d) * 86_400_000).toISOString().slice(0, 10);
      return `${String(r['symbol'])}|${day}|${Number(r['close'])}`;
    })
    .sort();
const expected = (rows: readonly Bar[]): string[] =>
  rows.map((r) => `${r.symbol}|${r.date}|${r.close}`).sort();

const DAYS = [
  '2024-03-01',
  '2024-03-04',
  '2024-03-05',
  '2024-03-06',
  '2024-03-07',
  '2024-04-01',
  '2024-04-02',
];
const dayBars = (date: string): Bar[] =>
  ['AAPL', 'MSFT'].map((symbol, i) => ({ symbol, date, close: 100 + i + Number(date.slice(-2)) }));

describe('maintenance on tables this package writes (month-partitioned, read back by icebird)', () => {
  let root: string;
  let icebird: IcebirdHarness;
  let clock = Date.parse('2024-03-01T22:00:00Z');
  const io = new LocalFileIO();
  let catalog: FilesystemCatalog;
  let table: Table;
  const identifier = { namespace: 'nasdaq', name: 'fact' };
  const folder = () => join(root, 'nasdaq', 'fact');
  const all = DAYS.flatMap(dayBars);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'iceberg-maint-own-'));
    icebird = await startIcebirdHarness({ root });
    catalog = new FilesystemCatalog({ io, warehouse: toFileUri(root), now: () => clock });
    table = await Table.create(
      { catalog, identifier, now: () => (clock += 3_600_000) },
      {
        schema,
        partitionSpec: {
          specId: 0,
          fields: [{ sourceId: 2, fieldId: 1000, name: 'trade_date_month', transform: 'month' }],
        },
      },
    );
    // One small file per daily run, as the pipeline appends.
    for (const d of DAYS) await table.append(toArrow(dayBars(d)));
  });
  afterAll(async () => {
    await icebird.close();
    await rm(root, { recursive: true, force: true });
  });

  it('time travel on our own snapshots: by id and by timestamp', async () => {
    const { metadata } = await table.load();
    expect(metadata.snapshots).toHaveLength(DAYS.length);
    const third = metadata.snapshots[2];
    if (!third) throw new Error('missing snapshot');
    const byId = await readRows(io, await planScan(metadata, io, { snapshotId: third.snapshotId }));
    expect(normalize(byId)).toEqual(expected(DAYS.slice(0, 3).flatMap(dayBars)));
    const byTime = await planScan(metadata, io, { asOfTimestamp: third.timestampMs + 60_000 });
    expect(byTime.snapshot?.snapshotId).toBe(third.snapshotId);
    const pruned = await planScan(metadata, io, {
      filter: { op: 'gtEq', column: 'trade_date', value: '2024-04-01' },
    });
    expect(pruned.files).toHaveLength(2);
  });

  it('planCompaction groups the daily files per month; compacting keeps the rows (ours and icebird)', async () => {
    const plan = await table.scan();
    expect(plan.files).toHaveLength(DAYS.length);
    const groups = planCompaction(plan, { minFiles: 2, targetBytes: 64 * 1024 * 1024 });
    expect(groups.map((g) => g.files.length).sort()).toEqual([2, 5]);
    for (const g of groups) await table.compact(g.files.map((f) => f.filePath));
    const after = await table.load();
    expect(after.metadata.snapshots.at(-1)?.summary.operation).toBe('replace');
    const compacted = await table.scan();
    expect(compacted.files).toHaveLength(2);
    expect(normalize(await readRows(io, compacted))).toEqual(expected(all));
    expect(normalize(await icebird.read(folder()))).toEqual(expected(all));
    expect(planCompaction(compacted, { minFiles: 2 })).toEqual([]);
  });

  it('expireSnapshots drops the pre-compaction snapshots and their small files; icebird still reads', async () => {
    const before = await table.load();
    const smallFiles = (
      await planScan(before.metadata, io, {
        snapshotId: before.metadata.snapshots[DAYS.length - 1]?.snapshotId,
      })
    ).files;
    const result = await expireSnapshots(before, io, catalog, {
      olderThan: clock + 1,
      retainLast: 1,
      now: () => clock,
    });
    expect(result.expiredSnapshotIds).toHaveLength(before.metadata.snapshots.length - 1);
    expect([...result.deletedDataFiles].sort()).toEqual([...smallFiles].sort());
    for (const f of smallFiles) expect(await io.exists(f)).toBe(false);
    const after = await table.load();
    expect(after.metadata.snapshots).toHaveLength(1);
    expect(normalize(await readRows(io, await planScan(after.metadata, io)))).toEqual(expected(all));
    expect(normalize(await icebird.read(folder()))).toEqual(expected(all));
  });

  it('removeOrphanFiles removes only a crashed writer’s leftovers', async () => {
    const loaded = await table.load();
    const stray = join(folder(), 'data', 'trade_date_month=2024-03', 'crashed-writer.parquet');
    await writeFile(stray, 'partial');
    const old = new Date(clock - 86_400_000);
    await utimes(stray, old, old);
    const referenced = await listReferencedFiles(loaded.metadata, io, loaded.metadataLocation);
    const removed = await removeOrphanFiles(loaded.metadata.location, io, referenced, {
      olderThan: Date.now() + 60_000,
    });
    expect(removed).toEqual([toFileUri(stray)]);
    for (const f of referenced) expect(await io.exists(f)).toBe(true);
    expect(normalize(await icebird.read(folder()))).toEqual(expected(all));
  });
});
