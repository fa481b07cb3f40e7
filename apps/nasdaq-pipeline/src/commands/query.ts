import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { CommandContext } from '../program.js';
import { UsageError } from '../errors.js';
import { openDb } from '../warehouse/duckdb.js';
import { openWarehouse } from '../warehouse/open-warehouse.js';
import { attachWarehouse } from '../warehouse/snapshot-views.js';
import { formatRows, type RowFormat } from '../output/format-rows.js';

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
    .action(async (sqlArg: string | undefined, opts: { file?: string; format: RowFormat; asOf?: string }) => {
      if (!sqlArg && !opts.file)
        throw new UsageError('query needs SQL: nasdaq-pipeline query "SELECT …" or --file query.sql');
      if (sqlArg && opts.file)
        throw new UsageError('give the SQL either as an argument or with --file, not both');
      const sql = opts.file
        ? await readFile(path.resolve(ctx.deps.cwd, opts.file), 'utf8')
        : (sqlArg as string);
      const asOf = opts.asOf === undefined ? undefined : parseAsOf(opts.asOf);
      const config = await ctx.config();
      const wh = await openWarehouse(config, ctx.deps.cwd);
      const db = await openDb({ memoryLimit: config.transform.memoryLimit });
      try {
        const sources = await attachWarehouse(db, wh, asOf === undefined ? {} : { asOfTimestamp: asOf });
        if (sources.length === 0) {
          throw new UsageError(
            `the warehouse ${wh.rootUri} has no tables${asOf !== undefined ? ' at that time' : ''} yet; run \`nasdaq-pipeline run\` first`,
          );
        }
        await db.lockDown(sources.flatMap((s) => s.files));
        let result;
        try {
          result = await db.queryReadOnly(sql);
        } catch (e) {
          if (e instanceof UsageError) throw e;
          throw new UsageError(
            `query failed: ${(e as Error).message.split('\n')[0]}\ntables: ${sources.map((s) => s.name).join(', ')}`,
            e,
          );
        }
        const format = ctx.globals().json ? 'json' : opts.format;
        ctx.deps.stdout.write(formatRows(result.columns, result.rows, format));
      } finally {
        db.close();
      }
    });
}
