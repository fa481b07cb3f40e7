import type { DuckDBConnection, DuckDBInstance, DuckDBResultReader } from '@duckdb/node-api';
import { UsageError } from '../errors.js';

/** A row as the CLI prints it: dates `YYYY-MM-DD`, 64-bit integers as numbers when safe. */
export type Row = Record<string, unknown>;

/** The result of one query: column names, their DuckDB types, and rows. */
export interface QueryResult {
  columns: string[];
  types: string[];
  rows: Row[];
}

/** A DuckDB connection with the conversions the CLI needs. */
export interface Db {
  /** Runs `sql` and returns converted rows. */
  query(sql: string): Promise<QueryResult>;
  /**
   * Runs user SQL that may only read: every statement must be a SELECT or EXPLAIN (checked by DuckDB's
   * own parser), so COPY, CREATE, INSERT, ATTACH, SET and friends are refused before anything runs.
   * @throws ReadOnlyQueryError naming the refused statement type
   */
  queryReadOnly(sql: string): Promise<QueryResult>;
  /** Runs statements without reading results. */
  exec(sql: string): Promise<void>;
  /**
   * Confines the connection to reading `files`: every other file (and any write) is refused by
   * DuckDB itself, and the setting cannot be undone (`lock_configuration`).
   */
  lockDown(files: readonly string[]): Promise<void>;
  close(): void;
}

/** User SQL tried to do something other than read (exit 2). */
export class ReadOnlyQueryError extends UsageError {}

const integerTypes = new Set(['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT']);

function toSafeInteger(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

function toIsoInstant(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const d = new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** The conversion a column of `type` needs (64-bit integers to numbers when safe, timestamps to ISO), if any. */
function converterFor(type: string): ((value: unknown) => unknown) | null {
  if (integerTypes.has(type)) return toSafeInteger;
  if (type.startsWith('TIMESTAMP')) return toIsoInstant;
  return null;
}

function toResult(reader: DuckDBResultReader): QueryResult {
  const columns = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  const converters = types.map(converterFor);
  const rows = reader.getRowsJson().map((values) => {
    const out: Row = {};
    for (let i = 0; i < columns.length; i++) {
      const v = values[i] ?? null;
      const convert = converters[i];
      out[columns[i] as string] = v === null || !convert ? v : convert(v);
    }
    return out;
  });
  return { columns, types, rows };
}

/**
 * Opens an in-memory DuckDB (the binary ships inside `@duckdb/node-api`; no extension is
 * downloaded). `memoryLimit` and `threads` bound what one process uses; a temp directory lets large
 * sorts spill.
 */
export async function openDb(
  options: { memoryLimit?: string; threads?: number; tempDirectory?: string } = {},
): Promise<Db> {
  const duck = await import('@duckdb/node-api');
  const config: Record<string, string> = {};
  if (options.memoryLimit) config['memory_limit'] = options.memoryLimit;
  if (options.threads) config['threads'] = String(options.threads);
  if (options.tempDirectory) config['temp_directory'] = options.tempDirectory;
  const instance: DuckDBInstance = await duck.DuckDBInstance.create(':memory:', config);
  const conn: DuckDBConnection = await instance.connect();
  return {
    async query(sql) {
      return toResult(await conn.runAndReadAll(sql));
    },
    async queryReadOnly(sql) {
      const extracted = await conn.extractStatements(sql);
      if (extracted.count === 0)
        throw new ReadOnlyQueryError('the query is empty; give one SELECT statement');
      const prepared = [];
      for (let i = 0; i < extracted.count; i++) {
        const p = await extracted.prepare(i);
        const type = p.statementType;
        if (type !== duck.StatementType.SELECT && type !== duck.StatementType.EXPLAIN) {
          throw new ReadOnlyQueryError(
            `query is read-only: statement ${i + 1} is ${duck.StatementType[type] ?? String(type)}; only SELECT (and EXPLAIN) can run against the warehouse`,
          );
        }
        prepared.push(p);
      }
      let last: QueryResult = { columns: [], types: [], rows: [] };
      for (const p of prepared) last = toResult(await p.runAndReadAll());
      return last;
    },
    async exec(sql) {
      await conn.run(sql);
    },
    async lockDown(files) {
      await conn.run(`SET allowed_paths = [${files.map(quoteLiteral).join(', ')}]`);
      await conn.run('SET enable_external_access = false');
      await conn.run('SET lock_configuration = true');
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Quotes an identifier for DuckDB/Trino SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a string literal. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
