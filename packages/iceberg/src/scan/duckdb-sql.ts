/**
 * SQL that reads a {@link ScanPlan} with DuckDB's `read_parquet` (the `iceberg` extension cannot be
 * downloaded offline, iceberg.md §14), applying position and equality deletes with the same per-file
 * applicability as {@link planScan}. This module only builds text; the caller runs it on its engine.
 *
 * Columns are matched by Iceberg field id through `read_parquet`'s `schema` parameter (a MAP of field id →
 * name, type, default), so renamed and added columns read right, as with DuckDB's own iceberg extension.
 * Data files must carry Parquet field ids (every engine-written Iceberg file does; imported files relying on
 * `schema.name-mapping.default` need `readRows`). Only primitive columns can be selected.
 */
import { fileURLToPath } from 'node:url';
import type { DataFile, NestedField } from '../metadata/types.js';
import type { ScanPlan } from './plan-scan.js';

/** Options of {@link buildDuckDbScanSql}. */
export interface DuckDbScanOptions {
  /** Column names to select (default: every column of the plan's schema). */
  readonly columns?: readonly string[];
  /**
   * Turns a recorded path into one DuckDB can open. Default: `file://` URIs become local paths, anything
   * else (e.g. `s3://`, read through httpfs) is used as is.
   */
  readonly pathFor?: (recordedPath: string) => string;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const list = (paths: readonly string[]): string => `[${paths.map(quote).join(', ')}]`;

const DUCKDB_TYPES: Record<string, string> = {
  boolean: 'BOOLEAN',
  int: 'INTEGER',
  long: 'BIGINT',
  float: 'FLOAT',
  double: 'DOUBLE',
  date: 'DATE',
  time: 'TIME',
  timestamp: 'TIMESTAMP',
  timestamptz: 'TIMESTAMPTZ',
  timestamp_ns: 'TIMESTAMP_NS',
  timestamptz_ns: 'TIMESTAMPTZ',
  string: 'VARCHAR',
  uuid: 'UUID',
  binary: 'BLOB',
};

/** DuckDB type of a primitive Iceberg type. @throws Error for nested types. */
export function toDuckDbType(field: NestedField): string {
  const t = field.type;
  if (typeof t !== 'string')
    throw new Error(`iceberg: column ${field.name} is nested; select primitive columns only`);
  if (t.startsWith('decimal')) return t.toUpperCase().replace(/\s+/g, '');
  if (t.startsWith('fixed')) return 'BLOB';
  const out = DUCKDB_TYPES[t];
  if (!out) throw new Error(`iceberg: no DuckDB type for ${t}`);
  return out;
}

/** `read_parquet` `schema` parameter mapping field ids to names and types. */
function schemaMap(fields: readonly NestedField[]): string {
  const entries = fields.map(
    (f) => `${f.id}: {name: ${quote(f.name)}, type: ${quote(toDuckDbType(f))}, default_value: NULL}`,
  );
  return `MAP {${entries.join(', ')}}`;
}

/** Default {@link DuckDbScanOptions.pathFor}: `file:///x` → `/x`. */
export function toEnginePath(recordedPath: string): string {
  return recordedPath.startsWith('file:') ? fileURLToPath(recordedPath) : recordedPath;
}

/**
 * A `SELECT` returning the plan's rows. An empty plan yields a query with the right column names and no rows.
 * @throws Error when a selected column is not in the plan's schema.
 */
export function buildDuckDbScanSql(plan: ScanPlan, options: DuckDbScanOptions = {}): string {
  const pathFor = options.pathFor ?? toEnginePath;
  const fields: NestedField[] = (options.columns ?? plan.schema.fields.map((f) => f.name)).map((c) => {
    const f = plan.schema.fields.find((x) => x.name === c);
    if (!f) throw new Error(`iceberg: column "${c}" is not in schema ${plan.schema.schemaId}`);
    return f;
  });
  const select = fields.map((f) => `d.${ident(f.name)}`).join(', ');
  if (plan.tasks.length === 0) {
    return `SELECT ${fields.map((f) => `NULL AS ${ident(f.name)}`).join(', ') || '1 AS _'} WHERE false`;
  }
  const deleteFiles = new Map<string, { file: DataFile; index: number }>();
  for (const t of plan.tasks) {
    for (const d of t.deletes)
      if (!deleteFiles.has(d.filePath)) deleteFiles.set(d.filePath, { file: d, index: deleteFiles.size });
  }
  // Equality-delete columns must be read from data files even when not selected.
  const readFields = [...fields];
  for (const { file } of deleteFiles.values()) {
    for (const id of file.equalityIds ?? []) {
      const f = plan.schema.fields.find((x) => x.id === id);
      if (f && !readFields.includes(f)) readFields.push(f);
    }
  }
  const ctes: string[] = [];
  const files = plan.tasks.map(
    (t, i) => `(${quote(pathFor(t.file.filePath))}, ${quote(t.file.filePath)}, ${i})`,
  );
  ctes.push(`__files(__path, __recorded, __task) AS (VALUES ${files.join(', ')})`);
  ctes.push(
    `__data AS (SELECT * FROM read_parquet(${list(plan.tasks.map((t) => pathFor(t.file.filePath)))}, filename = true, file_row_number = true, schema = ${schemaMap(readFields)}))`,
  );
  const where: string[] = [];
  const positional = [...deleteFiles.values()].filter((d) => d.file.content === 1);
  if (positional.length > 0) {
    const reads = positional.map(
      (d) =>
        `SELECT file_path AS __dpath, pos AS __dpos, ${d.index} AS __del FROM read_parquet(${quote(pathFor(d.file.filePath))})`,
    );
    ctes.push(`__pos AS (${reads.join(' UNION ALL ')})`);
    const apply = plan.tasks.flatMap((t, i) =>
      t.deletes
        .filter((d) => d.content === 1)
        .map((d) => `(${i}, ${deleteFiles.get(d.filePath)?.index ?? -1})`),
    );
    ctes.push(`__pos_apply(__task, __del) AS (VALUES ${apply.join(', ')})`);
    where.push(
      'NOT EXISTS (SELECT 1 FROM __pos p JOIN __pos_apply a ON a.__del = p.__del ' +
        'WHERE a.__task = f.__task AND p.__dpath = f.__recorded AND p.__dpos = d.file_row_number)',
    );
  }
  for (const d of [...deleteFiles.values()].filter((x) => x.file.content === 2)) {
    const eqFields = (d.file.equalityIds ?? []).map((id) => {
      const f = plan.schema.fields.find((x) => x.id === id);
      if (!f)
        throw new Error(`iceberg: equality delete ${d.file.filePath} uses field ${id}, not in the schema`);
      return f;
    });
    const name = `__eq${d.index}`;
    const aliases = eqFields.map((f) => `${ident(f.name)} AS __k${f.id}`).join(', ');
    ctes.push(
      `${name} AS (SELECT DISTINCT ${aliases} FROM read_parquet(${quote(pathFor(d.file.filePath))}, schema = ${schemaMap(eqFields)}))`,
    );
    const tasks = plan.tasks.flatMap((t, i) =>
      t.deletes.some((x) => x.filePath === d.file.filePath) ? [i] : [],
    );
    const match = eqFields.map((f) => `e.__k${f.id} IS NOT DISTINCT FROM d.${ident(f.name)}`).join(' AND ');
    where.push(`NOT (f.__task IN (${tasks.join(', ')}) AND EXISTS (SELECT 1 FROM ${name} e WHERE ${match}))`);
  }
  return (
    `WITH ${ctes.join(',\n')}\nSELECT ${select} FROM __data d JOIN __files f ON f.__path = d.filename` +
    (where.length ? `\nWHERE ${where.join('\n  AND ')}` : '')
  );
}
