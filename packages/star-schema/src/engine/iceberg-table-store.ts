import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  dataFileFromParquet,
  dataFileFromStats,
  describeStagedCommit,
  planScan,
  stageChange,
  toLocalPath,
  type Catalog,
  type LoadedTable,
  type TableIdentifier,
} from '@nasdaq-pipeline/iceberg';
import { TableStoreError } from '../errors.js';
import { mapLimit } from './map-limit.js';
import {
  toIcebergSchema,
  toPartitionSpec,
  toSortOrder,
  type TableDefinition,
} from '../tables/table-definition.js';
import type { PartitionValues, StagedTable, StoredFile, TableChange, TableStore } from './table-store.js';

/** Options of {@link createIcebergTableStore}. */
export interface IcebergTableStoreOptions {
  /** Catalog the tables are registered in (filesystem or Glue); its FileIO reads and writes every file. */
  readonly catalog: Catalog;
  /** Namespace of the tables. Default `nasdaq`. */
  readonly namespace?: string;
  /** Local folder for copies of remote (`s3://`) data files DuckDB must read. Required for non-`file:` tables. */
  readonly cacheDir?: string;
}

function lastDateOf(table: TableDefinition, partition: PartitionValues): string | null {
  const p = table.partition;
  const v = p ? partition[p.name] : undefined;
  if (!p || v === undefined || v === null) return null;
  if (p.transform === 'year') return `${1970 + v}-12-31`;
  if (p.transform === 'month')
    return `${1970 + Math.floor(v / 12)}-${String((v % 12) + 1).padStart(2, '0')}-31`;
  return null;
}

/**
 * A {@link TableStore} over Iceberg v2 tables: creates missing tables from the definitions (schema with field
 * ids, partition spec, sort order), lists live data files through the scan plan (partition-pruned by date), and
 * stages copy-on-write `overwrite`/`append` snapshots whose data files are the engine's Parquet files, registered
 * with the metrics their writer reported (`WrittenFile.stats`), or else with those of their footers. Files are
 * moved (local warehouse) or uploaded (other FileIO) into `<table>/data/`.
 */
export function createIcebergTableStore(options: IcebergTableStoreOptions): TableStore {
  const { catalog } = options;
  const io = catalog.io;
  const namespace = options.namespace ?? 'nasdaq';
  const id = (t: TableDefinition): TableIdentifier => ({ namespace, name: t.name });

  const load = async (t: TableDefinition): Promise<LoadedTable> => {
    try {
      if (await catalog.tableExists(id(t))) return await catalog.loadTable(id(t));
      return await catalog.createTable(id(t), {
        schema: toIcebergSchema(t),
        partitionSpec: toPartitionSpec(t),
        sortOrder: toSortOrder(t),
        properties: { 'write.format.default': 'parquet', 'created-by': 'nasdaq-pipeline star-schema' },
      });
    } catch (e) {
      throw new TableStoreError(t.name, `cannot load or create ${namespace}.${t.name}`, { cause: e });
    }
  };

  // Local copy of a remote data file: named after its URI, which is never reused (data files are immutable).
  const cachePath = (uri: string): string | undefined =>
    options.cacheDir
      ? join(options.cacheDir, uri.replace(/^[a-z0-9]+:\/\//, '').replaceAll('/', '_'))
      : undefined;

  const localCopy = async (uri: string): Promise<string> => {
    if (uri.startsWith('file:')) return toLocalPath(uri);
    if (uri.startsWith('/')) return uri;
    const target = cachePath(uri);
    if (!target) throw new TableStoreError('*', `cacheDir is required to read ${uri}`);
    try {
      await stat(target);
    } catch {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, await io.read(uri));
    }
    return target;
  };

  // A file just uploaded becomes its own cached copy (a rename within the scratch file system), so the staged
  // snapshot's files are not downloaded again right after. Where the rename fails, the copy is downloaded later.
  const keepAsCached = async (uri: string, localPath: string): Promise<void> => {
    const target = cachePath(uri);
    if (!target) return;
    await mkdir(dirname(target), { recursive: true });
    await rename(localPath, target).catch(() => undefined);
  };

  const liveFiles = async (t: TableDefinition, metadata: LoadedTable['metadata']): Promise<StoredFile[]> => {
    const plan = await planScan(metadata, io);
    const out: StoredFile[] = [];
    for (const task of plan.tasks) {
      const partition: Record<string, number> = {};
      for (const [k, v] of Object.entries(task.file.partition)) if (typeof v === 'number') partition[k] = v;
      out.push({ uri: task.file.filePath, localPath: await localCopy(task.file.filePath), partition });
    }
    return out;
  };

  return {
    async listFiles(table, opts = {}) {
      const loaded = await load(table);
      const files = await liveFiles(table, loaded.metadata);
      const from = opts.fromDate;
      if (!from) return files;
      return files.filter((f) => {
        const last = lastDateOf(table, f.partition);
        return last === null || last >= from;
      });
    },

    async stage(table, change: TableChange): Promise<StagedTable> {
      const base = await load(table);
      const schema = toIcebergSchema(table);
      const spec = toPartitionSpec(table);
      const location = base.metadata.location.replace(/\/+$/, '');
      const moved: string[] = [];
      try {
        // Files are moved 8 at a time: one by one, a rebuild's ~500 files spent over a second waiting on the file
        // system. A file comes with the statistics its writer reported; only one without is read back (footer).
        const added = await mapLimit(change.add, 8, async (f) => {
          const part = Object.entries(f.partition)
            .map(([k, v]) => `${k}=${v}`)
            .join('/');
          const uri = `${location}/data/${part ? `${part}/` : ''}${randomUUID()}.parquet`;
          if (uri.startsWith('file:')) {
            const target = toLocalPath(uri);
            await mkdir(dirname(target), { recursive: true });
            await rename(f.localPath, target);
          } else {
            await io.write(uri, new Uint8Array(await readFile(f.localPath)));
            await keepAsCached(uri, f.localPath);
          }
          moved.push(uri);
          const described = { schema, spec, partition: f.partition };
          return f.stats
            ? dataFileFromStats({ ...f.stats, path: uri }, described)
            : dataFileFromParquet({ path: uri, io }, described);
        });
        const removed =
          change.mode === 'rebuild'
            ? (await planScan(base.metadata, io)).files.map((path) => ({ path }))
            : change.remove.map((f) => ({ path: f.uri }));
        const operation = removed.length === 0 ? 'append' : added.length === 0 ? 'delete' : 'overwrite';
        const staged = await stageChange(
          { catalog, identifier: id(table) },
          {
            operation,
            added,
            removed,
            ownedFiles: added.map((f) => f.filePath),
            summary: { 'nasdaq-pipeline.mode': change.mode },
          },
          base,
        );
        const files = await Promise.all((await planScan(staged.metadata, io)).files.map(localCopy));
        return {
          table: table.name,
          files,
          addedFiles: added.length,
          pendingCommit: describeStagedCommit(staged),
          publish: async () => {
            await staged.publish();
          },
          abandon: () => staged.abandon(),
        };
      } catch (e) {
        await io.delete(moved).catch(() => undefined);
        throw new TableStoreError(
          table.name,
          `staging the change failed: ${e instanceof Error ? e.message : String(e)}`,
          {
            cause: e,
          },
        );
      }
    },
  };
}
