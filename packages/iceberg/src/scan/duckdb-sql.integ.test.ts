import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import { fixtureTable, haveFixtures } from '../test-support/fixtures.js';
import { buildDuckDbScanSql, toEnginePath } from './duckdb-sql.js';
import { openTableFolder } from './open-table-folder.js';
import { planScan } from './plan-scan.js';
import { readRows } from './read-rows.js';
import { rebasePath } from './rebase-file-io.js';

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
  }
}

describe.skipIf(!haveFixtures())('buildDuckDbScanSql: DuckDB reads a plan with deletes applied', () => {
  it('java/bunnies: position + equality deletes give the same 15 rows as readRows', async () => {
    const folder = fixtureTable('java/bunnies');
    const t = await openTableFolder(new LocalFileIO(), toFileUri(folder));
    const plan = await planScan(t.metadata, t.io);
    const pathFor = (p: string) =>
      toEnginePath(rebasePath(p, [{ from: t.metadata.location, to: toFileUri(folder) }]));
    const sql = buildDuckDbScanSql(plan, { pathFor, columns: ['Breed Name', 'Lifespan'] });
    const duck = await query(sql);
    const ours = await readRows(t.io, plan, { columns: ['Breed Name', 'Lifespan'] });
    expect(duck).toHaveLength(15);
    const key = (r: Record<string, unknown>) => `${String(r['Breed Name'])}|${String(r['Lifespan'])}`;
    expect(duck.map(key).sort()).toEqual(ours.map(key).sort());
  });

  it('spark/rename_column: the renamed column reads by field id', async () => {
    const folder = fixtureTable('spark/rename_column');
    const t = await openTableFolder(new LocalFileIO(), toFileUri(folder));
    const pathFor = (p: string) =>
      toEnginePath(rebasePath(p, [{ from: t.metadata.location, to: toFileUri(folder) }]));
    const rows = await query(buildDuckDbScanSql(await planScan(t.metadata, t.io), { pathFor }));
    const byId = Object.fromEntries(rows.map((r) => [String(r['id']), r]));
    expect(Object.keys(byId).sort()).toEqual(['1', '2', '3', '4']);
    expect(byId['1']?.['event_date']).toEqual(new Date('2022-01-01'));
    expect(byId['3']?.['event_date']).toBeNull();
  });

  it('an empty plan gives an empty result with the column names', async () => {
    const t = await openTableFolder(new LocalFileIO(), toFileUri(fixtureTable('java/bunnies')), {
      metadataFileName: 'v1.metadata.json',
    });
    const rows = await query(buildDuckDbScanSql(await planScan(t.metadata, t.io)));
    expect(rows).toEqual([]);
  });
});
