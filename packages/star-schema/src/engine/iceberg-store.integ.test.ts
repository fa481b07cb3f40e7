import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bar, createWarehouse, type Warehouse } from '../test-support/harness.js';
import { tableDefinitions } from '../tables/index.js';

describe('Iceberg tables through the iceberg package (filesystem catalog)', () => {
  let w: Warehouse;
  beforeEach(async () => {
    w = await createWarehouse('iceberg');
  });
  afterEach(async () => w.close());

  const bars = [bar('AAA', '2024-07-01', 10), bar('AAA', '2024-07-02', 11), bar('AAA', '2024-07-03', 12)];

  it('commits every table as Iceberg v2 with field ids, and upserts a corrected bar copy-on-write', async () => {
    await w.build(bars, {
      runId: 'first',
      profiles: [{ symbol: 'AAA', as_of: '2024-07-01', sector: 'Technology' }],
    });
    const factDir = join(w.root, 'warehouse', 'nasdaq', 'fact_stock_daily_price');
    expect(await readFile(join(factDir, 'metadata', 'version-hint.text'), 'utf8')).toBe('2'); // v1 = created, v2 = first snapshot
    const meta = JSON.parse(await readFile(join(factDir, 'metadata', 'v2.metadata.json'), 'utf8'));
    expect(meta['format-version']).toBe(2);
    expect(meta['partition-specs'][0].fields[0]).toMatchObject({
      'source-id': 2,
      transform: 'month',
      'field-id': 1000,
    });
    expect(meta.schemas[0]['identifier-field-ids']).toEqual([1, 2]);

    const files = await w.store.listFiles({
      ...(await import('../tables/index.js')).tableDefinitions.fact_stock_daily_price,
    });
    expect(files).toHaveLength(1);
    expect(files[0]?.partition).toEqual({ trade_date_month: 654 });
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const ids = (
      await c.runAndReadAll(
        `SELECT name, field_id FROM parquet_schema('${files[0]?.localPath}') WHERE field_id IS NOT NULL ORDER BY field_id LIMIT 3`,
      )
    ).getRowObjectsJson();
    expect(ids).toEqual([
      { name: 'symbol', field_id: '1' },
      { name: 'trade_date', field_id: '2' },
      { name: 'date_key', field_id: '3' },
    ]);
    c.closeSync();
    db.closeSync();

    await w.build(
      bars.map((b) => (b.date === '2024-07-02' ? bar('AAA', b.date, 14) : b)),
      { runId: 'second' },
    );
    const fact = await w.rows('fact_stock_daily_price');
    expect(fact.map((r) => [r['trade_date'], Number(r['close_price']), r['run_id']])).toEqual([
      ['2024-07-01', 10, 'first'],
      ['2024-07-02', 14, 'second'],
      ['2024-07-03', 12, 'second'],
    ]);
    const versions = (await readdir(join(factDir, 'metadata'))).filter((f) =>
      /^v\d+\.metadata\.json$/.test(f),
    );
    expect(versions.sort()).toEqual(['v1.metadata.json', 'v2.metadata.json', 'v3.metadata.json']);
    const v2 = JSON.parse(await readFile(join(factDir, 'metadata', 'v3.metadata.json'), 'utf8'));
    const snap = v2.snapshots.at(-1);
    expect(snap.summary.operation).toBe('overwrite');
    expect(snap.summary['deleted-data-files']).toBe('1');
    expect(snap.summary['total-records']).toBe('3');
  });

  it('leaves the published tables untouched when the staged snapshots are abandoned', async () => {
    await w.build(bars, { runId: 'first' });
    const result = await w.build([bar('AAA', '2024-07-05', 13)], { runId: 'second', publish: false });
    expect(result.staged.length).toBeGreaterThan(0);
    const staged = result.staged.find((s) => s.table === 'fact_stock_daily_price');
    expect(staged?.files.length).toBe(2);
    await result.abandonAll();
    const fact = await w.rows('fact_stock_daily_price');
    expect(fact.map((r) => r['trade_date'])).toEqual(['2024-07-01', '2024-07-02', '2024-07-03']);
  });
});

describe('Iceberg tables behind a remote FileIO (uploaded, read through a local cache)', () => {
  let w: Warehouse;
  beforeEach(async () => {
    w = await createWarehouse('remote');
  });
  afterEach(async () => w.close());

  it('registers and validates the uploaded data files without downloading or re-reading any of them', async () => {
    const bars = [bar('AAA', '2024-07-01', 10), bar('AAA', '2024-08-01', 11), bar('BBB', '2024-08-02', 12)];
    const result = await w.build(bars, {
      publish: false,
      profiles: [{ symbol: 'AAA', as_of: '2024-07-01', sector: 'Technology' }],
    });
    const fact = result.staged.find((s) => s.table === 'fact_stock_daily_price');
    expect(fact?.files).toHaveLength(2); // July and August
    // Manifest metrics came from DuckDB's statistics and the validation copies are the files that were uploaded.
    expect(w.io?.reads.filter((p) => p.includes('/data/'))).toEqual([]);
    for (const file of fact?.files ?? []) expect(file.startsWith(join(w.root, 'cache'))).toBe(true);
    await result.publishAll();
    expect((await w.rows('fact_stock_daily_price')).map((r) => [r['symbol'], r['trade_date']])).toEqual([
      ['AAA', '2024-07-01'],
      ['AAA', '2024-08-01'],
      ['BBB', '2024-08-02'],
    ]);
    const stored = await w.store.listFiles(tableDefinitions.fact_stock_daily_price);
    expect(
      stored.map((f) => f.uri.startsWith('remote://bucket/warehouse/nasdaq/fact_stock_daily_price/data/')),
    ).toEqual([true, true]);
  });
});
