import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesystemCatalog } from '../catalog/filesystem-catalog.js';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import { buildPartitionSpec } from '../metadata/build-partition-spec.js';
import { readManifest } from '../manifest/read-manifest.js';
import { readManifestList } from '../manifest/read-manifest-list.js';
import { getCurrentSnapshot } from '../metadata/lookup.js';
import type { PartitionSpec, Schema, Transform } from '../metadata/types.js';
import { and, eq, gtEq, lt } from '../scan/filter.js';
import { planScan } from '../scan/plan-scan.js';
import { readRows } from '../scan/read-rows.js';
import { startIcebirdHarness, type IcebirdHarness } from '../test-support/icebird-harness.js';
import { Table } from '../table.js';

const schema: Schema = {
  type: 'struct',
  schemaId: 0,
  identifierFieldIds: [1, 2],
  fields: [
    { id: 1, name: 'symbol', required: true, type: 'string' },
    { id: 2, name: 'trade_date', required: true, type: 'date' },
    { id: 3, name: 'close', required: false, type: 'double' },
    { id: 4, name: 'volume', required: false, type: 'long' },
  ],
};

interface Bar {
  symbol: string;
  date: string;
  close: number | null;
  volume: number | null;
}

function toArrow(rows: readonly Bar[]): arrow.Table {
  return new arrow.Table({
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
    volume: arrow.vectorFromArray(
      rows.map((r) => (r.volume === null ? null : BigInt(r.volume))),
      new arrow.Int64(),
    ),
  });
}

function normalize(rows: readonly Record<string, unknown>[]): Bar[] {
  const day = (v: unknown): string =>
    v instanceof Date
      ? v.toISOString().slice(0, 10)
      : typeof v === 'number'
        ? new Date(v * 86_400_000).toISOString().slice(0, 10)
        : String(v);
  return rows
    .map((r) => ({
      symbol: String(r['symbol']),
      date: day(r['trade_date']),
      close: r['close'] === null || r['close'] === undefined ? null : Number(r['close']),
      volume: r['volume'] === null || r['volume'] === undefined ? null : Number(r['volume']),
    }))
    .sort((a, b) =>
      a.symbol + a.date < b.symbol + b.date ? -1 : a.symbol + a.date > b.symbol + b.date ? 1 : 0,
    );
}

const sortBars = (rows: Bar[]): Bar[] => normalize(rows.map((r) => ({ ...r, trade_date: r.date })));

const root = mkdtempSync(path.join(tmpdir(), 'iceberg-ops-'));
const io = new LocalFileIO();
const catalog = new FilesystemCatalog({ warehouse: toFileUri(root), io });
let icebird: IcebirdHarness;
beforeAll(async () => {
  icebird = await startIcebirdHarness({ root });
});
afterAll(async () => {
  await icebird.close();
  rmSync(root, { recursive: true, force: true });
});

/** Spec invariants of the current snapshot (iceberg.md §14.4): counts, live-path uniqueness, totals, sequences. */
async function checkInvariants(table: Table): Promise<void> {
  const { metadata } = await table.load();
  const snap = getCurrentSnapshot(metadata)!;
  expect(metadata.refs['main']!.snapshotId).toBe(metadata.currentSnapshotId);
  expect(metadata.lastSequenceNumber).toBe(snap.sequenceNumber);
  expect(metadata.snapshotLog.at(-1)!.snapshotId).toBe(snap.snapshotId);
  const list = await readManifestList(io, snap.manifestList);
  const live = new Set<string>();
  let records = 0n;
  for (const m of list) {
    expect(m.sequenceNumber <= snap.sequenceNumber).toBe(true);
    const entries = await readManifest(io, m.manifestPath, m);
    const count = (status: number): number => entries.filter((e) => e.status === status).length;
    expect([count(1), count(0), count(2)]).toEqual([
      m.addedFilesCount,
      m.existingFilesCount,
      m.deletedFilesCount,
    ]);
    expect(m.manifestLength).toBe(BigInt(await io.size(m.manifestPath)));
    for (const e of entries) {
      if (e.status === 1) expect(e.snapshotId).toBe(m.addedSnapshotId);
      if (e.status === 2) continue;
      expect(live.has(e.dataFile.filePath)).toBe(false);
      live.add(e.dataFile.filePath);
      records += e.dataFile.recordCount;
      expect(e.sequenceNumber >= m.minSequenceNumber).toBe(true);
      expect(await io.exists(e.dataFile.filePath)).toBe(true);
    }
  }
  expect(snap.summary['total-records']).toBe(String(records));
  expect(snap.summary['total-data-files']).toBe(String(live.size));
}

async function readTable(table: Table): Promise<Bar[]> {
  return normalize(await readRows(io, await table.scan()));
}

