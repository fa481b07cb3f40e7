import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

/** `nasdaq-pipeline tables`: rows, snapshots, files, bytes and last commit of every table. */
export function registerTables(program: Command, ctx: CommandContext): void {
  program
    .command('tables')
    .description('list the tables with rows, snapshots, files, bytes and last commit')
    .action(async () => (await import('./tables-action.js')).runTables(ctx));
}
