import {
  expireSnapshots,
  listReferencedFiles,
  planCompaction,
  planScan,
  removeOrphanFiles,
} from '@nasdaq-pipeline/iceberg';
import type { CommandContext } from '../program.js';
import { withRunEnvironment } from '../pipeline/run-environment.js';
import { chaosPoint } from '../pipeline/chaos-point.js';
import { compactGroups } from '../pipeline/compact.js';
import { formatRows } from '../output/format-rows.js';

/** Options of `maintain`. */
export interface MaintainOptions {
  olderThanDays?: number;
  retainLast?: number;
  dryRun?: boolean;
  wait?: number;
}

/** What maintenance did to one table. */
export interface MaintainOutcome {
  table: string;
  expiredSnapshots: number;
  deletedFiles: number;
  compactedGroups: number;
  compactedFiles: number;
  orphansRemoved: number;
}

/** The `maintain` command's action (loaded only when the command runs, to keep start-up fast). */
export async function runMaintain(ctx: CommandContext, opts: MaintainOptions): Promise<void> {
  await withRunEnvironment(ctx, 'maintain', { waitSeconds: opts.wait ?? 0 }, async (env) => {
    const { config, warehouse: wh } = env;
    const now = env.now().getTime();
    const olderThan = now - (opts.olderThanDays ?? config.maintain.expireOlderThanDays) * 86_400_000;
    const orphanCutoff = now - config.maintain.orphanOlderThanHours * 3_600_000;
    const outcomes: MaintainOutcome[] = [];
    for (const ident of await wh.catalog.listTables(wh.namespace)) {
      let table = await wh.catalog.loadTable(ident);
      const expired = await expireSnapshots(table, wh.io, wh.catalog, {
        olderThan,
        retainLast: opts.retainLast ?? config.maintain.retainLast,
        now: () => now,
        dryRun: opts.dryRun ?? false,
      });
      table = expired.table;
      chaosPoint('maintain-expired');
      let compactedGroups = 0;
      let compactedFiles = 0;
      if (
        !opts.dryRun &&
        table.metadata.currentSnapshotId !== undefined &&
        table.metadata.currentSnapshotId !== null
      ) {
        const groups = planCompaction(await planScan(table.metadata, wh.io), {
          minFiles: config.maintain.compactMinFiles,
        });
        if (groups.length) {
          table = await compactGroups(wh, table, groups);
          compactedGroups = groups.length;
          compactedFiles = groups.reduce((n, g) => n + g.files.length, 0);
          chaosPoint('maintain-compacted');
        }
      }
      const referenced = await listReferencedFiles(table.metadata, wh.io, table.metadataLocation);
      const orphans = await removeOrphanFiles(table.metadata.location, wh.io, referenced, {
        olderThan: orphanCutoff,
        now: () => now,
        dryRun: opts.dryRun ?? false,
      });
      chaosPoint('maintain-orphans');
      outcomes.push({
        table: ident.name,
        expiredSnapshots: expired.expiredSnapshotIds.length,
        deletedFiles:
          expired.deletedDataFiles.length +
          expired.deletedManifests.length +
          expired.deletedManifestLists.length,
        compactedGroups,
        compactedFiles,
        orphansRemoved: orphans.length,
      });
    }
    if (ctx.globals().json) ctx.printJson({ dryRun: opts.dryRun ?? false, tables: outcomes });
    else {
      ctx.say(
        formatRows(
          [
            'table',
            'expiredSnapshots',
            'deletedFiles',
            'compactedGroups',
            'compactedFiles',
            'orphansRemoved',
          ],
          outcomes as unknown as Record<string, unknown>[],
          'table',
        ).trimEnd(),
      );
      if (opts.dryRun) ctx.say('dry run: nothing was changed');
    }
  });
}
