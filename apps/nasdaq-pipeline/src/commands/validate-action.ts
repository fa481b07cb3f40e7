import { runSuites, validateBars, type ExpectationResult } from '@nasdaq-pipeline/validation';
import { loadSuites } from '../pipeline/load-suites.js';
import { createCalendarFromConfig } from '../cli-dates.js';
import type { CommandContext } from '../program.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { openDb } from '../warehouse/duckdb.js';
import { openWarehouse } from '../warehouse/open-warehouse.js';
import { finishInterruptedPublishForReading } from '../pipeline/warehouse-lock.js';
import { attachWarehouse } from '../warehouse/snapshot-views.js';
import { readRawZone } from '../pipeline/raw-zone-reader.js';
import { formatRows } from '../output/format-rows.js';
import { resolveSymbols } from './run-action.js';

/** Options of `validate`. */
export interface ValidateOptions {
  stage: 'raw' | 'tables' | 'all';
  run?: string;
}

/** The `validate` command's action (loaded only when the command runs, to keep start-up fast). */
export async function runValidate(ctx: CommandContext, opts: ValidateOptions): Promise<void> {
  const config = await ctx.config();
  const calendar = createCalendarFromConfig(config);
  const wh = await openWarehouse(config, ctx.deps.cwd);
  await finishInterruptedPublishForReading(ctx, wh, 'validate');
  const symbols = await resolveSymbols(ctx, {});
  const out: { raw?: unknown; tables?: ExpectationResult[] } = {};
  let code: number = ExitCode.ok;
  if (opts.stage !== 'tables') {
    const contents = await readRawZone(wh.io, wh.rootUri, opts.run ? { runIds: new Set([opts.run]) } : {});
    if (opts.run && contents.runIds.length === 0)
      throw new UsageError(`the raw zone holds no history response of run ${opts.run}`);
    const session = calendar.lastCompletedSession(ctx.deps.now(), {
      settleMinutes: config.calendar.settleMinutes,
    });
    const checked = validateBars(contents.bars, {
      runId: opts.run ?? 'validate',
      runSession: session,
      isSession: (d) => calendar.isSession(d),
      now: ctx.deps.now,
    });
    const byRule: Record<string, number> = {};
    for (const q of checked.quarantined) byRule[q.rule_id] = (byRule[q.rule_id] ?? 0) + 1;
    out.raw = {
      runs: contents.runIds.length,
      bars: checked.received,
      accepted: checked.accepted.length,
      quarantined: checked.quarantined.length,
      byRule,
      warnings: checked.warnings.length,
    };
    ctx.say(
      `raw zone: ${contents.runIds.length} runs, ${checked.received} bars, ${checked.accepted.length} accepted, ${checked.quarantined.length} quarantine rows${
        Object.keys(byRule).length
          ? ` (${Object.entries(byRule)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')})`
          : ''
      }, ${checked.warnings.length} warnings`,
    );
  }
  if (opts.stage !== 'raw') {
    const db = await openDb({ memoryLimit: config.transform.memoryLimit });
    try {
      // On AWS the suites run on Athena (same SQL text, Glue table references); locally on DuckDB views.
      const remote = wh.remoteSql;
      const sources = remote ? [] : await attachWarehouse(db, wh);
      const runSql = remote
        ? (sql: string) => remote.query(sql)
        : async (sql: string) => (await db.query(sql)).rows;
      const ref = remote ? (t: string) => remote.tableRef(t) : (t: string) => `"${t}"`;
      if (!remote && !sources.some((s) => s.name === 'fact_stock_daily_price')) {
        throw new UsageError(
          `the warehouse ${wh.rootUri} has no tables yet; run \`nasdaq-pipeline run\` first`,
        );
      }
      const fact = ref('fact_stock_daily_price');
      const last = (await runSql(`SELECT CAST(max(trade_date) AS VARCHAR) AS d FROM ${fact}`))[0]?.['d'];
      if (typeof last !== 'string') {
        throw new UsageError(
          `the warehouse ${wh.rootUri} has no published prices yet (its tables are empty); run \`nasdaq-pipeline run\` first`,
        );
      }
      const to = last;
      // Completeness covers the symbols the warehouse holds (the config may list more than were loaded).
      const held = (await runSql(`SELECT DISTINCT symbol FROM ${fact} ORDER BY symbol`)).map((r) =>
        String(r['symbol']),
      );
      const outcome = await runSuites(await loadSuites(config, ctx.deps.cwd), {
        runSql,
        tableRef: ref,
        params: {
          runId: 'validate',
          window: { from: to, to },
          sessions: [to],
          symbols: held.length ? held : symbols,
        },
      });
      out.tables = outcome.results;
      if (!outcome.publishable) code = ExitCode.dataQuality;
      const rows = outcome.results.map((r) => ({
        expectation: r.expectationId,
        severity: r.severity,
        status: r.status,
        unexpected: r.unexpectedCount,
        observed: JSON.stringify(r.observedValue),
      }));
      ctx.say(
        formatRows(['expectation', 'severity', 'status', 'unexpected', 'observed'], rows, 'table').trimEnd(),
      );
      ctx.say(
        `tables: ${outcome.results.filter((r) => r.status === 'passed').length} passed, ${outcome.blocking.length} blocking failures`,
      );
    } finally {
      db.close();
    }
  }
  if (ctx.globals().json) ctx.printJson({ ok: code === ExitCode.ok, ...out });
  ctx.setExitCode(code);
}
