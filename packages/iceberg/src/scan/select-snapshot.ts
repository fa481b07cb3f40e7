/**
 * Time travel: choose the snapshot a read sees (spec "Snapshots", `snapshot-log`).
 */
import { ValidationError } from '../errors.js';
import type { Schema, Snapshot, TableMetadata } from '../metadata/types.js';

/** How to pick a snapshot: by id, by wall-clock time, by ref name, or (default) the current one. */
export interface SnapshotSelector {
  readonly snapshotId?: bigint;
  /** Milliseconds since the epoch or a Date: the snapshot that was current at that instant. */
  readonly asOfTimestamp?: number | Date;
  /** Branch or tag name (`main` by default). */
  readonly ref?: string;
}

/**
 * Returns the selected snapshot, or `undefined` when the table (or the table at that time) has none.
 * `asOfTimestamp` uses the `snapshot-log` (the history of the current pointer), falling back to
 * snapshot timestamps when the log is empty.
 * @throws {ValidationError} when `snapshotId` or `ref` is unknown, or the snapshot current at
 *   `asOfTimestamp` has expired.
 */
export function selectSnapshot(
  metadata: TableMetadata,
  selector: SnapshotSelector = {},
): Snapshot | undefined {
  const byId = (id: bigint): Snapshot => {
    const s = metadata.snapshots.find((x) => x.snapshotId === id);
    if (!s) throw new ValidationError(`iceberg: snapshot ${id} not found in table ${metadata.location}`);
    return s;
  };
  if (selector.snapshotId !== undefined) return byId(selector.snapshotId);
  if (selector.asOfTimestamp !== undefined) {
    const t =
      selector.asOfTimestamp instanceof Date ? selector.asOfTimestamp.getTime() : selector.asOfTimestamp;
    const log = metadata.snapshotLog.length
      ? metadata.snapshotLog
      : [...metadata.snapshots].map((s) => ({ timestampMs: s.timestampMs, snapshotId: s.snapshotId }));
    let hit: bigint | undefined;
    for (const e of [...log].sort((a, b) => a.timestampMs - b.timestampMs)) {
      if (e.timestampMs <= t) hit = e.snapshotId;
    }
    if (hit === undefined) return undefined; // before the first snapshot: the table was empty
    const snapshot = metadata.snapshots.find((x) => x.snapshotId === hit);
    // The log can outlive expired snapshots; an empty answer would be silently wrong.
    if (!snapshot) {
      throw new ValidationError(
        `iceberg: snapshot ${hit}, current at ${new Date(t).toISOString()}, has expired from table ${metadata.location}`,
      );
    }
    return snapshot;
  }
  if (selector.ref !== undefined && selector.ref !== 'main') {
    const ref = metadata.refs[selector.ref];
    if (!ref)
      throw new ValidationError(`iceberg: ref ${selector.ref} not found in table ${metadata.location}`);
    return byId(ref.snapshotId);
  }
  const current = metadata.refs['main']?.snapshotId ?? metadata.currentSnapshotId;
  return current === undefined || current < 0n ? undefined : byId(current);
}

/**
 * The schema to read a snapshot with: the current schema for the current snapshot, the snapshot's own
 * schema when time travelling (Java/Spark semantics), else the current one.
 * @throws {ValidationError} when the metadata lacks the schema.
 */
export function selectSchema(
  metadata: TableMetadata,
  snapshot: Snapshot | undefined,
  timeTravel: boolean,
): Schema {
  const id = timeTravel && snapshot?.schemaId !== undefined ? snapshot.schemaId : metadata.currentSchemaId;
  const schema = metadata.schemas.find((s) => s.schemaId === id);
  if (!schema) throw new ValidationError(`iceberg: schema ${id} not found in table ${metadata.location}`);
  return schema;
}
