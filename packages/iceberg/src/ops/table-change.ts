import type { DataFile, SnapshotOperation } from '../metadata/types.js';

/** A live data file an operation removes; `manifestPath` (where it was seen live) speeds up the rewrite. */
export interface RemovedFile {
  readonly path: string;
  readonly manifestPath?: string;
}

/**
 * What one snapshot changes, independent of the base it is applied to (so it can be re-applied on retry):
 * data files to add (already written) and live data files to remove.
 */
export interface TableChange {
  readonly operation: SnapshotOperation;
  readonly added: readonly DataFile[];
  readonly removed: readonly RemovedFile[];
  /**
   * Called on retry with the data files other writers added since the base this change was computed from. Throw
   * `ValidationConflictError` when one of them could hold rows this change should have seen (serializable
   * isolation for overwrite/upsert/delete, iceberg.md §8). Appends have none.
   */
  readonly checkConcurrentAdds?: (files: readonly DataFile[]) => void;
  /** Extra snapshot summary properties (strings). */
  readonly summary?: Readonly<Record<string, string>>;
  /** Files the operation wrote itself (data files) — deleted by `abandon` or after a failed commit. */
  readonly ownedFiles?: readonly string[];
}
