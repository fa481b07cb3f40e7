import { ValidationError } from '../errors.js';
import type { NestedField, PartitionSpec, Schema, Snapshot, TableMetadata } from './types.js';

/** The current schema. @throws {ValidationError} */
export function getCurrentSchema(m: TableMetadata): Schema {
  const s = m.schemas.find((x) => x.schemaId === m.currentSchemaId);
  if (!s) throw new ValidationError(`iceberg: current-schema-id ${m.currentSchemaId} not in schemas`);
  return s;
}

/** A partition spec by id (default spec when omitted). @throws {ValidationError} */
export function getPartitionSpec(m: TableMetadata, specId = m.defaultSpecId): PartitionSpec {
  const s = m.partitionSpecs.find((x) => x.specId === specId);
  if (!s) throw new ValidationError(`iceberg: partition spec ${specId} not in metadata`);
  return s;
}

/** The snapshot `main` points at, or `undefined` for an empty table. */
export function getCurrentSnapshot(m: TableMetadata): Snapshot | undefined {
  const id = m.refs['main']?.snapshotId ?? m.currentSnapshotId;
  return id === undefined ? undefined : m.snapshots.find((s) => s.snapshotId === id);
}

/** A snapshot by id. @throws {ValidationError} */
export function getSnapshot(m: TableMetadata, snapshotId: bigint): Snapshot {
  const s = m.snapshots.find((x) => x.snapshotId === snapshotId);
  if (!s) throw new ValidationError(`iceberg: snapshot ${snapshotId} not in table ${m.location}`);
  return s;
}

/** The snapshot current at `timestampMs` (time travel, from `snapshot-log`). @throws {ValidationError} */
export function getSnapshotAsOf(m: TableMetadata, timestampMs: number): Snapshot {
  let found: bigint | undefined;
  for (const e of m.snapshotLog) if (e.timestampMs <= timestampMs) found = e.snapshotId;
  if (found === undefined)
    throw new ValidationError(`iceberg: no snapshot at or before ${new Date(timestampMs).toISOString()}`);
  return getSnapshot(m, found);
}

/** A top-level field by id. @throws {ValidationError} */
export function getFieldById(schema: Schema, id: number): NestedField {
  const f = schema.fields.find((x) => x.id === id);
  if (!f) throw new ValidationError(`iceberg: field id ${id} not in schema ${schema.schemaId}`);
  return f;
}

/** A top-level field by name. @throws {ValidationError} */
export function getFieldByName(schema: Schema, name: string): NestedField {
  const f = schema.fields.find((x) => x.name === name);
  if (!f) throw new ValidationError(`iceberg: column ${name} not in schema ${schema.schemaId}`);
  return f;
}
