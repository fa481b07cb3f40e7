import type { PrimitiveTypeName } from '@nasdaq-pipeline/iceberg';
import type { TableDefinition } from '../tables/table-definition.js';

/** DuckDB type of an Iceberg primitive type used by the star schema. */
export function duckdbType(type: PrimitiveTypeName): string {
  switch (type) {
    case 'int':
      return 'INTEGER';
    case 'long':
      return 'BIGINT';
    case 'double':
      return 'DOUBLE';
    case 'float':
      return 'FLOAT';
    case 'date':
      return 'DATE';
    case 'timestamptz':
      return 'TIMESTAMPTZ';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

/** A double-quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A single-quoted SQL string literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A DuckDB list literal of file paths. */
export function pathList(paths: readonly string[]): string {
  return `[${paths.map(literal).join(', ')}]`;
}

/** The table's columns, each cast to its storage type (or the DuckDB type `types` names), in storage order. */
export function castColumns(table: TableDefinition, types: Readonly<Record<string, string>> = {}): string {
  return table.columns
    .map((c) => `CAST(${ident(c.name)} AS ${types[c.name] ?? duckdbType(c.type)}) AS ${ident(c.name)}`)
    .join(', ');
}

/**
 * A DuckDB ENUM of `values`: a string column that is one of a few known values, written by the Parquet writer
 * as the same dictionary-encoded UTF8 column as a VARCHAR, and read back as VARCHAR. A partitioned write copies
 * every VARCHAR longer than 12 bytes into each partition's buffer; an ENUM carries a one-byte index instead.
 */
export function enumType(values: readonly string[]): string {
  return `ENUM(${values.map(literal).join(', ')})`;
}

/** A relation with the table's columns read from `paths` (an empty relation of the right types when none). */
export function scanTable(table: TableDefinition, paths: readonly string[]): string {
  if (paths.length === 0) {
    const cols = table.columns
      .map((c) => `CAST(NULL AS ${duckdbType(c.type)}) AS ${ident(c.name)}`)
      .join(', ');
    return `SELECT ${cols} WHERE false`;
  }
  return `SELECT ${table.columns.map((c) => ident(c.name)).join(', ')} FROM read_parquet(${pathList(paths)}, hive_partitioning = false)`;
}

/** The Iceberg partition value of a row as a DuckDB expression (`NULL` when unpartitioned). */
export function partitionExpression(table: TableDefinition): string | null {
  const p = table.partition;
  if (!p) return null;
  const col = ident(p.column);
  if (p.transform === 'month') return `(year(${col}) - 1970) * 12 + month(${col}) - 1`;
  if (p.transform === 'year') return `year(${col}) - 1970`;
  if (p.transform === 'day') return `CAST(${col} - DATE '1970-01-01' AS INTEGER)`;
  return col;
}

/** DuckDB `FIELD_IDS` option value for the table. */
export function fieldIdsOption(table: TableDefinition): string {
  return `{${table.columns.map((c) => `${ident(c.name)}: ${c.id}`).join(', ')}}`;
}
