import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  dataFileFromParquet,
  gtEq,
  planScan,
  Table,
  toLocalPath,
  type DataFile,
  type FileIO,
  type PartitionData,
} from '@nasdaq-pipeline/iceberg';
import { toIcebergSchema, toPartitionSpec, type TableDefinition } from '@nasdaq-pipeline/star-schema';
import type {
  PartitionValues,
  StagedTable,
  StoredFile,
  TableChange,
  TableStore,
} from '@nasdaq-pipeline/star-schema';
import type { Warehouse } from '../warehouse/open-warehouse.js';
import type { LocalizeFiles } from '../warehouse/snapshot-views.js';
import { joinUri } from './uri.js';

const localOnly: LocalizeFiles = async (paths) => paths.map((p) => toLocalPath(p));

function partitionValues(data: PartitionData): PartitionValues {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(data)) if (typeof v === 'number') out[k] = v;
  return out;
}

function partitionPath(values: PartitionValues): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('/');
}

/**
 * The star-schema engine's {@link TableStore} on Iceberg tables of the warehouse: live files come
 * from the scan plan (partition-pruned by `fromDate`), and a change becomes a STAGED snapshot
 * (copy-on-write `overwrite`, or `append` when nothing is removed) whose pointer is swapped only
 * by `publish()`. Written Parquet files are copied into the table's `data/` folder first.
 */
export function createIcebergTableStore(
  wh: Warehouse,
  runId: string,
  localize: LocalizeFiles = localOnly,
): TableStore {
  const tableOf = (def: TableDefinition) =>
    new Table({ catalog: wh.catalog, identifier: { namespace: wh.namespace, name: def.name } });
  const io: FileIO = wh.io;
  return {
    async listFiles(def, options) {
      const loaded = await tableOf(def).load();
      const filter =
        options?.fromDate && def.partition ? gtEq(def.partition.column, options.fromDate) : undefined;
      const plan = await planScan(loaded.metadata, io, filter ? { filter } : {});
      const local = await localize(plan.files);
      return plan.tasks.map((t, i): StoredFile => ({
        uri: t.file.filePath,
        localPath: local[i] as string,
        partition: partitionValues(t.file.partition),
      }));
    },
    async stage(def, change: TableChange): Promise<StagedTable> {
      const table = tableOf(def);
      const base = await table.load();
      const schema = toIcebergSchema(def);
      const spec = toPartitionSpec(def);
      const dataDir = joinUri(base.metadata.location, 'data');
      const added: DataFile[] = [];
      const owned: string[] = [];
      for (const f of change.add) {
        const bytes = new Uint8Array(await readFile(f.localPath));
        const dir = partitionPath(f.partition);
        const uri = joinUri(dataDir, ...(dir ? [dir] : []), `${runId}-${randomUUID()}.parquet`);
        await io.write(uri, bytes);
        owned.push(uri);
        added.push(await dataFileFromParquet({ path: uri, bytes }, { schema, spec, partition: f.partition }));
      }
      let removed = change.remove.map((r) => ({ path: r.uri }));
      if (change.mode === 'rebuild') {
        const plan = await planScan(base.metadata, io);
        removed = plan.files.map((p) => ({ path: p }));
      }
      const staged = await table.stage(async () => ({
        operation: removed.length === 0 ? 'append' : added.length === 0 ? 'delete' : 'overwrite',
        added,
        removed,
        ownedFiles: owned,
      }));
      const plan = await planScan(staged.metadata, io);
      return {
        table: def.name,
        files: await localize(plan.files),
        addedFiles: added.length,
        async publish() {
          await staged.publish();
        },
        async abandon() {
          await staged.abandon();
        },
      };
    },
  };
}
