/**
 * Orphan-file removal (Java `DeleteOrphanFiles`): files under a table location that no metadata references,
 * e.g. left by failed commits (iceberg.md §9: uploads are never retried in place, so failures leave orphans).
 */
import { ValidationError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';

/** Options of {@link removeOrphanFiles}. */
export interface RemoveOrphanFilesOptions {
  /**
   * Only files last modified before this instant are removed, so files of commits still in flight survive.
   * Default: now − 3 days (Java's default).
   */
  readonly olderThan?: number | Date;
  /** Clock (ms since epoch). Default `Date.now`. */
  readonly now?: () => number;
  /** List what would be removed without deleting. */
  readonly dryRun?: boolean;
}

const DEFAULT_MIN_AGE_MS = 3 * 24 * 3600 * 1000;

// `file:///a%20b` and `file:///a b` name the same file; s3a:// is s3://.
const canonical = (p: string): string => {
  let out = p.replace(/^s3[an]:\/\//, 's3://').replace(/^file:\/(?!\/)/, 'file:///');
  try {
    out = decodeURI(out);
  } catch {
    // keep undecodable paths as they are
  }
  return out;
};

/**
 * Deletes files under `location` that are not in `referenced` and are older than `olderThan`.
 * Build `referenced` with `listReferencedFiles` (it includes metadata files and `version-hint.text`).
 * @returns the removed (or, with `dryRun`, removable) paths
 * @throws {ValidationError} when no referenced path lies under `location` (a scheme or location mismatch)
 */
export async function removeOrphanFiles(
  location: string,
  io: FileIO,
  referenced: Iterable<string>,
  options: RemoveOrphanFilesOptions = {},
): Promise<string[]> {
  const now = (options.now ?? Date.now)();
  const olderThan =
    options.olderThan === undefined
      ? now - DEFAULT_MIN_AGE_MS
      : options.olderThan instanceof Date
        ? options.olderThan.getTime()
        : options.olderThan;
  const keep = new Set([...referenced].map(canonical));
  const orphans: string[] = [];
  const root = location.replace(/\/+$/, '');
  // Guard against a location/scheme mismatch (s3 vs s3a, a rebased copy…): with no referenced file under the
  // location, every listed file would look orphaned and the whole table would be deleted.
  const canonicalRoot = canonical(root);
  if (![...keep].some((p) => p.startsWith(`${canonicalRoot}/`))) {
    throw new ValidationError(
      `iceberg: removeOrphanFiles: no referenced file lies under ${location}; refusing to delete (check the location and the referenced paths)`,
    );
  }
  for await (const f of io.list(`${root}/`)) {
    if (keep.has(canonical(f.path))) continue;
    if (f.lastModified.getTime() >= olderThan) continue;
    orphans.push(f.path);
  }
  if (!options.dryRun && orphans.length > 0) await io.delete(orphans);
  return orphans;
}
