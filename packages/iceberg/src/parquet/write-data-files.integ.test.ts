import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFileIO, toFileUri, toLocalPath } from '../io/local-file-io.js';
import { newTableMetadata } from '../metadata/new-table-metadata.js';
import { serializeSingleValue } from '../metadata/single-value.js';
import type { Schema } from '../metadata/types.js';
import { FilesystemCatalog } from '../catalog/filesystem-catalog.js';
import { planScan } from '../scan/plan-scan.js';
import { readRows } from '../scan/read-rows.js';
import { Table } from '../table.js';
import { byMonthSpec, priceSchema } from '../test-support/price-table.js';
import { dataFileFromParquet } from './data-file-from-parquet.js';
import { writeDataFiles } from './write-data-files.js';

// The shared daily-price schema plus a long and a timestamptz column.
const schema: Schema = {
  ...priceSchema,
  fields: [
    ...priceSchema.fields,
    { id: 4, name: 'volume', required: false, type: 'long' },
    { id: 5, name: 'ingested_at', required: false, type: 'timestamptz' },
  ],
};
const dir = mkdtempSync(path.join(tmpdir(), 'iceberg-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const io = new LocalFileIO();
const day = (iso: string): number => Date.parse(iso) / 86_400_000;

function sample(): arrow.Table {
  return new arrow.Table({
    symbol: arrow.vectorFromArray(['MSFT', 'AAPL', 'AAPL', 'NVDA']),
    trade_date: arrow.vectorFromArray(
      [new Date('2024-01-31'), new Date('2024-02-01'), new Date('2024-01-02'), new Date('2024-02-05')],
      new arrow.DateDay(),
    ),
    close: arrow.vectorFromArray([400.5, Number.NaN, 185.25, null], new arrow.Float64()),
    volume: arrow.vectorFromArray([1n, 2n, null, 9007199254740993n], new arrow.Int64()),
    ingested_at: arrow.vectorFromArray(
      [1_700_000_000_000, 1_700_000_000_001, null, 1_700_000_000_002],
      new arrow.TimestampMillisecond(),
    ),
  });
}

describe('Arrow → Parquet data files', async () => {
  const db = await DuckDBInstance.create(':memory:');
  const duck = await db.connect();
  afterAll(() => duck.closeSync());

  it('writes one zstd file per month partition with field ids and exact footer metrics', async () => {
    const metadata = newTableMetadata({
      location: toFileUri(path.join(dir, 't1')),
      schema,
      partitionSpec: byMonthSpec,
      tableUuid: 'u',
      nowMs: 0,
    });
    // chunkRows 1 exercises the streaming writer (one slice per row).
    const files = await writeDataFiles(sample(), { io, metadata, chunkRows: 1 });
    expect(files.map((f) => [f.partition['trade_date_month'], f.recordCount]).sort()).toEqual([
      [648, 2n],
      [649, 2n],
    ]);
    const jan = files.find((f) => f.partition['trade_date_month'] === 648)!;
    expect(jan.filePath).toMatch(/\/data\/trade_date_month=2024-01\/.+\.parquet$/);
    expect(jan.fileSizeInBytes).toBe(BigInt(await io.size(jan.filePath)));
    const local = toLocalPath(jan.filePath);
    const ids = (
      await duck.runAndReadAll(
        `select name, field_id from parquet_schema('${local}') where field_id is not null`,
      )
    ).getRowObjects();
    expect(ids.map((r) => [r['name'], Number(r['field_id'])])).toEqual([
      ['symbol', 1],
      ['trade_date', 2],
      ['close', 3],
      ['volume', 4],
      ['ingested_at', 5],
    ]);
    const meta = (
      await duck.runAndReadAll(
        `select path_in_schema, compression, total_compressed_size, stats_null_count from parquet_metadata('${local}') order by column_id`,
      )
    ).getRowObjects();
    expect(meta.every((r) => r['compression'] === 'ZSTD')).toBe(true);
    expect(jan.columnSizes!.get(1)).toBe(BigInt(meta[0]!['total_compressed_size'] as bigint));
    expect(jan.nullValueCounts!.get(4)).toBe(1n);
    expect(jan.lowerBounds!.get(1)).toEqual(new TextEncoder().encode('AAPL'));
    expect(jan.upperBounds!.get(1)).toEqual(new TextEncoder().encode('MSFT'));
    expect(jan.lowerBounds!.get(2)).toEqual(serializeSingleValue('date', day('2024-01-02')));
    expect(jan.upperBounds!.get(3)).toEqual(serializeSingleValue('double', 400.5));
    // Timestamps are written as µs and their bounds keep µs.
    expect(jan.upperBounds!.get(5)).toEqual(serializeSingleValue('timestamptz', 1_700_000_000_000_000n));
    const feb = files.find((f) => f.partition['trade_date_month'] === 649)!;
    expect(feb.nanValueCounts!.get(3)).toBe(1n);
    expect(feb.upperBounds!.get(4)).toEqual(serializeSingleValue('long', 9007199254740993n));
    const rows = (
      await duck.runAndReadAll(
        `select symbol, volume, ingested_at::varchar as ts from read_parquet('${toLocalPath(feb.filePath)}') order by symbol`,
      )
    ).getRowObjects();
    expect(rows).toEqual([
      { symbol: 'AAPL', volume: 2n, ts: '2023-11-14 22:13:20.001+00' },
      { symbol: 'NVDA', volume: 9007199254740993n, ts: '2023-11-14 22:13:20.002+00' },
    ]);
  });

  it('registers a Parquet file DuckDB wrote with FIELD_IDS, deriving the partition from the bounds', async () => {
    const local = path.join(dir, 'duck.parquet');
    await duck.run(`COPY (select * from (values ('AAPL', DATE '2024-03-01', 1.5::double, 10::bigint, TIMESTAMPTZ '2024-03-01 00:00:00+00'), ('MSFT', DATE '2024-03-28', null, 20, null)) t(symbol, trade_date, close, volume, ingested_at))
      TO '${local}' (FORMAT parquet, FIELD_IDS {symbol: 1, trade_date: 2, close: 3, volume: 4, ingested_at: 5})`);
    const f = await dataFileFromParquet({ io, path: toFileUri(local) }, { schema, spec: byMonthSpec });
    expect(f.recordCount).toBe(2n);
    expect(f.partition).toEqual({ trade_date_month: 650 });
    expect(f.fileSizeInBytes).toBe(BigInt(await io.size(toFileUri(local))));
    expect(f.nullValueCounts!.get(3)).toBe(1n);
    expect(f.valueCounts!.get(3)).toBe(2n);
    expect(f.upperBounds!.get(2)).toEqual(serializeSingleValue('date', day('2024-03-28')));
    expect(f.upperBounds!.get(4)).toEqual(serializeSingleValue('long', 20n));
    await expect(
      dataFileFromParquet(
        { io, path: toFileUri(local) },
        { schema, spec: { specId: 0, fields: [{ ...byMonthSpec.fields[0]!, transform: 'year' }] } },
      ),
    ).resolves.toMatchObject({ partition: { trade_date_month: 54 } });
    const wide = path.join(dir, 'wide.parquet');
    await duck.run(
      `COPY (select 'A' symbol, d::date trade_date from (values ('2024-01-01'), ('2024-02-01')) t(d)) TO '${wide}' (FORMAT parquet, FIELD_IDS {symbol: 1, trade_date: 2})`,
    );
    await expect(
      dataFileFromParquet({ io, path: toFileUri(wide) }, { schema, spec: byMonthSpec }),
    ).rejects.toThrow(/spans several/);
  });

  it('appends DuckDB-written Parquet files to a month-partitioned table', async () => {
    const catalog = new FilesystemCatalog({ warehouse: toFileUri(dir), io });
    const identifier = { namespace: 'ns', name: 'duck' };
    const table = await Table.create({ catalog, identifier }, { schema, partitionSpec: byMonthSpec });
    const data = path.join(dir, 'ns/duck/data');
    const paths: string[] = [];
    for (const month of ['01', '02']) {
      const local = path.join(data, `trade_date_month=2024-${month}`, `duck-${month}.parquet`);
      mkdirSync(path.dirname(local), { recursive: true });
      await duck.run(`COPY (select 'AAPL' AS symbol, DATE '2024-${month}-15' AS trade_date, 1.0::double AS "close", 7::bigint AS volume, null::timestamptz AS ingested_at)
        TO '${local}' (FORMAT parquet, FIELD_IDS {symbol: 1, trade_date: 2, close: 3, volume: 4, ingested_at: 5})`);
      paths.push(toFileUri(local));
    }
    const loaded = await table.appendParquet(paths);
    const plan = await planScan(loaded.metadata, io);
    expect(plan.tasks.map((t) => t.file.partition['trade_date_month']).sort()).toEqual([648, 649]);
    expect((await readRows(io, plan)).map((r) => r['volume'])).toEqual([7n, 7n]);
  });
});
