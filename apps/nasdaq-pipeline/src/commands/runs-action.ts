import type { CommandContext } from '../program.js';
import { UsageError } from '../errors.js';
import { openDb, quoteLiteral } from '../warehouse/duckdb.js';
import { openWarehouse } from '../warehouse/open-warehouse.js';
import { finishInterruptedPublishForReading } from '../pipeline/warehouse-lock.js';
import { attachWarehouse } from '../warehouse/snapshot-views.js';
import { formatRows } from '../output/format-rows.js';

/** The `runs` command's action (loaded only when the command runs, to keep start-up fast). */
export async function runRuns(
  ctx: CommandContext,
  id: string | undefined,
  opts: { limit: number },
): Promise<void> {
  const config = await ctx.config();
  const wh = await openWarehouse(config, ctx.deps.cwd);
  await finishInterruptedPublishForReading(ctx, wh, 'runs');
  const db = await openDb();
  try {
    const sources = await attachWarehouse(db, wh);
    if (!sources.some((s) => s.name === 'pipeline_runs')) {
      throw new UsageError(`no run has been recorded in ${wh.rootUri} yet; run \`nasdaq-pipeline run\``);
    }
    if (id === undefined) {
      const r = await db.query(
        `SELECT run_id, command, status, exit_code, CAST(window_from AS VARCHAR) AS window_from, CAST(window_to AS VARCHAR) AS window_to, source, symbols_requested, symbols_failed, bars_accepted, bars_quarantined, started_at FROM pipeline_runs ORDER BY started_at DESC LIMIT ${Math.max(1, Math.floor(opts.limit))}`,
      );
      if (ctx.globals().json) ctx.printJson({ runs: r.rows });
      else ctx.say(formatRows(r.columns, r.rows, 'table').trimEnd());
      return;
    }
    const run = await db.query(`SELECT * FROM pipeline_runs WHERE run_id = ${quoteLiteral(id)}`);
    if (run.rows.length === 0)
      throw new UsageError(`no run ${id} in the ledger; list runs with \`nasdaq-pipeline runs\``);
    const dq = await db.query(
      `SELECT expectation_id, table_name, severity, status, observed_value, failing_rows FROM dq_results WHERE run_id = ${quoteLiteral(id)} ORDER BY status, expectation_id`,
    );
    const quarantine = await db.query(
      `SELECT symbol, CAST(trade_date AS VARCHAR) AS trade_date, rule_id, message FROM quarantine_daily_price WHERE run_id = ${quoteLiteral(id)} ORDER BY symbol, trade_date`,
    );
    if (ctx.globals().json) {
      ctx.printJson({ run: run.rows[0], dqResults: dq.rows, quarantine: quarantine.rows });
      return;
    }
    ctx.say(formatRows(run.columns, run.rows, 'table').trimEnd());
    ctx.say(`\ndata-quality results:\n${formatRows(dq.columns, dq.rows, 'table').trimEnd()}`);
    if (quarantine.rows.length)
      ctx.say(`\nquarantined rows:\n${formatRows(quarantine.columns, quarantine.rows, 'table').trimEnd()}`);
  } finally {
    db.close();
  }
}
