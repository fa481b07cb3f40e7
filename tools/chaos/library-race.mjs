// Library writers racing (issue 10): 2–4 `Table` writers of @nasdaq-pipeline/iceberg (built dist) append to ONE
// table through one filesystem catalog at the same moment. Every commit must land — the losers of each pointer
// swap reload and retry (optimistic concurrency) — and the table must hold every writer's rows, in our reader
// and in icebird. packages/iceberg/src/ops/table.integ.test.ts ("two writers racing on one table both land
// through retry") is the unit-level version of this.
import path from 'node:path';
import * as arrow from 'apache-arrow';
import {
  FilesystemCatalog,
  LocalFileIO,
  Table,
  planScan,
  readRows,
  toFileUri,
} from '@nasdaq-pipeline/iceberg';
import { readWithIcebird } from './icebird-read.mjs';

const schema = {
  type: 'struct',
  schemaId: 0,
  identifierFieldIds: [1],
  fields: [
    { id: 1, name: 'writer', required: true, type: 'string' },
    { id: 2, name: 'n', required: true, type: 'long' },
  ],
};

const rowsOf = (writer, count) =>
  new arrow.Table({
    writer: arrow.vectorFromArray(
      Array.from({ length: count }, () => writer),
      new arrow.Utf8(),
    ),
    n: arrow.vectorFromArray(
      Array.from({ length: count }, (_, i) => BigInt(i)),
      new arrow.Int64(),
    ),
  });

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

/**
 * One trial in `dir`: `writers` writers (2–4, drawn) each append `commits` batches, staggered by 0–20 ms.
 * Throws on the first broken expectation; returns what happened.
 */
export async function libraryRaceTrial(dir, rng) {
  const writers = 2 + Math.floor(rng() * 3);
  const commits = 1 + Math.floor(rng() * 3);
  const io = new LocalFileIO();
  const catalog = new FilesystemCatalog({ warehouse: toFileUri(dir), io });
  // Count the lost pointer swaps, to show the writers really raced.
  let conflicts = 0;
  const commitTable = catalog.commitTable.bind(catalog);
  catalog.commitTable = (base, next) =>
    commitTable(base, next).catch((e) => {
      if (e?.code === 'ICEBERG_COMMIT_CONFLICT') conflicts++;
      throw e;
    });
  const identifier = { namespace: 'nasdaq', name: 'race' };
  await Table.create({ catalog, identifier }, { schema });
  const stagger = Array.from({ length: writers }, () => Math.round(rng() * 20));
  await Promise.all(
    stagger.map(async (ms, w) => {
      // Each writer has its own Table (its own view of the pointer), like separate processes sharing a catalog.
      const table = new Table({ catalog, identifier });
      await sleep(ms);
      for (let c = 0; c < commits; c++) await table.append(rowsOf(`w${w}`, 3));
    }),
  );
  const loaded = await catalog.loadTable(identifier);
  const snapshots = loaded.metadata.snapshots.length;
  if (snapshots !== writers * commits)
    throw new Error(
      `library: ${snapshots} snapshots, expected ${writers * commits} (${writers} writers × ${commits})`,
    );
  const rows = await readRows(io, await planScan(loaded.metadata, io));
  const per = {};
  for (const r of rows) per[r.writer] = (per[r.writer] ?? 0) + 1;
  for (let w = 0; w < writers; w++) {
    if (per[`w${w}`] !== 3 * commits)
      throw new Error(`library: writer w${w} has ${per[`w${w}`] ?? 0} rows, expected ${3 * commits}`);
  }
  const ib = await readWithIcebird(dir, [
    { table: 'race', rows: rows.length, snapshots, location: loaded.metadata.location },
  ]);
  if (ib.mismatches.length) throw new Error(`library: icebird ${ib.mismatches.join('; ')}`);
  return {
    writers,
    commits,
    conflicts,
    version: Number(loaded.version),
    rows: rows.length,
    path: path.join(dir, 'nasdaq/race'),
  };
}
