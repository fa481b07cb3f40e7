import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import { openTableFolder } from '../scan/open-table-folder.js';
import { planScan } from '../scan/plan-scan.js';
import { readRows } from '../scan/read-rows.js';
import { FIXTURES_DIR, fixtureTable, haveFixtures } from './fixtures.js';
import { startIcebirdHarness, type IcebirdHarness } from './icebird-harness.js';

const TABLES = [
  { name: 'java/bunnies', location: 's3a://hyperparam-iceberg/java/bunnies', rows: 15 },
  { name: 'spark/bunnies', location: 's3a://hyperparam-iceberg/spark/bunnies', rows: 20 },
  { name: 'spark/rename_column', location: 's3a://hyperparam-iceberg/spark/rename_column', rows: 4 },
  {
    name: 'athena/example',
    location: 's3://hyperparam-iceberg/athena/example',
    rows: 2,
    metadataFileName: '00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json',
  },
];

const sortKey = (r: Record<string, unknown>): string =>
  JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

describe.skipIf(!haveFixtures())('icebird harness on the fixtures (HTTP with Range, s3:// rewritten)', () => {
  let harness: IcebirdHarness;
  beforeAll(async () => {
    harness = await startIcebirdHarness({
      root: FIXTURES_DIR,
      locations: TABLES.map((t) => ({ from: t.location, toFolder: fixtureTable(t.name) })),
    });
  });
  afterAll(() => harness.close());

  for (const t of TABLES) {
    it(`${t.name}: icebird and our reader return the same ${t.rows} rows`, async () => {
      const theirs = await harness.read(
        fixtureTable(t.name),
        t.metadataFileName ? { metadataFileName: t.metadataFileName } : {},
      );
      const table = await openTableFolder(new LocalFileIO(), toFileUri(fixtureTable(t.name)));
      const ours = await readRows(table.io, await planScan(table.metadata, table.io));
      expect(theirs).toHaveLength(t.rows);
      // icebird leaves missing columns undefined; we return null.
      const norm = (rows: Record<string, unknown>[]) =>
        rows
          .map((r) => sortKey(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? null]))))
          .sort();
      expect(norm(ours)).toEqual(norm(theirs));
    });
  }

  it('served byte ranges, not only whole files', () => {
    expect(harness.requests.some((r) => r.includes('bytes='))).toBe(true);
  });
});
