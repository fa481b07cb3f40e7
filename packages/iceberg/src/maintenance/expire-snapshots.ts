/**
 * Snapshot expiry (Java `ExpireSnapshots`, spec "Snapshot Retention Policy"): drop old snapshots from the
 * metadata, commit, then delete the manifest lists, manifests and data files only they referenced.
 */
import { CommitConflictError, ValidationError } from '../errors.js';
import type { Catalog, LoadedTable } from '../catalog/catalog.js';
import type { FileIO } from '../io/file-io.js';
import type { Snapshot, TableMetadata } from '../metadata/types.js';
import { collectSnapshotFiles, ManifestCache } from './reachable-files.js';

/** Options of {@link expireSnapshots}. */
export interface ExpireSnapshotsOptions {
  /** Expire snapshots created before this instant (ms or Date). Default: now − 5 days (Java's default). */
  readonly olderThan?: number | Date;
  /** Always keep this many most recent snapshots of the main branch's history (default 1). */
  readonly retainLast?: number;
  /** Clock (ms since epoch); injected for tests. Default `Date.now`. */
  readonly now?: () => number;
  /** Commit attempts on {@link CommitConflictError} (default 4). */
  readonly maxAttempts?: number;
  /** Compute what would happen without committing or deleting. */
  readonly dryRun?: boolean;
}

/** What {@link expireSnapshots} did. */
export interface ExpireSnapshotsResult {
  readonly expiredSnapshotIds: readonly bigint[];
  /** Files removed (or that would be, with `dryRun`), by kind. */
  readonly deletedManifestLists: readonly string[];
  readonly deletedManifests: readonly string[];
  readonly deletedDataFiles: readonly string[];
  /** The table after the commit (the input table when nothing expired or `dryRun`). */
  readonly table: LoadedTable;
}

const DEFAULT_MAX_AGE_MS = 5 * 24 * 3600 * 1000;

/**
 * Chooses which snapshots to keep: every snapshot a branch or tag points at, the `retainLast` newest
 * ancestors of the main branch, and every snapshot at or after `olderThan`.
 */
export function selectExpiredSnapshots(
  metadata: TableMetadata,
  olderThanMs: number,
  retainLast: number,
): Snapshot[] {
  if (retainLast < 1) throw new ValidationError('iceberg: expireSnapshots retainLast must be at least 1');
  const byId = new Map(metadata.snapshots.map((s) => [s.snapshotId, s]));
  const keep = new Set<bigint>();
  for (const ref of Object.values(metadata.refs)) keep.add(ref.snapshotId);
  let cursor: bigint | undefined = metadata.refs['main']?.snapshotId ?? metadata.currentSnapshotId;
  for (let n = 0; cursor !== undefined && n < retainLast; n++) {
    keep.add(cursor);
    cursor = byId.get(cursor)?.parentSnapshotId;
  }
  return metadata.snapshots.filter((s) => !keep.has(s.snapshotId) && s.timestampMs < olderThanMs);
}

/**
 * Expires snapshots of `table` and deletes files no remaining snapshot references.
 * Files are deleted only after the metadata commit succeeded (a failed commit leaves everything in place).
 * @throws {CommitConflictError} after `maxAttempts` lost races.
 * @throws {CommitStateUnknownError} from the catalog; nothing is deleted then.
 */
export async function expireSnapshots(
  table: LoadedTable,
  io: FileIO,
  catalog: Catalog,
  options: ExpireSnapshotsOptions = {},
): Promise<ExpireSnapshotsResult> {
  const now = (options.now ?? Date.now)();
  const olderThan =
    options.olderThan === undefined
      ? now - DEFAULT_MAX_AGE_MS
      : options.olderThan instanceof Date
        ? options.olderThan.getTime()
        : options.olderThan;
  const retainLast = options.retainLast ?? 1;
  const maxAttempts = options.maxAttempts ?? 4;

  let base = table;
  for (let attempt = 1; ; attempt++) {
    const expired = selectExpiredSnapshots(base.metadata, olderThan, retainLast);
    const empty = {
      expiredSnapshotIds: [],
      deletedManifestLists: [],
      deletedManifests: [],
      deletedDataFiles: [],
    };
    if (expired.length === 0) return { ...empty, table: base };
    const plan = await planDeletions(base.metadata, expired, io);
    const expiredSnapshotIds = expired.map((s) => s.snapshotId);
    if (options.dryRun) return { ...plan, expiredSnapshotIds, table: base };
    let committed: LoadedTable;
    try {
      committed = await catalog.commitTable(base, buildExpiredMetadata(base, expiredSnapshotIds, now));
    } catch (err) {
      if (err instanceof CommitConflictError && attempt < maxAttempts) {
        base = await catalog.loadTable(base.identifier);
        continue;
      }
      throw err;
    }
    await io.delete([...plan.deletedDataFiles, ...plan.deletedManifests, ...plan.deletedManifestLists]);
    return { ...plan, expiredSnapshotIds, table: committed };
  }
}

async function planDeletions(
  metadata: TableMetadata,
  expired: readonly Snapshot[],
  io: FileIO,
): Promise<Pick<ExpireSnapshotsResult, 'deletedManifestLists' | 'deletedManifests' | 'deletedDataFiles'>> {
  const expiredIds = new Set(expired.map((s) => s.snapshotId));
  const cache = new ManifestCache(io);
  const retained = await Promise.all(
    metadata.snapshots
      .filter((s) => !expiredIds.has(s.snapshotId))
      .map((s) => collectSnapshotFiles(cache, s)),
  );
  const keepLists = new Set(retained.map((r) => r.manifestList));
  const keepManifests = new Set(retained.flatMap((r) => r.manifests));
  // A data file is needed iff some retained snapshot still has it live; DELETED entries do not keep it.
  const keepData = new Set(retained.flatMap((r) => r.liveFiles));
  const lists = new Set<string>();
  const manifests = new Set<string>();
  const data = new Set<string>();
  for (const s of expired) {
    // A snapshot whose files are already gone (earlier partial cleanup) must not block expiry.
    const files = await collectSnapshotFiles(cache, s).catch(() => undefined);
    if (!keepLists.has(s.manifestList)) lists.add(s.manifestList);
    if (!files) continue;
    for (const m of files.manifests) if (!keepManifests.has(m)) manifests.add(m);
    for (const f of files.mentionedFiles) if (!keepData.has(f)) data.add(f);
  }
  return { deletedManifestLists: [...lists], deletedManifests: [...manifests], deletedDataFiles: [...data] };
}

/** New metadata without the expired snapshots; logs the base metadata file (spec "metadata-log"). */
export function buildExpiredMetadata(
  base: LoadedTable,
  expiredIds: readonly bigint[],
  nowMs: number,
): TableMetadata {
  const drop = new Set(expiredIds);
  const m = base.metadata;
  const maxLog = Number(m.properties['write.metadata.previous-versions-max'] ?? 100);
  const metadataLog = [
    ...m.metadataLog,
    { timestampMs: m.lastUpdatedMs, metadataFile: base.metadataLocation },
  ];
  return {
    ...m,
    lastUpdatedMs: Math.max(nowMs, m.lastUpdatedMs),
    snapshots: m.snapshots.filter((s) => !drop.has(s.snapshotId)),
    snapshotLog: m.snapshotLog.filter((e) => !drop.has(e.snapshotId)),
    metadataLog: metadataLog.slice(Math.max(0, metadataLog.length - maxLog)),
  };
}
