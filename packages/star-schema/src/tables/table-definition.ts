import type { PartitionSpec, PrimitiveTypeName, Schema, SortOrder } from '@nasdaq-pipeline/iceberg';

/** A column of a table: the Iceberg field plus the name the SQL models produce. */
export interface ColumnDefinition {
  /** Iceberg field id: assigned once, never changed, never reused. */
  readonly id: number;
  readonly name: string;
  readonly type: PrimitiveTypeName;
  readonly required: boolean;
  readonly doc?: string;
}

/** Partitioning of a table: a transform of one source column (or none). */
export interface PartitionDefinition {
  /** Source column name. */
  readonly column: string;
  readonly transform: 'identity' | 'year' | 'month' | 'day';
  /** Partition field id (≥ 1000). */
  readonly fieldId: number;
  /** Partition field name, e.g. `trade_date_month`. */
  readonly name: string;
}

/** Everything a writer or reader needs to know about one table of the star schema. */
export interface TableDefinition {
  /** Table name within the namespace (default namespace `nasdaq`). */
  readonly name: string;
  readonly kind: 'dimension' | 'fact' | 'aggregate' | 'operations';
  readonly doc: string;
  /** Columns in storage order. */
  readonly columns: readonly ColumnDefinition[];
  /** Natural key: rows are upserted on these columns. */
  readonly keyColumns: readonly string[];
  /** `null` = unpartitioned. */
  readonly partition: PartitionDefinition | null;
  /** Columns the data files are sorted by, ascending. */
  readonly sortColumns: readonly string[];
}

/** Builds a column; `required` defaults to `false`. */
export function column(
  id: number,
  name: string,
  type: PrimitiveTypeName,
  required = false,
  doc?: string,
): ColumnDefinition {
  return doc === undefined ? { id, name, type, required } : { id, name, type, required, doc };
}

function columnOf(table: TableDefinition, name: string): ColumnDefinition {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new Error(`star-schema: table ${table.name} has no column ${name}`);
  return found;
}

/** The table's Iceberg schema (schema id 0), key columns as `identifier-field-ids`. */
export function toIcebergSchema(table: TableDefinition): Schema {
  return {
    type: 'struct',
    schemaId: 0,
    identifierFieldIds: table.keyColumns.map((k) => columnOf(table, k).id),
    fields: table.columns.map((c) => ({
      id: c.id,
      name: c.name,
      required: c.required,
      type: c.type,
      ...(c.doc === undefined ? {} : { doc: c.doc }),
    })),
  };
}

/** The table's Iceberg partition spec (spec id 0); unpartitioned tables get `fields: []`. */
export function toPartitionSpec(table: TableDefinition): PartitionSpec {
  const p = table.partition;
  if (!p) return { specId: 0, fields: [] };
  return {
    specId: 0,
    fields: [
      { sourceId: columnOf(table, p.column).id, fieldId: p.fieldId, name: p.name, transform: p.transform },
    ],
  };
}

/** The table's Iceberg sort order (order id 1, ascending, nulls first); order 0 when unsorted. */
export function toSortOrder(table: TableDefinition): SortOrder {
  if (table.sortColumns.length === 0) return { orderId: 0, fields: [] };
  return {
    orderId: 1,
    fields: table.sortColumns.map((name) => ({
      sourceId: columnOf(table, name).id,
      transform: 'identity' as const,
      direction: 'asc' as const,
      nullOrder: 'nulls-first' as const,
    })),
  };
}

/** Column name → field id, the `FIELD_IDS` map of DuckDB's Parquet writer. */
export function fieldIdsOf(table: TableDefinition): Record<string, number> {
  return Object.fromEntries(table.columns.map((c) => [c.name, c.id]));
}
