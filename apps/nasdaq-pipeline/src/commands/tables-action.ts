import type { TableMetadata } from '@nasdaq-pipeline/iceberg';
import type { CommandContext } from '../program.js';
import { openWarehouse } from '../warehouse/open-warehouse.js';
import { finishInterruptedPublishForReading } from '../pipeline/warehouse-lock.js';
import { formatRows } from '../output/format-rows.js';

/** One line of `nasdaq-pipeline tables`. */
export interface TableStats {
  table: string;
  rows: number;
  snapshots: number;
  files: number;
  bytes: number;
  lastCommit: string | null;
  lastOperation: string | null;
  location: string;
}

/** Table statistics from the current snapshot's summary totals (no data file is read). */
export function tableStats(name: string, metadata: TableMetadata): TableStats {
  const current = metadata.snapshots?.find((s) => s.snapshotId === metadata.currentSnapshotId);
  const summary = (current?.summary ?? {}) as Record<string, string>;
  const n = (k: string) => Number(summary[k] ?? 0);
  return {
    table: name,
    rows: n('total-records'),
    snapshots: metadata.snapshots?.length ?? 0,
    files: n('total-data-files'),
    bytes: n('total-files-size'),
    lastCommit: current ? new Date(current.timestampMs).toISOString() : null,
    lastOperation: current?.summary.operation ?? null,
    location: metadata.location,
  };
}

/** The `tables` command's action (loaded only when the command runs, to keep start-up fast). */
export async function runTables(ctx: CommandContext): Promise<void> {
  const config = await ctx.config();
  const wh = await openWarehouse(config, ctx.deps.cwd);
  await finishInterruptedPublishForReading(ctx, wh, 'tables');
  const idents = (await wh.catalog.listTables(wh.namespace)).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const stats: TableStats[] = [];
  for (const ident of idents)
    stats.push(tableStats(ident.name, (await wh.catalog.loadTable(ident)).metadata));
  if (ctx.globals().json) {
    ctx.printJson({ warehouse: wh.rootUri, namespace: wh.namespace, tables: stats });
    return;
  }
  if (stats.length === 0) {
    ctx.say(`no tables in ${wh.rootUri} (namespace ${wh.namespace}) yet; run \`nasdaq-pipeline run\``);
    return;
  }
  const cols = ['table', 'rows', 'snapshots', 'files', 'bytes', 'lastCommit', 'lastOperation'];
  ctx.say(formatRows(cols, stats as unknown as Record<string, unknown>[], 'table').trimEnd());
}
