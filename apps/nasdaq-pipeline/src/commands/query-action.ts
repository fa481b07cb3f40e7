import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandContext } from '../program.js';
import { UsageError } from '../errors.js';
import { openDb, type Db } from '../warehouse/duckdb.js';
import { openWarehouse } from '../warehouse/open-warehouse.js';
import { finishInterruptedPublishForReading } from '../pipeline/warehouse-lock.js';
import { planTableSources } from '../warehouse/snapshot-views.js';
import { createTableViews } from '../warehouse/table-views.js';
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

/** The `query` command's action (loaded only when the command runs, to keep start-up fast). */
export async function runQuery(
  ctx: CommandContext,
  sqlArg: string | undefined,
  opts: { file?: string; format: RowFormat; asOf?: string },
): Promise<void> {
  if (!sqlArg && !opts.file)
    throw new UsageError('query needs SQL: nasdaq-pipeline query "SELECT …" or --file query.sql');
  if (sqlArg && opts.file)
    throw new UsageError('give the SQL either as an argument or with --file, not both');
  const sql = opts.file ? await readFile(path.resolve(ctx.deps.cwd, opts.file), 'utf8') : (sqlArg as string);
  const asOf = opts.asOf === undefined ? undefined : parseAsOf(opts.asOf);
  const config = await ctx.config();
  const wh = await openWarehouse(config, ctx.deps.cwd);
  await finishInterruptedPublishForReading(ctx, wh, 'query');
  const format = ctx.globals().json ? 'json' : opts.format;
  if (wh.remoteSql && asOf === undefined) {
    // Athena reads the Iceberg tables through the Glue catalog; only reading statements are sent.
    if (
      !/^\s*(\(\s*)*(select|with|show|describe|explain|values)\b/i.test(
        sql.replace(/--[^\n]*\n|\/\*[\s\S]*?\*\//g, ' '),
      )
    ) {
      throw new UsageError(
        'query is read-only: only SELECT (WITH, SHOW, DESCRIBE, EXPLAIN) statements run against the warehouse',
      );
    }
    const rows = await wh.remoteSql.query(sql);
    const columns = rows[0] ? Object.keys(rows[0]) : [];
    ctx.deps.stdout.write(formatRows(columns, rows, format));
    ctx.log('info', `Athena scanned ${(wh.remoteSql.scannedBytes() / 1e6).toFixed(2)} MB`);
    return;
  }
  // DuckDB loads (a native module and its worker threads) while the scans are planned.
  const opening = openDb({ memoryLimit: config.transform.memoryLimit });
  opening.catch(() => undefined); // awaited below; a failure must not count as unhandled meanwhile
  let db: Db | undefined;
  try {
    // Only tables the SQL mentions are planned and exposed (planning every table costs start-up time).
    const mentioned = (t: string) => new RegExp(`\\b${t}\\b`, 'i').test(sql);
    const at = asOf === undefined ? {} : { asOfTimestamp: asOf };
    let sources = await planTableSources(wh, { ...at, only: mentioned });
    if (sources.length === 0) sources = await planTableSources(wh, at);
    db = await opening;
    if (sources.length === 0) {
      throw new UsageError(
        `the warehouse ${wh.rootUri} has no tables${asOf !== undefined ? ' at that time' : ''} yet; run \`nasdaq-pipeline run\` first`,
      );
    }
    await createTableViews(db, sources);
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
    ctx.deps.stdout.write(formatRows(result.columns, result.rows, format));
  } finally {
    (db ?? (await opening.catch(() => undefined)))?.close();
  }
}
