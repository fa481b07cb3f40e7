import { Option, type Command } from 'commander';
import type { CommandContext } from '../program.js';
import { type RowFormat } from '../output/format-rows.js';

/** `nasdaq-pipeline query`: read-only SQL over every table at its current (or `--as-of`) snapshot. */
export function registerQuery(program: Command, ctx: CommandContext): void {
  program
    .command('query')
    .description(
      'run read-only SQL over the tables (addressable by bare name) with DuckDB, or Athena with --target aws',
    )
    .argument('[sql]', 'the SQL text')
    .option('-f, --file <file>', 'read the SQL from a file')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .option('--as-of <time>', 'time travel: read each table as it was at this time (ISO date/time)')
    .action(async (sqlArg: string | undefined, opts: { file?: string; format: RowFormat; asOf?: string }) =>
      (await import('./query-action.js')).runQuery(ctx, sqlArg, opts),
    );
}
