import type { LoadedTable } from '../catalog/catalog.js';
import { ValidationConflictError, ValidationError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { readManifest, type ResolvedManifestEntry } from '../manifest/read-manifest.js';
import { readManifestList } from '../manifest/read-manifest-list.js';
import { writeManifest, writeManifestList } from '../manifest/write-manifest.js';
import { getCurrentSchema, getCurrentSnapshot, getPartitionSpec } from '../metadata/lookup.js';
import type { DataFile, ManifestEntry, ManifestFile, Snapshot, TableMetadata } from '../metadata/types.js';
import { buildSnapshotSummary } from './snapshot-summary.js';
import type { TableChange } from './table-change.js';

/** Identity of one commit, kept across retries so the ADDED manifest is written once. */
export interface CommitState {
  readonly snapshotId: bigint;
  readonly commitUuid: string;
  /** 1-based attempt number, part of the manifest-list name (`snap-<id>-<attempt>-<uuid>.avro`, like Java). */
  attempt: number;
  /** Counter for manifest names `<uuid>-m<k>.avro`, unique across attempts. */
  manifestCounter: number;
  /** The manifest of ADDED entries once written; reused on retry because its entries inherit the sequence number. */
  addedManifest?: ManifestFile;
}

/** A snapshot built on a base but not yet published. */
export interface ProducedSnapshot {
  readonly metadata: TableMetadata;
  readonly snapshot: Snapshot;
  /** Files written by this attempt only (manifest list, rewritten manifests): safe to delete if the swap fails. */
  readonly attemptFiles: readonly string[];
  /** Entries removed, as they were live in the base. */
  readonly removed: readonly ResolvedManifestEntry[];
}

/** `<location>/metadata` or `write.metadata.path`. */
export function getMetadataLocation(metadata: TableMetadata): string {
  return (metadata.properties['write.metadata.path'] ?? `${metadata.location}/metadata`).replace(/\/+$/, '');
}

function trimMetadataLog<T>(log: readonly T[], metadata: TableMetadata): T[] {
  const max = Number(metadata.properties['write.metadata.previous-versions-max'] ?? 100);
  return log.slice(Math.max(0, log.length - max));
}

/**
 * Apply `change` to `base`: write the ADDED manifest (once per commit), rewrite every parent manifest that lists a
 * removed file (removed → DELETED with the new snapshot id, other live entries → EXISTING with their original ids
 * and sequence numbers), carry the rest over verbatim, write the manifest list, and build the new metadata
 * (iceberg.md §7, §11). Nothing becomes visible until the caller swaps the catalog pointer.
 * @throws {ValidationConflictError} when a file to remove is no longer live in `base`
 */
export async function produceSnapshot(
  io: FileIO,
  base: LoadedTable,
  change: TableChange,
  state: CommitState,
  nowMs: number,
): Promise<ProducedSnapshot> {
  const meta = base.metadata;
  const schema = getCurrentSchema(meta);
  const parent = getCurrentSnapshot(meta);
  const seq = meta.lastSequenceNumber + 1n;
  const dir = getMetadataLocation(meta);
  const attemptFiles: string[] = [];
  const nextManifestPath = (): string => `${dir}/${state.commitUuid}-m${state.manifestCounter++}.avro`;

  const parentList: ManifestFile[] = parent ? await readManifestList(io, parent.manifestList) : [];
  const manifests: ManifestFile[] = [];

  if (change.added.length > 0) {
    const spec = getPartitionSpec(meta);
    const names = spec.fields
      .map((f) => f.name)
      .sort()
      .join(',');
    for (const f of change.added) {
      // One partition tuple per file, shaped by the default spec (spec "Partitioning").
      if (Object.keys(f.partition).sort().join(',') !== names) {
        throw new ValidationError(
          `iceberg: ${f.filePath} has partition {${Object.keys(f.partition).join(', ')}} but the table's spec ${spec.specId} has {${names}}`,
        );
      }
    }
    if (!state.addedManifest) {
      const path = nextManifestPath();
      state.addedManifest = await writeManifest({
        io,
        path,
        schema,
        spec: getPartitionSpec(meta),
        content: 0,
        snapshotId: state.snapshotId,
        sequenceNumber: seq,
        entries: change.added.map((dataFile) => ({ status: 1, snapshotId: state.snapshotId, dataFile })),
      });
    }
    // ADDED entries carry null sequence numbers and inherit them from this list entry, so the same manifest file
    // is valid at whatever sequence number the retry lands on.
    manifests.push({ ...state.addedManifest, sequenceNumber: seq, minSequenceNumber: seq });
  }

  const toRemove = new Set(change.removed.map((r) => r.path));
  const removedEntries: ResolvedManifestEntry[] = [];
  const rewritten = new Set<string>();
  if (toRemove.size > 0) {
    const hinted = new Set(
      change.removed.map((r) => r.manifestPath).filter((p): p is string => p !== undefined),
    );
    const candidates = parentList
      .filter((m) => m.content === 0 && m.addedFilesCount + m.existingFilesCount > 0)
      .sort((a, b) => Number(hinted.has(b.manifestPath)) - Number(hinted.has(a.manifestPath)));
    for (const m of candidates) {
      if (removedEntries.length === toRemove.size) break;
      const entries = await readManifest(io, m.manifestPath, m);
      const live = entries.filter((e) => e.status !== 2);
      if (!live.some((e) => toRemove.has(e.dataFile.filePath))) continue;
      const next: ManifestEntry[] = live.map((e) => {
        const removed = toRemove.has(e.dataFile.filePath);
        if (removed) removedEntries.push(e);
        return {
          status: removed ? 2 : 0,
          snapshotId: removed ? state.snapshotId : e.snapshotId,
          sequenceNumber: e.sequenceNumber,
          fileSequenceNumber: e.fileSequenceNumber,
          dataFile: e.dataFile,
        };
      });
      const path = nextManifestPath();
      attemptFiles.push(path);
      manifests.push(
        await writeManifest({
          io,
          path,
          schema,
          spec: getPartitionSpec(meta, m.partitionSpecId),
          content: 0,
          snapshotId: state.snapshotId,
          sequenceNumber: seq,
          entries: next,
        }),
      );
      rewritten.add(m.manifestPath);
    }
    if (removedEntries.length !== toRemove.size) {
      const found = new Set(removedEntries.map((e) => e.dataFile.filePath));
      const gone = [...toRemove].filter((p) => !found.has(p));
      throw new ValidationConflictError(
        `iceberg: ${gone.length} file(s) to remove are no longer live in ${base.identifier.namespace}.${base.identifier.name} (e.g. ${gone[0]}); another writer replaced them — redo the operation`,
      );
    }
  }
  const carried = parentList.filter(
    // Drop data manifests with no live entries (PyIceberg/Java do the same); delete manifests are kept.
    (m) =>
      !rewritten.has(m.manifestPath) && !(m.content === 0 && m.addedFilesCount + m.existingFilesCount === 0),
  );
  manifests.push(
    ...(await mergeSmallManifests(io, meta, carried, state, seq, nextManifestPath, attemptFiles)),
  );

  const timestampMs = Math.max(nowMs, meta.lastUpdatedMs);
  const listPath = `${dir}/snap-${state.snapshotId}-${state.attempt}-${state.commitUuid}.avro`;
  await writeManifestList({
    io,
    path: listPath,
    snapshotId: state.snapshotId,
    ...(parent ? { parentSnapshotId: parent.snapshotId } : {}),
    sequenceNumber: seq,
    manifests,
  });
  attemptFiles.push(listPath);

  const removedFiles: DataFile[] = removedEntries.map((e) => e.dataFile);
  const snapshot: Snapshot = {
    snapshotId: state.snapshotId,
    ...(parent ? { parentSnapshotId: parent.snapshotId } : {}),
    sequenceNumber: seq,
    timestampMs,
    manifestList: listPath,
    summary: buildSnapshotSummary(
      change.operation,
      change.added,
      removedFiles,
      parent?.summary,
      change.summary,
    ),
    schemaId: schema.schemaId,
  };
  const mainRef = meta.refs['main'];
  const metadata: TableMetadata = {
    ...meta,
    lastSequenceNumber: seq,
    lastUpdatedMs: timestampMs,
    currentSnapshotId: state.snapshotId,
    snapshots: [...meta.snapshots, snapshot],
    refs: { ...meta.refs, main: { ...mainRef, snapshotId: state.snapshotId, type: 'branch' } },
    snapshotLog: [...meta.snapshotLog, { timestampMs, snapshotId: state.snapshotId }],
    metadataLog: trimMetadataLog(
      [...meta.metadataLog, { timestampMs: meta.lastUpdatedMs, metadataFile: base.metadataLocation }],
      meta,
    ),
  };
  return { metadata, snapshot, attemptFiles, removed: removedEntries };
}

/**
 * Manifest merging (Java `MergeAppend`, PyIceberg `_MergingSnapshotProducer`): once a snapshot would carry
 * `commit.manifest.min-count-to-merge` (default 100) small data manifests of one spec, rewrite them into one
 * manifest of EXISTING entries. Without it every fast append adds a manifest and commit cost grows with history;
 * with it the manifest list stays bounded and a merge reads each small manifest once.
 * Disabled by `commit.manifest-merge.enabled=false`.
 */
async function mergeSmallManifests(
  io: FileIO,
  meta: TableMetadata,
  carried: readonly ManifestFile[],
  state: CommitState,
  seq: bigint,
  nextManifestPath: () => string,
  attemptFiles: string[],
): Promise<ManifestFile[]> {
  const props = meta.properties;
  if (props['commit.manifest-merge.enabled'] === 'false') return [...carried];
  const minCount = Number(props['commit.manifest.min-count-to-merge'] ?? 100);
  const target = BigInt(props['commit.manifest.target-size-bytes'] ?? 8 * 1024 * 1024);
  const out: ManifestFile[] = [];
  const bySpec = new Map<number, ManifestFile[]>();
  for (const m of carried) {
    if (m.content !== 0 || m.manifestLength >= target) out.push(m);
    else bySpec.set(m.partitionSpecId, [...(bySpec.get(m.partitionSpecId) ?? []), m]);
  }
  for (const [specId, group] of bySpec) {
    if (group.length < minCount) {
      out.push(...group);
      continue;
    }
    const entries: ManifestEntry[] = [];
    for (const m of group) {
      for (const e of await readManifest(io, m.manifestPath, m)) {
        if (e.status === 2) continue;
        entries.push({
          status: 0,
          snapshotId: e.snapshotId,
          sequenceNumber: e.sequenceNumber,
          fileSequenceNumber: e.fileSequenceNumber,
          dataFile: e.dataFile,
        });
      }
    }
    const path = nextManifestPath();
    attemptFiles.push(path);
    out.push(
      await writeManifest({
        io,
        path,
        schema: getCurrentSchema(meta),
        spec: getPartitionSpec(meta, specId),
        content: 0,
        snapshotId: state.snapshotId,
        sequenceNumber: seq,
        entries,
      }),
    );
  }
  return out;
}
