import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildStarSchema, type BuildStarSchemaResult } from '../duckdb.js';
import { createParquetFolderStore } from '../engine/parquet-folder-store.js';
import type { TableStore } from '../engine/table-store.js';
import { createIcebergTableStore } from '../engine/iceberg-table-store.js';
import { FilesystemCatalog, LocalFileIO, toFileUri } from '@nasdaq-pipeline/iceberg';
import { tableDefinitions, type ModelTableName } from '../tables/index.js';
import { RemoteLikeFileIO } from './remote-file-io.js';

/** An FMP `full` bar. */
export interface Bar {
  symbol: string;
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** A staged profile (already in staged_profiles shape). */
export interface Profile {
  symbol: string;
  as_of: string;
  sector: string | null;
  market_cap?: number | null;
  company_name?: string;
}

/** A bar with open = low = close − 1, high = close + 1 unless given. */
export function bar(symbol: string, date: string, close: number, extra: Partial<Bar> = {}): Bar {
  return { symbol, date, open: close, high: close + 1, low: close - 1, close, volume: 1000, ...extra };
}

function profilesSql(profiles: readonly Profile[]): string | undefined {
  if (profiles.length === 0) return undefined;
  const q = (v: string | null | undefined) =>
    v === null || v === undefined ? 'NULL' : `'${v.replaceAll("'", "''")}'`;
  const rows = profiles.map(
    (p) =>
      `(${q(p.symbol)}, DATE '${p.as_of}', ${q(p.company_name ?? `${p.symbol} Inc.`)}, 'NASDAQ', 'NASDAQ Global Select', ${q(p.sector)}, 'Software', 'US', 'USD', DATE '2000-01-01', ${p.market_cap ?? 'NULL'}, true)`,
  );
  return `SELECT * FROM (VALUES ${rows.join(', ')}) AS v(symbol, as_of, company_name, exchange, exchange_full_name, sector, industry, country, currency, ipo_date, market_cap, is_actively_trading)`;
}

/** A warehouse of plain Parquet folders in a temp dir, with helpers to run builds and read tables. */
export interface Warehouse {
  readonly root: string;
  readonly store: TableStore;
  /** The FileIO of a `remote` warehouse (records what was read through it). */
  readonly io?: RemoteLikeFileIO;
  /** Runs an incremental (or rebuild) build over `bars` (one JSON file per symbol, plus `emptySymbols` as `[]`). */
  build(
    bars: readonly Bar[],
    options?: {
      profiles?: readonly Profile[];
      asOf?: string;
      runId?: string;
      mode?: 'incremental' | 'rebuild';
      emptySymbols?: readonly string[];
      publish?: boolean;
      batchSymbols?: number;
      batchRows?: number;
      /** Pass the bar count with the files (as the CLI does), so a rebuild that fits one batch reads them directly. */
      countBars?: boolean;
    },
  ): Promise<BuildStarSchemaResult>;
  /** Rows of a table, ordered by its key. */
  rows(table: ModelTableName, where?: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

let runCounter = 0;

/**
 * Creates a temp warehouse of plain Parquet folders, of Iceberg tables in a filesystem catalog, or of Iceberg
 * tables behind a `remote://` FileIO (uploaded and read through a local cache, as on S3).
 */
export async function createWarehouse(
  kind: 'parquet' | 'iceberg' | 'remote' = 'parquet',
): Promise<Warehouse> {
  const root = await mkdtemp(join(tmpdir(), 'star-schema-'));
  const io = kind === 'remote' ? new RemoteLikeFileIO(join(root, 'remote')) : undefined;
  const store =
    kind === 'parquet'
      ? createParquetFolderStore(join(root, 'tables'))
      : io
        ? createIcebergTableStore({
            catalog: new FilesystemCatalog({ warehouse: 'remote://bucket/warehouse', io }),
            cacheDir: join(root, 'cache'),
          })
        : createIcebergTableStore({
            catalog: new FilesystemCatalog({
              warehouse: toFileUri(join(root, 'warehouse')),
              io: new LocalFileIO(),
            }),
          });
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  return {
    root,
    store,
    ...(io ? { io } : {}),
    async build(bars, options = {}) {
      runCounter += 1;
      const dir = join(root, `in-${runCounter}`);
      const bySymbol = new Map<string, Bar[]>();
      for (const b of bars) bySymbol.set(b.symbol, [...(bySymbol.get(b.symbol) ?? []), b]);
      for (const s of options.emptySymbols ?? []) bySymbol.set(s, []);
      const { mkdir } = await import('node:fs/promises');
      await mkdir(dir, { recursive: true });
      const files: string[] = [];
      for (const [symbol, list] of bySymbol) {
        const file = join(dir, `${symbol}.json`);
        // FMP answers newest first, with its own intraday change fields (never used).
        const body = [...list]
          .reverse()
          .map((b) => ({ ...b, change: b.close - b.open, changePercent: 0, vwap: 1 }));
        await writeFile(file, JSON.stringify(body));
        files.push(file);
      }
      const profiles = profilesSql(options.profiles ?? []);
      const result = await buildStarSchema({
        store,
        workDir: join(root, `work-${runCounter}`),
        asOf: options.asOf ?? '2025-01-03',
        mode: options.mode ?? 'incremental',
        bars: {
          format: 'json',
          files,
          source: 'sample',
          runId: options.runId ?? `run-${runCounter}`,
          ingestedAt: '2025-01-03T22:00:00Z',
          ...(options.countBars ? { rows: bars.length } : {}),
        },
        ...(profiles ? { profiles: { sql: profiles } } : {}),
        ...(options.batchSymbols ? { batchSymbols: options.batchSymbols } : {}),
        ...(options.batchRows ? { batchRows: options.batchRows } : {}),
        memoryLimit: '256MB',
        threads: 1,
      });
      if (options.publish !== false) await result.publishAll();
      return result;
    },
    async rows(table, where) {
      const def = tableDefinitions[table];
      const files = await store.listFiles(def);
      if (files.length === 0) return [];
      const list = files.map((f) => `'${f.localPath}'`).join(', ');
      const order = def.keyColumns.map((k) => `"${k}"`).join(', ');
      const reader = await conn.runAndReadAll(
        `SELECT * FROM read_parquet([${list}], hive_partitioning = false) ${where ? `WHERE ${where}` : ''} ORDER BY ${order}`,
      );
      return reader.getRowObjectsJson() as Record<string, unknown>[];
    },
    async close() {
      conn.closeSync();
      db.closeSync();
      await rm(root, { recursive: true, force: true });
    },
  };
}
