import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TableStoreError } from '../errors.js';
import type { TableDefinition } from '../tables/table-definition.js';
import type { PartitionValues, StagedTable, TableChange, TableStore } from './table-store.js';

interface LiveList {
  files: { path: string; partition: PartitionValues }[];
}

function firstDateOfPartition(table: TableDefinition, partition: PartitionValues): string | null {
  const p = table.partition;
  if (!p) return null;
  const v = partition[p.name];
  if (v === undefined) return null;
  if (p.transform === 'month') {
    const y = 1970 + Math.floor(v / 12);
    return `${y}-${String((v % 12) + 1).padStart(2, '0')}-01`;
  }
  if (p.transform === 'year') return `${1970 + v}-01-01`;
  return null;
}

function lastDateOfPartition(table: TableDefinition, partition: PartitionValues): string | null {
  const first = firstDateOfPartition(table, partition);
  if (!first || !table.partition) return null;
  return table.partition.transform === 'year' ? `${first.slice(0, 4)}-12-31` : `${first.slice(0, 7)}-31`;
}

/**
 * Tables as plain Parquet folders without Iceberg bookkeeping: `<root>/<table>/data/…` plus a `_live.json` list
 * of live files, swapped by rename on publish. Used by tests and as the benchmark baseline; single writer only.
 */
export function createParquetFolderStore(root: string): TableStore {
  const livePath = (t: TableDefinition) => join(root, t.name, '_live.json');
  const readLive = async (t: TableDefinition): Promise<LiveList> => {
    try {
      return JSON.parse(await readFile(livePath(t), 'utf8')) as LiveList;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { files: [] };
      throw new TableStoreError(t.name, `cannot read ${livePath(t)}`, { cause: e });
    }
  };
  return {
    async listFiles(table, options = {}) {
      const live = await readLive(table);
      return live.files
        .filter((f) => {
          if (!options.fromDate) return true;
          const last = lastDateOfPartition(table, f.partition);
          return last === null || last >= options.fromDate;
        })
        .map((f) => ({ uri: f.path, localPath: f.path, partition: f.partition }));
    },
    async stage(table, change: TableChange): Promise<StagedTable> {
      const live = await readLive(table);
      const removed = new Set(change.remove.map((f) => f.uri));
      const kept = change.mode === 'rebuild' ? [] : live.files.filter((f) => !removed.has(f.path));
      const added: LiveList['files'] = [];
      for (const f of change.add) {
        const part = Object.entries(f.partition)
          .map(([k, v]) => `${k}=${v}`)
          .join('/');
        const target = join(root, table.name, 'data', part, `${randomUUID()}.parquet`);
        await mkdir(dirname(target), { recursive: true });
        await rename(f.localPath, target);
        added.push({ path: target, partition: f.partition });
      }
      const next: LiveList = { files: [...kept, ...added] };
      const stagedPath = `${livePath(table)}.${randomUUID()}.staged`;
      await mkdir(dirname(stagedPath), { recursive: true });
      await writeFile(stagedPath, JSON.stringify(next));
      return {
        table: table.name,
        files: next.files.map((f) => f.path),
        addedFiles: added.length,
        publish: () => rename(stagedPath, livePath(table)),
        abandon: async () => {
          await rm(stagedPath, { force: true });
          await Promise.all(added.map((f) => rm(f.path, { force: true })));
        },
      };
    },
  };
}
