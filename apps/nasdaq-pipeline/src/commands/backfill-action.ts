import type { CommandContext } from '../program.js';
import { requireNotFuture } from '../cli-dates.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { backfillCalls, chunkByMonth, planQuota } from '../pipeline/backfill-plan.js';
import { buildPipelineOptions } from '../pipeline/pipeline-options.js';
import { withRunEnvironment } from '../pipeline/run-environment.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { renderRunSummary, type RunSummary } from '../pipeline/run-summary.js';
import { selectSource } from '../pipeline/select-source.js';
import { createCalendarFromConfig } from '../cli-dates.js';
import { attachWarehouse } from '../warehouse/snapshot-views.js';
import { quoteLiteral } from '../warehouse/duckdb.js';
import { createProgress } from '../output/progress.js';
import { resolveSymbols } from './run-action.js';

/** Options of `backfill`. */
export interface BackfillOptions {
  from: string;
  to: string;
  symbols?: string[];
  resume?: boolean;
  dryRun?: boolean;
  source?: 'fmp' | 'sample';
  wait?: number;
}

/** The `backfill` command's action (loaded only when the command runs, to keep start-up fast). */
export async function runBackfill(ctx: CommandContext, opts: BackfillOptions): Promise<void> {
  const config = await ctx.config();
  if (opts.source !== undefined && opts.source !== 'fmp' && opts.source !== 'sample') {
    throw new UsageError(`--source must be fmp or sample, not ${JSON.stringify(opts.source)}`);
  }
  if (opts.from > opts.to) throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`);
  const calendar = createCalendarFromConfig(config);
  requireNotFuture(opts.to, {
    calendar,
    now: ctx.deps.now(),
    settleMinutes: config.calendar.settleMinutes,
  });
  const symbols = await resolveSymbols(ctx, opts);
  const chunks = chunkByMonth(opts.from, opts.to, calendar);
  if (chunks.length === 0) throw new UsageError(`${opts.from}..${opts.to} holds no NASDAQ session`);
  const choice = selectSource(config, opts.source);
  if (opts.dryRun) {
    const calls = backfillCalls(chunks.length, symbols.length);
    const quota = planQuota[config.fmp.plan];
    const plan = {
      from: opts.from,
      to: opts.to,
      source: choice.source,
      symbols,
      chunks,
      apiCalls: calls,
      plan: config.fmp.plan,
      quota: `${quota.calls} calls per ${quota.per}`,
      fitsInOneQuotaPeriod: calls <= quota.calls * config.fmp.rateLimitFraction,
    };
    if (ctx.globals().json) ctx.printJson(plan);
    else {
      ctx.say(
        `backfill ${opts.from}..${opts.to}: ${chunks.length} monthly chunks × ${symbols.length} symbols (${choice.source})`,
      );
      for (const c of chunks) ctx.say(`  ${c.month}  ${c.from}..${c.to}  ${c.sessions} sessions`);
      ctx.say(
        `API calls: ${calls} (1 history call per symbol and month, plus profile and splits per symbol); plan ${config.fmp.plan} allows ${plan.quota}${plan.fitsInOneQuotaPeriod ? '' : ' — the client will pace itself over several periods'}`,
      );
    }
    return;
  }
  await withRunEnvironment(ctx, 'backfill', { waitSeconds: opts.wait ?? 0 }, async (env) => {
    const done = new Set<string>();
    if (opts.resume) {
      const sources = await attachWarehouse(env.db, env.warehouse);
      if (sources.some((s) => s.name === 'pipeline_runs')) {
        const r = await env.db.query(
          `SELECT CAST(window_from AS VARCHAR) AS f, CAST(window_to AS VARCHAR) AS t FROM pipeline_runs WHERE command = 'backfill' AND status IN ('ok', 'partial') AND message = ${quoteLiteral(symbols.join(','))}`,
        );
        for (const row of r.rows) done.add(`${String(row['f'])}|${String(row['t'])}`);
      }
    }
    const summaries: RunSummary[] = [];
    let skipped = 0;
    const progress = createProgress(ctx, 'backfill');
    let worst: number = ExitCode.ok;
    try {
      for (const [i, chunk] of chunks.entries()) {
        progress.update(i, chunks.length, chunk.month);
        if (done.has(`${chunk.from}|${chunk.to}`)) {
          skipped++;
          continue;
        }
        const options = await buildPipelineOptions(env, {
          command: 'backfill',
          window: { from: chunk.from, to: chunk.to, mode: 'range' },
          symbols,
          source: choice.source,
        });
        // The ledger's message holds the symbol set, so --resume only skips months done for the same symbols.
        const summary = await runPipeline({ ...options, ledgerMessage: symbols.join(',') });
        summaries.push(summary);
        if (!ctx.globals().json) ctx.say(`${chunk.month}: ${summary.status} (${summary.elapsedMs} ms)`);
        if (summary.exitCode === ExitCode.dataQuality) {
          worst = summary.exitCode;
          if (!ctx.globals().json) ctx.say(renderRunSummary(summary).trimEnd());
          break;
        }
        if (summary.exitCode > worst) worst = summary.exitCode;
      }
    } finally {
      progress.stop();
    }
    if (ctx.globals().json) {
      ctx.printJson({
        from: opts.from,
        to: opts.to,
        chunks: chunks.length,
        skipped,
        runs: summaries,
      });
    } else {
      const notRun = chunks.length - summaries.length - skipped;
      ctx.say(
        `backfill ${opts.from}..${opts.to}: ${summaries.length} chunks run, ${skipped} skipped (already done)${notRun ? `, ${notRun} not run after the failure above` : ''}`,
      );
    }
    ctx.setExitCode(worst);
  });
}
