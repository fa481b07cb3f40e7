/**
 * Which files a table's snapshots reference: the input of snapshot expiry and orphan-file removal.
 */
import type { FileIO } from '../io/file-io.js';
import { readManifest, type ResolvedManifestEntry } from '../manifest/read-manifest.js';
import { readManifestList } from '../manifest/read-manifest-list.js';
import type { ManifestFile, Snapshot, TableMetadata } from '../metadata/types.js';

/** Files one snapshot references. */
export interface SnapshotFiles {
  readonly manifestList: string;
  readonly manifests: readonly string[];
  /** Data and delete files live (ADDED/EXISTING) in the snapshot. */
  readonly liveFiles: readonly string[];
  /** Every data/delete file path mentioned by its manifests, including DELETED entries. */
  readonly mentionedFiles: readonly string[];
}

/** Memoises manifest reads across snapshots (manifests are shared between consecutive snapshots). */
export class ManifestCache {
  private readonly lists = new Map<string, Promise<ManifestFile[]>>();
  private readonly manifests = new Map<string, Promise<ResolvedManifestEntry[]>>();

  constructor(private readonly io: FileIO) {}

  /** Entries of a manifest list. */
  list(path: string): Promise<ManifestFile[]> {
    let p = this.lists.get(path);
    if (!p) this.lists.set(path, (p = readManifestList(this.io, path)));
    return p;
  }

  /** Entries of a manifest, inheritance resolved from `entry`. */
  manifest(entry: ManifestFile): Promise<ResolvedManifestEntry[]> {
    let p = this.manifests.get(entry.manifestPath);
    if (!p) this.manifests.set(entry.manifestPath, (p = readManifest(this.io, entry.manifestPath, entry)));
    return p;
  }
}

/** Reads the files one snapshot references. @throws {NotFoundError} when its manifest list or a manifest is gone. */
export async function collectSnapshotFiles(cache: ManifestCache, snapshot: Snapshot): Promise<SnapshotFiles> {
  const list = await cache.list(snapshot.manifestList);
  const entries = (await Promise.all(list.map((m) => cache.manifest(m)))).flat();
  return {
    manifestList: snapshot.manifestList,
    manifests: list.map((m) => m.manifestPath),
    liveFiles: entries.filter((e) => e.status !== 2).map((e) => e.dataFile.filePath),
    mentionedFiles: entries.map((e) => e.dataFile.filePath),
  };
}

/**
 * Every file the table needs: metadata files (current and logged), `version-hint.text`, and for every
 * snapshot its manifest list, manifests and live data/delete files. Feed it to `removeOrphanFiles`.
 * @param metadataLocation the current metadata file (added to the set when given)
 */
export async function listReferencedFiles(
  metadata: TableMetadata,
  io: FileIO,
  metadataLocation?: string,
): Promise<Set<string>> {
  const out = new Set<string>();
  if (metadataLocation) out.add(metadataLocation);
  for (const e of metadata.metadataLog) out.add(e.metadataFile);
  const root = metadata.location.replace(/\/+$/, '');
  out.add(`${root}/metadata/version-hint.text`);
  const cache = new ManifestCache(io);
  for (const s of metadata.snapshots) {
    const files = await collectSnapshotFiles(cache, s);
    out.add(files.manifestList);
    for (const m of files.manifests) out.add(m);
    for (const f of files.liveFiles) out.add(f);
  }
  return out;
}
