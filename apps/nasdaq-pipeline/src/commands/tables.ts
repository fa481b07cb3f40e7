import type { Command } from 'commander';
import type { TableMetadata } from '@nasdaq-pipeline/iceberg';
import type { CommandContext } from '../program.js';

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

/** `nasdaq-pipeline tables`: rows, snapshots, files, bytes and last commit of every table. */
export function registerTables(program: Command, ctx: CommandContext): void {
  program
    .command('tables')
    .description('list the tables with rows, snapshots, files, bytes and last commit')
    .action(async () => (await import('./tables-action.js')).runTables(ctx));
}
