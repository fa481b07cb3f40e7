import type { LoadedTable } from '../catalog/catalog.js';
import { CommitConflictError, CommitStateUnknownError } from '../errors.js';
import { getCurrentSnapshot } from '../metadata/lookup.js';
import type { Snapshot, TableMetadata } from '../metadata/types.js';
import { resolveCommitOptions, type CommitOptions } from './commit-options.js';
import { collectFilesAddedSince } from './files-added-since.js';
import {
  getMetadataLocation,
  produceSnapshot,
  type CommitState,
  type ProducedSnapshot,
} from './produce-snapshot.js';
import type { TableChange } from './table-change.js';

/** A snapshot whose files and metadata are written but whose table pointer is not swapped yet. */
export interface StagedCommit {
  /** The table state the snapshot was built on. */
  readonly base: LoadedTable;
  /** Metadata with the staged snapshot as current: pass to `planScan` to read the staged table. */
  readonly metadata: TableMetadata;
  readonly snapshot: Snapshot;
  /**
   * Swap the pointer. On a lost race (`CommitConflictError`) reload, re-validate, rebuild the manifest list on the
   * new base and retry; data files and the ADDED manifest are never rewritten.
   * @throws {ValidationConflictError} when a concurrent commit invalidated this change (files are cleaned up)
   * @throws {CommitConflictError} when retries are exhausted (files are cleaned up)
   * @throws {CommitStateUnknownError} when the catalog cannot tell whether the swap happened (nothing deleted)
   */
  publish(): Promise<LoadedTable>;
  /** Delete everything the staged commit wrote (manifests, list, data files it owns). Idempotent. */
  abandon(): Promise<void>;
}

/**
 * Build a snapshot for `change` on the current table state (or `base`) without publishing it.
 * @throws {ValidationConflictError} when a file to remove is not live in the base
 */
export async function stageChange(
  options: CommitOptions,
  change: TableChange,
  base?: LoadedTable,
): Promise<StagedCommit> {
  const o = resolveCommitOptions(options);
  const io = o.catalog.io;
  let current = base ?? (await o.catalog.loadTable(o.identifier));
  const state: CommitState = {
    snapshotId: o.newSnapshotId(),
    commitUuid: o.randomUUID(),
    attempt: 1,
    manifestCounter: 0,
  };
  while (current.metadata.snapshots.some((s) => s.snapshotId === state.snapshotId)) {
    (state as { snapshotId: bigint }).snapshotId = o.newSnapshotId();
  }
  const allFiles = new Set<string>(change.ownedFiles ?? []);
  const track = (p: ProducedSnapshot): ProducedSnapshot => {
    for (const f of p.attemptFiles) allFiles.add(f);
    if (state.addedManifest) allFiles.add(state.addedManifest.manifestPath);
    return p;
  };
  let settled = false;
  const cleanup = async (): Promise<void> => {
    settled = true;
    await io.delete([...allFiles]).catch(() => undefined);
  };
  // A snapshot that failed half-way may have written manifests already (or one whose answer was lost): every
  // manifest and manifest list of this commit carries its UUID in the name, so find them by listing.
  const cleanupAfterFailedAttempt = async (): Promise<void> => {
    try {
      for await (const f of io.list(`${getMetadataLocation(current.metadata)}/`)) {
        if (f.path.includes(state.commitUuid)) allFiles.add(f.path);
      }
    } catch {
      // Best effort: what is left is an orphan for maintenance, never part of the table.
    }
    await cleanup();
  };
  let produced: ProducedSnapshot;
  try {
    produced = track(await produceSnapshot(io, current, change, state, o.now()));
  } catch (error) {
    await cleanupAfterFailedAttempt();
    throw error;
  }

  const publish = async (): Promise<LoadedTable> => {
    if (settled) throw new CommitConflictError('iceberg: staged commit was already published or abandoned');
    const retries = o.retries ?? Number(current.metadata.properties['commit.retry.num-retries'] ?? 4);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const committed = await o.catalog.commitTable(current, produced.metadata);
        settled = true;
        return committed;
      } catch (error) {
        if (error instanceof CommitStateUnknownError) {
          // The swap may have happened: deleting files now could corrupt the table (spec: "commit state unknown").
          settled = true;
          throw error;
        }
        if (!(error instanceof CommitConflictError) || attempt > retries) {
          await cleanup();
          throw error;
        }
      }
      // Lost the race. Only the pointer swap is retried: data files and the ADDED manifest stay as written (their
      // entries inherit the sequence number), so a retry never re-uploads data — re-uploading would leave orphans.
      try {
        await io.delete(produced.attemptFiles);
        await o.sleep(Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
        const fresh = await o.catalog.loadTable(o.identifier);
        if (change.checkConcurrentAdds) {
          const since = getCurrentSnapshot(current.metadata)?.snapshotId;
          change.checkConcurrentAdds(await collectFilesAddedSince(io, fresh.metadata, since));
        }
        state.attempt += 1;
        current = fresh;
        produced = track(await produceSnapshot(io, current, change, state, o.now()));
      } catch (error) {
        await cleanupAfterFailedAttempt();
        throw error;
      }
    }
  };

  return {
    base: current,
    get metadata() {
      return produced.metadata;
    },
    get snapshot() {
      return produced.snapshot;
    },
    publish,
    abandon: async () => {
      if (!settled) await cleanup();
    },
  };
}

/** Stage and publish `change` in one call (see {@link StagedCommit.publish} for retry and error semantics). */
export async function commitChange(
  options: CommitOptions,
  change: TableChange,
  base?: LoadedTable,
): Promise<LoadedTable> {
  return (await stageChange(options, change, base)).publish();
}
