/**
 * Scan planning (spec "Scan Planning"): snapshot selection, manifest reading, partition pruning and
 * delete-file applicability by sequence number.
 */
import type { FileIO } from '../io/file-io.js';
import { readManifest, type ResolvedManifestEntry } from '../manifest/read-manifest.js';
import { readManifestList } from '../manifest/read-manifest-list.js';
import type {
  DataFile,
  ManifestFile,
  PartitionSpec,
  Schema,
  Snapshot,
  TableMetadata,
} from '../metadata/types.js';
import type { ScanFilter } from './filter.js';
import { mightMatchManifest } from './prune-manifest.js';
import { isUnpartitioned, mightMatchPartition, partitionKey, validateFilter } from './prune-partition.js';
import { selectSchema, selectSnapshot, type SnapshotSelector } from './select-snapshot.js';

/** Options of {@link planScan}. */
export interface PlanScanOptions extends SnapshotSelector {
  /** Rows to keep; used to skip data files whose partition cannot match. Rows are not filtered by it. */
  readonly filter?: ScanFilter;
}

/** One data file to read, with the delete files that apply to it. */
export interface FileScanTask {
  readonly file: DataFile;
  /** The manifest entry (resolved sequence numbers, spec id). */
  readonly entry: ResolvedManifestEntry;
  /** Position and equality delete files to apply when reading `file`. */
  readonly deletes: readonly DataFile[];
}

/** The result of {@link planScan}. */
export interface ScanPlan {
  readonly metadata: TableMetadata;
  /** `undefined` when the table has no snapshot (then there are no tasks). */
  readonly snapshot?: Snapshot;
  /** Schema rows are read with (column names and ids). */
  readonly schema: Schema;
  readonly filter?: ScanFilter;
  readonly tasks: readonly FileScanTask[];
  /** Live data-file paths after pruning, as recorded in the manifests (what DuckDB's `read_parquet` needs). */
  readonly files: readonly string[];
  /**
   * Delete files that apply to at least one planned data file. Empty for tables written by this package
   * (copy-on-write), so `files` alone is the table's content there.
   */
  readonly deletes: readonly DataFile[];
}

/**
 * Plans a read of `metadata` at the selected snapshot.
 * @throws {ValidationError} on an unknown snapshot/ref or a filter naming a missing column.
 * @throws {NotFoundError} when a manifest list or manifest is missing from `io`.
 */
export async function planScan(
  metadata: TableMetadata,
  io: FileIO,
  options: PlanScanOptions = {},
): Promise<ScanPlan> {
  const snapshot = selectSnapshot(metadata, options);
  const timeTravel =
    options.snapshotId !== undefined || options.asOfTimestamp !== undefined || options.ref !== undefined;
  const schema = selectSchema(metadata, snapshot, timeTravel);
  const filter = options.filter;
  if (filter) validateFilter(filter, schema);
  const base = { metadata, schema, ...(filter ? { filter } : {}), ...(snapshot ? { snapshot } : {}) };
  if (!snapshot) return { ...base, tasks: [], files: [], deletes: [] };

  const specs = new Map(metadata.partitionSpecs.map((s) => [s.specId, s]));
  const entries = await readLiveEntries(io, snapshot, (m) =>
    // Delete manifests are always read: applicability is decided per data file below.
    !filter || m.content !== 0 ? true : mightMatchManifest(filter, m, specs.get(m.partitionSpecId), schema),
  );
  const dataEntries = entries.filter((e) => e.dataFile.content === 0);
  const deleteEntries = entries.filter((e) => e.dataFile.content !== 0);
  const kept = filter
    ? dataEntries.filter((e) => {
        const spec = specs.get(e.partitionSpecId);
        return !spec || mightMatchPartition(filter, e.dataFile.partition, spec, schema);
      })
    : dataEntries;

  const index = indexDeletes(deleteEntries, specs);
  const tasks = kept.map((entry) => ({
    file: entry.dataFile,
    entry,
    deletes: applicableDeletes(entry, index),
  }));
  const used = new Map<string, DataFile>();
  for (const t of tasks) for (const d of t.deletes) used.set(d.filePath, d);
  return { ...base, tasks, files: tasks.map((t) => t.file.filePath), deletes: [...used.values()] };
}

/**
 * Live (ADDED/EXISTING) entries of every manifest of `snapshot` (or of those `keep` accepts), inheritance
 * resolved.
 */
export async function readLiveEntries(
  io: FileIO,
  snapshot: Snapshot,
  keep: (manifest: ManifestFile) => boolean = () => true,
): Promise<ResolvedManifestEntry[]> {
  const list: ManifestFile[] = (await readManifestList(io, snapshot.manifestList)).filter(keep);
  const perManifest = await Promise.all(list.map((m) => readManifest(io, m.manifestPath, m)));
  // DELETED entries are informational, not tombstones (iceberg.md §7).
  return perManifest.flat().filter((e) => e.status !== 2);
}

interface DeleteIndex {
  /** Position deletes by partition key. */
  readonly position: Map<string, ResolvedManifestEntry[]>;
  /** Equality deletes by partition key; global ones (unpartitioned spec) under `global`. */
  readonly equality: Map<string, ResolvedManifestEntry[]>;
  readonly globalEquality: ResolvedManifestEntry[];
}

function indexDeletes(
  entries: readonly ResolvedManifestEntry[],
  specs: ReadonlyMap<number, PartitionSpec>,
): DeleteIndex {
  const index: DeleteIndex = { position: new Map(), equality: new Map(), globalEquality: [] };
  for (const e of entries) {
    const key = partitionKey(e.partitionSpecId, e.dataFile.partition);
    if (e.dataFile.content === 1) push(index.position, key, e);
    else if (isUnpartitioned(specs.get(e.partitionSpecId))) index.globalEquality.push(e);
    else push(index.equality, key, e);
  }
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Spec "Scan Planning": a position delete applies when its data sequence number is ≥ the data file's and
 * the partition matches (and `referenced_data_file`, when set, names the file); an equality delete applies
 * when its sequence number is strictly greater and it is in the same partition or unpartitioned.
 */
function applicableDeletes(data: ResolvedManifestEntry, index: DeleteIndex): DataFile[] {
  const key = partitionKey(data.partitionSpecId, data.dataFile.partition);
  const out: DataFile[] = [];
  for (const d of index.position.get(key) ?? []) {
    if (d.sequenceNumber < data.sequenceNumber) continue;
    if (
      d.dataFile.referencedDataFile !== undefined &&
      d.dataFile.referencedDataFile !== data.dataFile.filePath
    )
      continue;
    out.push(d.dataFile);
  }
  for (const d of [...(index.equality.get(key) ?? []), ...index.globalEquality]) {
    if (d.sequenceNumber > data.sequenceNumber) out.push(d.dataFile);
  }
  return out;
}
