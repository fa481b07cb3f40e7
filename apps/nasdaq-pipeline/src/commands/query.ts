import { Option, type Command } from 'commander';
import type { CommandContext } from '../program.js';
import { UsageError } from '../errors.js';
import { type RowFormat } from '../output/format-rows.js';

/** Parses `--as-of`: an ISO date/time, or milliseconds since the epoch. */
export function parseAsOf(value: string): number {
  const ms = /^\d{12,}$/.test(value)
    ? Number(value)
    : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value);
  if (!Number.isFinite(ms)) {
    throw new UsageError(
      `--as-of ${JSON.stringify(value)} is not a time; give an ISO date or time such as 2025-06-13 or 2025-06-13T21:00:00Z`,
    );
  }
  return ms;
}

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