function bars(symbols: string[], dates: string[], base = 100): Bar[] {
  const out: Bar[] = [];
  symbols.forEach((s, i) =>
    dates.forEach((d, j) =>
      out.push({ symbol: s, date: d, close: base + i * 10 + j, volume: 1000 * (i + 1) + j }),
    ),
  );
  return out;
}

const cases: { name: string; partition: { column: string; transform: Transform }[] }[] = [
  { name: 'unpartitioned', partition: [] },
  { name: 'month', partition: [{ column: 'trade_date', transform: 'month' }] },
  { name: 'day', partition: [{ column: 'trade_date', transform: 'day' }] },
];

describe.each(cases)('$name table: append, upsert, overwrite, delete, compaction', ({ name, partition }) => {
  const identifier = { namespace: 'nasdaq', name: `t_${name}` };
  let table: Table;
  let expected: Bar[] = [];

  async function check(): Promise<void> {
    const want = sortBars(expected);
    expect(await readTable(table)).toEqual(want);
    // Independent reader: icebird 0.3.1 over HTTP, version-hint → v<N>.metadata.json.
    const got = await icebird.read(path.join(root, `nasdaq/t_${name}`)).catch((e: unknown) => {
      throw new Error(`${String(e)} ${icebird.requests.slice(-5).join(' ')}`);
    });
    expect(normalize(got)).toEqual(want);
    await checkInvariants(table);
  }

  it('creates and appends across partitions', async () => {
    const spec: PartitionSpec = buildPartitionSpec(schema, partition);
    table = await Table.create({ catalog, identifier }, { schema, partitionSpec: spec });
    expect((await table.load()).metadata.currentSnapshotId).toBeUndefined();
    const first = bars(['AAPL', 'MSFT'], ['2024-01-30', '2024-01-31', '2024-02-01']);
    await table.append(toArrow(first));
    expected = [...first];
    await check();
    const second = bars(['NVDA'], ['2024-02-01', '2024-02-02'], 500);
    const loaded = await table.append(toArrow(second));
    expected.push(...second);
    await check();
    const snap = getCurrentSnapshot(loaded.metadata)!;
    expect(snap.summary).toMatchObject({
      operation: 'append',
      'added-records': '2',
      'total-records': '8',
      'total-data-files': String({ unpartitioned: 2, month: 3, day: 5 }[name]),
    });
  });

  it('upserts by key, rewriting only files that hold a key', async () => {
    const before = await table.scan();
    const upsert = [
      { symbol: 'AAPL', date: '2024-02-01', close: 1.5, volume: 7 },
      { symbol: 'TSLA', date: '2024-02-02', close: 2.5, volume: null },
    ];
    const loaded = await table.upsert(toArrow(upsert), ['symbol', 'trade_date']);
    expected = expected.filter((b) => !(b.symbol === 'AAPL' && b.date === '2024-02-01')).concat(upsert);
    await check();
    const summary = getCurrentSnapshot(loaded.metadata)!.summary;
    expect(summary.operation).toBe('overwrite');
    const after = await table.scan();
    // Files whose key bounds exclude AAPL/TSLA 2024-02-01..02 (e.g. January-only files) survive untouched.
    const untouched = before.files.filter((f) => after.files.includes(f));
    if (name !== 'unpartitioned') expect(untouched.length).toBeGreaterThan(0);
  });

  it('overwrites a filter and deletes by filter', async () => {
    const replacement = [{ symbol: 'MSFT', date: '2024-01-31', close: 9, volume: 9 }];
    await table.overwrite(and(eq('symbol', 'MSFT'), lt('trade_date', '2024-02-01')), toArrow(replacement));
    expected = expected.filter((b) => !(b.symbol === 'MSFT' && b.date < '2024-02-01')).concat(replacement);
    await check();
    const loaded = await table.deleteWhere(gtEq('trade_date', '2024-02-02'));
    expected = expected.filter((b) => b.date < '2024-02-02');
    await check();
    expect(['delete', 'overwrite']).toContain(getCurrentSnapshot(loaded.metadata)!.summary.operation);
  });

  it('compacts small files into one per partition without changing rows', async () => {
    const plan = await table.scan();
    const loaded = await table.compact(plan.files);
    await check();
    const snap = getCurrentSnapshot(loaded.metadata)!;
    expect(snap.summary.operation).toBe('replace');
    expect(snap.summary['total-records']).toBe(String(expected.length));
    const partitions = new Set(
      expected.map((b) => (name === 'month' ? b.date.slice(0, 7) : name === 'day' ? b.date : '')),
    );
    expect((await table.scan()).files.length).toBe(partitions.size);
  });
});

