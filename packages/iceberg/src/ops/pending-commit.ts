import type { Catalog } from '../catalog/catalog.js';
import { CommitConflictError } from '../errors.js';
import { parseTableMetadata, serializeTableMetadata } from '../metadata/table-metadata-json.js';
import type { TableIdentifier } from '../metadata/types.js';
import type { StagedCommit } from './commit-change.js';

/**
 * A staged commit written down so that another process can finish it: what a multi-table publish journal holds
 * for each table. Plain JSON (the snapshot id is a decimal string, the metadata is spec JSON).
 */
export interface PendingCommitRecord {
  readonly identifier: TableIdentifier;
  /** The metadata file the staged snapshot was built on. */
  readonly baseMetadataLocation: string;
  /** Id of the staged snapshot, as a decimal string. */
  readonly snapshotId: string;
  /** The table metadata to commit, with the staged snapshot current (spec JSON text). */
  readonly metadata: string;
}

/** What {@link completePendingCommit} found: it swapped the pointer now, or the swap had already happened. */
export type PendingCommitOutcome = 'committed' | 'already-committed';

/** Describe a staged (not yet published) commit as a {@link PendingCommitRecord}. */
export function describeStagedCommit(staged: StagedCommit): PendingCommitRecord {
  return {
    identifier: staged.base.identifier,
    baseMetadataLocation: staged.base.metadataLocation,
    snapshotId: staged.snapshot.snapshotId.toString(),
    metadata: serializeTableMetadata(staged.metadata),
  };
}

/**
 * Finish a commit another process staged and recorded but may not have published (it was killed between writing
 * its journal and swapping this table's pointer). Idempotent: a table that already has the snapshot is left alone.
 * The pointer is swapped only when the table is still at the recorded base and the staged manifest list still
 * exists (a failed publish deletes its files; committing then would reference missing files).
 *
 * @throws {CommitConflictError} when the table moved on without the snapshot, or the staged files are gone; the
 *   commit cannot be completed and the caller must recompute the change
 */
export async function completePendingCommit(
  catalog: Catalog,
  record: PendingCommitRecord,
): Promise<PendingCommitOutcome> {
  const current = await catalog.loadTable(record.identifier);
  const id = BigInt(record.snapshotId);
  if (current.metadata.snapshots.some((s) => s.snapshotId === id)) return 'already-committed';
  const name = `${record.identifier.namespace}.${record.identifier.name}`;
  if (current.metadataLocation !== record.baseMetadataLocation) {
    throw new CommitConflictError(
      `iceberg: cannot complete the pending commit of ${name}: the table moved from ${record.baseMetadataLocation} to ${current.metadataLocation} without snapshot ${record.snapshotId}`,
    );
  }
  const metadata = parseTableMetadata(record.metadata);
  const snapshot = metadata.snapshots.find((s) => s.snapshotId === id);
  if (!snapshot || !(await catalog.io.exists(snapshot.manifestList))) {
    throw new CommitConflictError(
      `iceberg: cannot complete the pending commit of ${name}: the manifest list of snapshot ${record.snapshotId} is gone`,
    );
  }
  await catalog.commitTable(current, metadata);
  return 'committed';
}
