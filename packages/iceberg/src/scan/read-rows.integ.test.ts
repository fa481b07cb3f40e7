import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesystemCatalog } from '../catalog/filesystem-catalog.js';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import type { Schema } from '../metadata/types.js';
import { Table } from '../table.js';
import { fixtureTable, haveFixtures } from '../test-support/fixtures.js';
import { openTableFolder } from './open-table-folder.js';
import { planScan } from './plan-scan.js';
import { readRows } from './read-rows.js';

const schema: Schema = {
  type: 'struct',
  schemaId: 0,
  fields: [
    { id: 1, name: 'id', required: true, type: 'long' },
    { id: 2, name: 'ingested_at', required: false, type: 'timestamptz' },
  ],
};

describe('readRows options', () => {
  let root: string;
  const io = new LocalFileIO();
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'iceberg-read-rows-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("timestamps: 'micros' keeps sub-millisecond digits that Date drops", async () => {
    const catalog = new FilesystemCatalog({ io, warehouse: toFileUri(root) });
    const table = await Table.create({ catalog, identifier: { namespace: 'ns', name: 'ts' } }, { schema });
    const micros = 1_710_000_000_123_456n;
    const ts = arrow.makeVector(
      arrow.makeData({
        type: new arrow.TimestampMicrosecond('UTC'),
        length: 2,
        data: new BigInt64Array([micros, -1n]),
      }),
    );
    await table.append(
      new arrow.Table({ id: arrow.vectorFromArray([1n, 2n], new arrow.Int64()), ingested_at: ts }),
    );
    const plan = await table.scan();
    const exact = await readRows(io, plan, { timestamps: 'micros' });
    expect(exact.map((r) => r['ingested_at'])).toEqual([micros, -1n]);
    const dates = await readRows(io, plan);
    expect(dates[0]?.['ingested_at']).toEqual(new Date(1_710_000_000_123));
  });

  it.skipIf(!haveFixtures())('applies equality deletes on columns that are not selected', async () => {
    const t = await openTableFolder(new LocalFileIO(), toFileUri(fixtureTable('java/bunnies')));
    const rows = await readRows(t.io, await planScan(t.metadata, t.io), { columns: ['Lifespan'] });
    expect(rows).toHaveLength(15);
    expect(Object.keys(rows[0] ?? {})).toEqual(['Lifespan']);
    await expect(readRows(t.io, await planScan(t.metadata, t.io), { columns: ['nope'] })).rejects.toThrow(
      /"nope"/,
    );
  });
});