describe('staged commits', () => {
  it('builds a snapshot that can be scanned, then publishes or abandons it', async () => {
    const identifier = { namespace: 'nasdaq', name: 'staged' };
    const table = await Table.create(
      { catalog, identifier },
      { schema, partitionSpec: buildPartitionSpec(schema, [{ column: 'trade_date', transform: 'month' }]) },
    );
    await table.append(toArrow(bars(['AAPL'], ['2024-03-01'])));
    const staged = await table.stageUpsert(
      toArrow([{ symbol: 'AAPL', date: '2024-03-01', close: 42, volume: 1 }]),
      ['symbol', 'trade_date'],
    );
    // The staged snapshot is readable…
    expect(normalize(await readRows(io, await planScan(staged.metadata, io)))).toEqual([
      { symbol: 'AAPL', date: '2024-03-01', close: 42, volume: 1 },
    ]);
    // …but the table still shows the published state.
    expect((await readTable(table))[0]!.close).toBe(100);
    await staged.publish();
    expect((await readTable(table))[0]!.close).toBe(42);

    const filesBefore = readdirSync(path.join(root, 'nasdaq/staged'), { recursive: true }).length;
    const doomed = await table.stageAppend(toArrow(bars(['ZZZ'], ['2024-03-02'])));
    expect(readdirSync(path.join(root, 'nasdaq/staged'), { recursive: true }).length).toBeGreaterThan(
      filesBefore,
    );
    await doomed.abandon();
    expect(readdirSync(path.join(root, 'nasdaq/staged'), { recursive: true }).length).toBe(filesBefore);
    expect(await readTable(table)).toHaveLength(1);
  });
});

describe('staged commits across tables (CLI flow)', () => {
  it('stages two tables, reads both staged snapshots, publishes both; a staged upsert survives an unrelated concurrent append', async () => {
    const spec = buildPartitionSpec(schema, [{ column: 'trade_date', transform: 'month' }]);
    const fact = await Table.create(
      { catalog, identifier: { namespace: 'nasdaq', name: 'fact' } },
      { schema, partitionSpec: spec },
    );
    const agg = await Table.create({ catalog, identifier: { namespace: 'nasdaq', name: 'agg' } }, { schema });
    await fact.append(toArrow(bars(['AAPL'], ['2024-01-02'])));
    const stagedFact = await fact.stageUpsert(toArrow(bars(['AAPL'], ['2024-01-02', '2024-01-03'], 7)), [
      'symbol',
      'trade_date',
    ]);
    const stagedAgg = await agg.stageAppend(toArrow(bars(['AAPL'], ['2024-01-01'])));
    for (const staged of [stagedFact, stagedAgg]) {
      expect((await readRows(io, await planScan(staged.metadata, io))).length).toBeGreaterThan(0);
    }
    expect(await readTable(agg)).toEqual([]);
    // Another writer appends a different symbol in another month before we publish: no key overlap, so the staged
    // upsert is rebased onto it (new manifest list, same data files) instead of failing.
    await new Table({ catalog, identifier: fact.options.identifier }).append(
      toArrow(bars(['ZZZZ'], ['2024-05-01'])),
    );
    await stagedFact.publish();
    await stagedAgg.publish();
    expect((await readTable(fact)).map((b) => `${b.symbol} ${b.date} ${b.close}`)).toEqual([
      'AAPL 2024-01-02 7',
      'AAPL 2024-01-03 8',
      'ZZZZ 2024-05-01 100',
    ]);
    expect(await readTable(agg)).toHaveLength(1);
    await checkInvariants(fact);
  });

  it('a staged upsert whose keys a concurrent commit touched fails with a transient ValidationConflictError and cleans up', async () => {
    const t = await Table.create(
      { catalog, identifier: { namespace: 'nasdaq', name: 'conflict' } },
      { schema },
    );
    await t.append(toArrow(bars(['AAPL'], ['2024-01-02'])));
    const staged = await t.stageUpsert(toArrow(bars(['AAPL'], ['2024-01-02'], 5)), ['symbol', 'trade_date']);
    await new Table({ catalog, identifier: t.options.identifier }).upsert(
      toArrow(bars(['AAPL'], ['2024-01-02'], 9)),
      ['symbol', 'trade_date'],
    );
    const err = await staged.publish().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ICEBERG_VALIDATION_CONFLICT', transient: true });
    expect((await readTable(t)).map((b) => b.close)).toEqual([9]);
    const files = readdirSync(path.join(root, 'nasdaq/conflict/data'), { recursive: true }).filter((f) =>
      String(f).endsWith('.parquet'),
    );
    // The first append's file (kept for time travel) and the concurrent upsert's file; the staged file is gone.
    expect(files).toHaveLength(2);
  });
});

