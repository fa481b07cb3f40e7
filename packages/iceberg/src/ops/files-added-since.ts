import type { FileIO } from '../io/file-io.js';
import { readManifest } from '../manifest/read-manifest.js';
import { readManifestList } from '../manifest/read-manifest-list.js';
import { getCurrentSnapshot } from '../metadata/lookup.js';
import type { DataFile, TableMetadata } from '../metadata/types.js';

/**
 * Data and delete files added by the snapshots committed after `sinceSnapshotId` on the main branch (walks parent
 * links from the current snapshot; reads only the manifests those snapshots added). Used to re-validate an
 * overwrite/upsert/delete after losing a commit race.
 */
export async function collectFilesAddedSince(
  io: FileIO,
  metadata: TableMetadata,
  sinceSnapshotId: bigint | undefined,
): Promise<DataFile[]> {
  const byId = new Map(metadata.snapshots.map((s) => [s.snapshotId, s]));
  const out: DataFile[] = [];
  let snap = getCurrentSnapshot(metadata);
  while (snap && snap.snapshotId !== sinceSnapshotId) {
    const id = snap.snapshotId;
    for (const m of await readManifestList(io, snap.manifestList)) {
      if (m.addedSnapshotId !== id || m.addedFilesCount === 0) continue;
      for (const e of await readManifest(io, m.manifestPath, m))
        if (e.status === 1 && e.snapshotId === id) out.push(e.dataFile);
    }
    snap = snap.parentSnapshotId === undefined ? undefined : byId.get(snap.parentSnapshotId);
  }
  return out;
}
