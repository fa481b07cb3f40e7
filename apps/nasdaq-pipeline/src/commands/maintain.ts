import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import type { MaintainOptions } from './maintain-action.js';

/**
 * `nasdaq-pipeline maintain`: expires old snapshots (keeping the newest N), compacts partitions with
 * many small files, and removes orphan files older than the configured age (what crashed runs leave).
 */
export function registerMaintain(program: Command, ctx: CommandContext): void {
  program
    .command('maintain')
    .description('expire old snapshots, compact small files, remove orphan files left by interrupted runs')
    .option('--older-than-days <n>', 'expire snapshots older than this (default: config, 7)', (v) =>
      Number(v),
    )
    .option('--retain-last <n>', 'always keep the newest N snapshots (default: config, 5)', (v) => Number(v))
    .option('--dry-run', 'report what would be removed; change nothing')
    .option('--wait <seconds>', 'wait for the lock up to this long', (v) => Number(v))
    .action(async (opts: MaintainOptions) => (await import('./maintain-action.js')).runMaintain(ctx, opts));
}