describe('concurrent writers', () => {
  it('two writers racing on one table both land through retry', async () => {
    const identifier = { namespace: 'nasdaq', name: 'race' };
    await Table.create({ catalog, identifier }, { schema });
    const a = new Table({ catalog, identifier, sleep: async () => undefined });
    const b = new Table({ catalog, identifier, sleep: async () => undefined });
    const rowsA = bars(['AAPL'], ['2024-01-02', '2024-01-03']);
    const rowsB = bars(['MSFT'], ['2024-01-02', '2024-01-03']);
    // Both load the same base before either commits: one wins v2, the other gets CommitConflictError and retries.
    const [ra, rb] = await Promise.all([a.append(toArrow(rowsA)), b.append(toArrow(rowsB))]);
    expect(new Set([ra.version, rb.version])).toEqual(new Set(['2', '3']));
    const latest = await a.load();
    expect(latest.metadata.snapshots).toHaveLength(2);
    expect(await readTable(a)).toEqual(sortBars([...rowsA, ...rowsB]));
    // Two racing upserts on the same table: the loser re-validates and is recomputed on the winner's data.
    await Promise.all([
      a.upsert(toArrow([{ symbol: 'AAPL', date: '2024-01-02', close: 1, volume: 1 }]), [
        'symbol',
        'trade_date',
      ]),
      b.upsert(toArrow([{ symbol: 'AAPL', date: '2024-01-03', close: 2, volume: 2 }]), [
        'symbol',
        'trade_date',
      ]),
    ]);
    const rows = await readTable(a);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.symbol === 'AAPL').map((r) => r.close)).toEqual([1, 2]);
    await checkInvariants(a);
  });
});

describe('manifest merging', () => {
  it('keeps the manifest list bounded across many appends without changing rows', async () => {
    const identifier = { namespace: 'nasdaq', name: 'merge' };
    const table = await Table.create(
      { catalog, identifier },
      { schema, properties: { 'commit.manifest.min-count-to-merge': '3' } },
    );
    const all: Bar[] = [];
    for (let i = 0; i < 7; i += 1) {
      const batch = bars([`S${i}`], ['2024-01-02']);
      all.push(...batch);
      await table.append(toArrow(batch));
    }
    const loaded = await table.load();
    const list = await readManifestList(io, getCurrentSnapshot(loaded.metadata)!.manifestList);
    expect(list.length).toBeLessThanOrEqual(3);
    expect(list.reduce((n, m) => n + m.addedFilesCount + m.existingFilesCount, 0)).toBe(7);
    expect(await readTable(table)).toEqual(sortBars(all));
    expect(normalize(await icebird.read(path.join(root, 'nasdaq/merge')))).toEqual(sortBars(all));
    await checkInvariants(table);
  });
});

describe('copy-on-write precision', () => {
  it('keeps microsecond timestamps and 64-bit longs of surviving rows when a file is rewritten', async () => {
    const tsSchema: Schema = {
      type: 'struct',
      schemaId: 0,
      fields: [
        { id: 1, name: 'k', required: true, type: 'int' },
        { id: 2, name: 'at', required: false, type: 'timestamptz' },
        { id: 3, name: 'n', required: false, type: 'long' },
      ],
    };
    const identifier = { namespace: 'nasdaq', name: 'micros' };
    const table = await Table.create({ catalog, identifier }, { schema: tsSchema });
    const micros = (n: number, at: bigint[], big: bigint[]): arrow.Table =>
      new arrow.Table({
        k: arrow.vectorFromArray(
          Array.from({ length: n }, (_, i) => i + 1),
          new arrow.Int32(),
        ),
        at: arrow.makeVector(
          arrow.makeData({
            type: new arrow.TimestampMicrosecond('UTC'),
            length: n,
            nullCount: 0,
            data: BigInt64Array.from(at),
          }),
        ),
        n: arrow.makeVector(BigInt64Array.from(big)),
      });
    await table.append(micros(2, [1_700_000_000_000_001n, 1_700_000_000_000_002n], [9007199254740993n, 2n]));
    await table.upsert(micros(1, [5n], [5n]), ['k']); // rewrites the file: row k=2 survives
    const rows = await readRows(io, await table.scan(), { timestamps: 'micros' });
    const byKey = Object.fromEntries(rows.map((r) => [Number(r['k']), r]));
    expect(byKey[1]).toMatchObject({ at: 5n, n: 5n });
    expect(byKey[2]).toMatchObject({ at: 1_700_000_000_000_002n, n: 2n });
    await table.upsert(micros(1, [7n], [7n]).slice(0, 1), ['k']);
    const again = await readRows(io, await table.scan(), { timestamps: 'micros' });
    expect(again.find((r) => Number(r['k']) === 2)).toMatchObject({ at: 1_700_000_000_000_002n });
  });
});
