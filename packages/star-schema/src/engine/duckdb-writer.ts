import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableDefinition } from '../tables/table-definition.js';
import { castColumns, fieldIdsOption, ident, literal, partitionExpression, pathList } from './duckdb-sql.js';
import { partitionKeyOf, writtenFileStats, type ReturnStatsRow } from './duckdb-file-stats.js';
import type { StoredFile, WrittenFile } from './table-store.js';

/** Number of rows of a relation. */
export async function countRows(connection: DuckDBConnection, relation: string): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT count(*) AS n FROM (${relation})`);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

/**
 * Row-group size of partitioned writes. DuckDB buffers each partition's rows until a row group is full; with its
 * default (122,880 rows) a rebuild batch's ~120 monthly fact partitions (~30k rows each) never fill one, so every
 * row was held to the end of the statement and written there, on one thread. 8,192-row groups stream out while the
 * statement runs: a 3,000-symbol × 10-year rebuild took 27 s instead of 41 s, with 25 % less peak memory
 * (BENCHMARKS.md, star-schema, session 4). 16,384 kept half the gain; 4,096 measured the same as 8,192.
 */
export const PARTITIONED_ROW_GROUP_ROWS = 8192;

/**
 * Writes `relation` as Parquet files of `table` (columns cast and ordered as the schema, Iceberg field ids, one
 * folder per partition value, rows sorted by the table's sort columns) under `dir`. Returns one entry per file,
 * with the statistics DuckDB reported for it (`RETURN_STATS`), so nothing is read back to count or register it.
 */
export async function writeTableFiles(
  connection: DuckDBConnection,
  table: TableDefinition,
  relation: string,
  dir: string,
  options: {
    sort?: boolean;
    /** DuckDB types to write columns as instead of their storage type's (see `enumType`). */
    types?: Readonly<Record<string, string>>;
    /**
     * `false` writes every column without dictionary encoding (ENUM columns keep theirs). For the fact table,
     * whose columns are nearly all distinct prices and ratios, dictionaries saved ~1 % of the bytes and cost ~15 %
     * of the write (BENCHMARKS.md, star-schema, session 5).
     */
    dictionary?: boolean;
  } = {},
): Promise<WrittenFile[]> {
  const out = join(dir, `${table.name}-${randomUUID()}`);
  // Sorting a large partitioned write costs a full sort; the fact model's window output already arrives grouped
  // by symbol and ordered by date within it, so the fact table skips it.
  const order = options.sort === false ? '' : `ORDER BY ${table.sortColumns.map(ident).join(', ')}`;
  const part = partitionExpression(table);
  const p = table.partition;
  const common = `FORMAT parquet, FIELD_IDS ${fieldIdsOption(table)}, RETURN_STATS${
    options.dictionary === false ? ', DICTIONARY_SIZE_LIMIT 1' : ''
  }`;
  await mkdir(out, { recursive: true });
  const written = async (sql: string): Promise<ReturnStatsRow[]> =>
    (await connection.runAndReadAll(sql)).getRowObjectsJson() as unknown as ReturnStatsRow[];
  if (!part || !p) {
    const file = join(out, 'part-0.parquet');
    const [row] = await written(
      `COPY (SELECT ${castColumns(table, options.types)} FROM (${relation}) ${order}) TO ${literal(file)} (${common})`,
    );
    if (!row || row.count === '0') {
      await rm(out, { recursive: true, force: true });
      return [];
    }
    return [{ localPath: file, partition: {}, stats: writtenFileStats(row, table) }];
  }
  const rows = await written(
    `COPY (SELECT ${castColumns(table, options.types)}, ${part} AS __partition FROM (${relation}) ${order})
     TO ${literal(out)} (${common}, PARTITION_BY (__partition), FILENAME_PATTERN 'part-{uuid}',
     OVERWRITE_OR_IGNORE, ROW_GROUP_SIZE ${PARTITIONED_ROW_GROUP_ROWS})`,
  );
  return rows
    .filter((row) => row.count !== '0')
    .map((row) => ({
      localPath: row.filename,
      partition: { [p.name]: Number(partitionKeyOf(row, '__partition')) },
      stats: writtenFileStats(row, table),
    }));
}

/** Stable string key of a partition tuple. */
export function partitionKey(partition: Readonly<Record<string, number>>): string {
  return JSON.stringify(Object.entries(partition).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Copy-on-write survivors: the rows of the stored files in the partitions `added` touches whose `replaceKey`
 * does not occur in `added`, written as new files. Returns the stored files to remove and the survivor files.
 */
export async function rewriteTouchedPartitions(
  connection: DuckDBConnection,
  table: TableDefinition,
  stored: readonly StoredFile[],
  added: readonly WrittenFile[],
  replaceKey: readonly string[],
  dir: string,
): Promise<{ remove: StoredFile[]; survivors: WrittenFile[] }> {
  if (added.length === 0) return { remove: [], survivors: [] };
  const touched = new Set(added.map((f) => partitionKey(f.partition)));
  const remove = stored.filter((f) => touched.has(partitionKey(f.partition)));
  if (remove.length === 0) return { remove, survivors: [] };
  const cols = table.columns.map((c) => ident(c.name)).join(', ');
  const match = replaceKey.map((k) => `n.${ident(k)} = o.${ident(k)}`).join(' AND ');
  const newKeys = `SELECT DISTINCT ${replaceKey.map(ident).join(', ')} FROM read_parquet(${pathList(added.map((f) => f.localPath))})`;
  const relation = `SELECT ${cols} FROM read_parquet(${pathList(remove.map((f) => f.localPath))}) o
    WHERE NOT EXISTS (SELECT 1 FROM (${newKeys}) n WHERE ${match})`;
  const survivors = await writeTableFiles(connection, table, relation, dir);
  return { remove, survivors };
}
