import { ValidationError } from '../errors.js';
import { findMaxFieldId } from './type-json.js';
import type { PartitionSpec, Schema, SortOrder, TableMetadata } from './types.js';

/** Inputs of {@link newTableMetadata}. */
export interface NewTableMetadataOptions {
  readonly location: string;
  readonly schema: Schema;
  readonly partitionSpec?: PartitionSpec;
  readonly sortOrder?: SortOrder;
  readonly properties?: Readonly<Record<string, string>>;
  /** Table UUID (inject for determinism). */
  readonly tableUuid: string;
  /** Creation time, ms since epoch. */
  readonly nowMs: number;
}

/**
 * Metadata of an empty v2 table, as Athena/Java write it (iceberg.md §2): sequence 0, no snapshot, empty logs,
 * `last-partition-id` 999 when unpartitioned. Validates that partition sources exist and ids are unique.
 * @throws {ValidationError}
 */
export function newTableMetadata(options: NewTableMetadataOptions): TableMetadata {
  const schema: Schema = { ...options.schema, schemaId: 0 };
  const spec: PartitionSpec = { specId: 0, fields: options.partitionSpec?.fields ?? [] };
  const topIds = new Set(schema.fields.map((f) => f.id));
  const seen = new Set<number>();
  for (const f of spec.fields) {
    if (!topIds.has(f.sourceId))
      throw new ValidationError(`iceberg: partition field ${f.name} has unknown source-id ${f.sourceId}`);
    if (f.fieldId < 1000 || seen.has(f.fieldId))
      throw new ValidationError(`iceberg: partition field ids must be unique and ≥ 1000 (${f.name})`);
    seen.add(f.fieldId);
  }
  const location = options.location.replace(/\/+$/, '');
  return {
    formatVersion: 2,
    tableUuid: options.tableUuid,
    location,
    lastSequenceNumber: 0n,
    lastUpdatedMs: options.nowMs,
    lastColumnId: findMaxFieldId(schema.fields),
    schemas: [schema],
    currentSchemaId: 0,
    partitionSpecs: [spec],
    defaultSpecId: 0,
    lastPartitionId: spec.fields.reduce((m, f) => Math.max(m, f.fieldId), 999),
    properties: { 'write.parquet.compression-codec': 'zstd', ...options.properties },
    snapshots: [],
    snapshotLog: [],
    metadataLog: [],
    sortOrders: [options.sortOrder ?? { orderId: 0, fields: [] }],
    defaultSortOrderId: options.sortOrder?.orderId ?? 0,
    refs: {},
    statistics: [],
  };
}
