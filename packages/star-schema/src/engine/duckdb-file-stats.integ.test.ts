import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { dataFileFromParquet, dataFileFromStats, type DataFile } from '@nasdaq-pipeline/iceberg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDefinitions } from '../tables/index.js';
import { toIcebergSchema, toPartitionSpec, type TableDefinition } from '../tables/table-definition.js';
import { statValue } from './duckdb-file-stats.js';
import { enumType, ident } from './duckdb-sql.js';
import { writeTableFiles } from './duckdb-writer.js';
import type { WrittenFile } from './table-store.js';

/** `n` rows of `table`: each column from `exprs` (over the row number `i`), NULL when not given. */
function rowsOf(table: TableDefinition, n: number, exprs: Record<string, string>): string {
  const cols = table.columns.map((c) => `${exprs[c.name] ?? 'NULL'} AS ${ident(c.name)}`);
  return `SELECT ${cols.join(', ')} FROM range(${n}) r(i)`;
}

/** The manifest entry of a written file from its footer and from DuckDB's report, split offsets aside. */
async function bothWays(table: TableDefinition, f: WrittenFile): Promise<[DataFile, DataFile]> {
  const options = { schema: toIcebergSchema(table), spec: toPartitionSpec(table), partition: f.partition };
  const path = `file://${f.localPath}`;
  const footer = await dataFileFromParquet(
    { path, bytes: new Uint8Array(await readFile(f.localPath)) },
    options,
  );
  const { splitOffsets, ...fromFooter } = footer;
  expect(splitOffsets?.length).toBeGreaterThan(0);
  return [fromFooter, dataFileFromStats({ ...f.stats!, path }, options)];
}

describe('files registered from what DuckDB reported writing them (RETURN_STATS)', () => {
  let dir: string;
  let db: DuckDBInstance;
  let c: DuckDBConnection;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'duckdb-file-stats-'));
    db = await DuckDBInstance.create(':memory:');
    c = await db.connect();
  });
  afterAll(async () => {
    c.closeSync();
    db.closeSync();
    await rm(dir, { recursive: true, force: true });
  });

  it('give the fact table the same manifest metrics as its footers: counts, sizes, bounds, zeros, nulls', async () => {
    const t = tableDefinitions.fact_stock_daily_price;
    // 40 sessions from 2024-07-01: July and August, two partitions; typical_price is 0.0 or −0.0.
    const relation = rowsOf(t, 40, {
      symbol: `CASE WHEN i % 2 = 0 THEN 'AAA' ELSE 'B''Q' END`,
      trade_date: `DATE '2024-07-01' + CAST(i AS INTEGER)`,
      date_key: `20240701 + CAST(i AS INTEGER)`,
      stock_key: `i * 1000000000000`,
      open_price: `100 + i / 3`,
      high_price: `101 + i / 3`,
      low_price: `99 + i / 3`,
      close_price: `100.5 + i / 7`,
      volume: `i * 1000`,
      price_change: `CASE i % 3 WHEN 0 THEN 0.0 WHEN 1 THEN -0.0 ELSE i - 20.0 END`,
      typical_price: `CASE i % 2 WHEN 0 THEN 0.0 ELSE -0.0 END`,
      previous_close: `CASE WHEN i = 0 THEN NULL ELSE 99.5 + i END`,
      source: `'sample'`,
      run_id: `'run-1'`,
      ingested_at: `TIMESTAMPTZ '2026-11-26 05:34:33.081123+00' + to_seconds(i)`,
    });
    const files = await writeTableFiles(c, t, relation, dir, {
      sort: false,
      dictionary: false,
      types: { source: enumType(['sample']), run_id: enumType(['run-1']) },
    });
    expect(files.map((f) => f.partition).sort((a, b) => a.trade_date_month! - b.trade_date_month!)).toEqual([
      { trade_date_month: 654 },
      { trade_date_month: 655 },
    ]);
    expect(files.reduce((n, f) => n + Number(f.stats?.recordCount), 0)).toBe(40);
    for (const f of files) {
      const [fromFooter, fromStats] = await bothWays(t, f);
      expect(fromStats).toEqual(fromFooter);
      expect(fromStats.lowerBounds?.get(23)?.byteLength).toBe(8); // ingested_at, µs
      expect(fromStats.lowerBounds?.has(20)).toBe(false); // market_cap: only nulls
      // typical_price holds zeros of both signs: its bounds are −0.0 and +0.0 whichever zero DuckDB met first.
      const bound = (b: ReadonlyMap<number, Uint8Array> | undefined) =>
        new DataView(b!.get(10)!.buffer).getFloat64(0, true);
      expect(Object.is(bound(fromStats.lowerBounds), -0)).toBe(true);
      expect(Object.is(bound(fromStats.upperBounds), 0)).toBe(true);
    }
  });

  it('give the dimensions the same metrics too: booleans, old dates, quoted strings, integers', async () => {
    const stock = tableDefinitions.dim_stock;
    const date = tableDefinitions.dim_date;
    const written = [
      [
        stock,
        await writeTableFiles(
          c,
          stock,
          rowsOf(stock, 3, {
            stock_key: `-9000000000000000000 + i`,
            symbol: `'S' || i`,
            company_name: `'O''Neil & Sons'`,
            valid_from: `DATE '1900-01-01' + CAST(i AS INTEGER)`,
            is_current: `i = 2`,
            is_actively_trading: `i > 0`,
          }),
          dir,
        ),
      ],
      [
        date,
        await writeTableFiles(
          c,
          date,
          rowsOf(date, 3, {
            date_key: `20241230 + CAST(i AS INTEGER)`,
            date: `DATE '2024-12-30' + CAST(i AS INTEGER)`,
            iso_week: '1',
            is_weekend: 'false',
            month_name: `'December'`,
          }),
          dir,
        ),
      ],
    ] as const;
    for (const [table, files] of written) {
      expect(files).toHaveLength(1);
      const [fromFooter, fromStats] = await bothWays(table, files[0]!);
      expect(fromStats).toEqual(fromFooter);
    }
  });

  it('writes nothing for an empty relation', async () => {
    const t = tableDefinitions.dim_exchange;
    const before = await readdir(dir);
    expect(await writeTableFiles(c, t, `${rowsOf(t, 1, {})} WHERE false`, dir)).toEqual([]);
    expect(await readdir(dir)).toEqual(before);
  });
});

describe('statValue', () => {
  it('reads DuckDB statistics text as exact Iceberg values, and refuses what it cannot trust', () => {
    const at = BigInt(Date.parse('2026-11-26T05:34:33.081Z')) * 1000n + 123n;
    expect(statValue('timestamptz', '2026-11-26 05:34:33.081123+00')).toBe(at);
    expect(statValue('timestamptz', '2026-11-26 00:04:33.081123-05:30')).toBe(at);
    expect(statValue('timestamp', '1969-12-31 23:59:59.5')).toBe(-500_000n);
    expect(statValue('date', '0050-03-01')).toBe(Date.parse('0050-03-01T00:00:00Z') / 86_400_000);
    expect(statValue('date', 'infinity')).toBeUndefined();
    expect(statValue('double', '1e+22')).toBe(1e22);
    expect(statValue('double', 'nan')).toBeUndefined();
    expect(statValue('boolean', '1')).toBe(true);
    expect(statValue('long', '9007199254740993')).toBe(9_007_199_254_740_993n);
    expect(statValue('string', 'é'.repeat(101))).toBeUndefined(); // 202 bytes: may have been cut
  });
});
