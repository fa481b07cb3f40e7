import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

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
  /** Runs statements without reading results. */
  exec(sql: string): Promise<void>;
  close(): void;
}

const integerTypes = new Set(['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT']);

function convert(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (integerTypes.has(type) && typeof value === 'string') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  }
  if (type.startsWith('TIMESTAMP') && typeof value === 'string') {
    const d = new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
    return Number.isNaN(d.getTime()) ? value : d.toISOString();
  }
  return value;
}

/**
 * Opens an in-memory DuckDB (the binary ships inside `@duckdb/node-api`; no extension is
 * downloaded). `memoryLimit` and `threads` bound what one process uses; a temp directory lets large
 * sorts spill.
 */
export async function openDb(options: { memoryLimit?: string; threads?: number; tempDirectory?: string } = {}): Promise<Db> {
  const duck = await import('@duckdb/node-api');
  const config: Record<string, string> = {};
  if (options.memoryLimit) config['memory_limit'] = options.memoryLimit;
  if (options.threads) config['threads'] = String(options.threads);
  if (options.tempDirectory) config['temp_directory'] = options.tempDirectory;
  const instance: DuckDBInstance = await duck.DuckDBInstance.create(':memory:', config);
  const conn: DuckDBConnection = await instance.connect();
  return {
    async query(sql) {
      const reader = await conn.runAndReadAll(sql);
      const columns = reader.columnNames();
      const types = reader.columnTypes().map((t) => t.toString());
      const rows = reader.getRowObjectsJson().map((r) => {
        const out: Row = {};
        columns.forEach((c, i) => (out[c] = convert((r as Row)[c], types[i] ?? '')));
        return out;
      });
      return { columns, types, rows };
    },
    async exec(sql) {
      await conn.run(sql);
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
