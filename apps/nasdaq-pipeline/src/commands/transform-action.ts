import type { CommandContext } from '../program.js';
import { glueTransformHook, type TransformOptions } from './transform.js';
import { resolveDateWindow } from '../cli-dates.js';
import { UsageError } from '../errors.js';
import { buildPipelineOptions } from '../pipeline/pipeline-options.js';
import { readRawZone } from '../pipeline/raw-zone-reader.js';
import { withRunEnvironment } from '../pipeline/run-environment.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { renderRunSummary } from '../pipeline/run-summary.js';
import type { RunWindow } from '../pipeline/extract-plan.js';
import { resolveSymbols } from './run-action.js';
import { loadAwsTarget } from '../aws/load-aws-target.js';

/** The `transform` command's action (loaded only when the command runs, to keep start-up fast). */
export async function runTransform(
  ctx: CommandContext,
  opts: TransformOptions & { dryRun?: boolean },
): Promise<void> {
  const config = await ctx.config();
  if (opts.engine === 'glue') {
    if (config.target !== 'aws')
      throw new UsageError(
        '--engine glue needs --target aws (the Glue job reads and writes the S3 warehouse)',
      );
    await loadAwsTarget();
    const glueTransform = glueTransformHook();
    if (!glueTransform) throw new UsageError('--engine glue is not available in this build');
    await glueTransform(ctx, opts);
    return;
  }
  if (opts.rebuild && (opts.date || opts.from || opts.to)) {
    throw new UsageError('--rebuild recomputes everything; it takes no --date/--from/--to');
  }
  const selected = await resolveSymbols(ctx, opts);
  await withRunEnvironment(ctx, 'transform', { waitSeconds: opts.wait ?? 0 }, async (env) => {
    const contents = await readRawZone(env.warehouse.io, env.warehouse.rootUri);
    if (contents.bars.length === 0) {
      throw new UsageError(
        `the raw zone of ${env.warehouse.rootUri} holds no prices; run \`nasdaq-pipeline extract\` first`,
      );
    }
    // `--rebuild` without `--symbols` recomputes what the raw zone holds: the configured list may name symbols
    // that were never extracted, and their missing sessions would fail completeness (exit 3, nothing rebuilt).
    const symbols =
      opts.rebuild && opts.symbols === undefined
        ? [...new Set(contents.bars.map((b) => String(b['symbol'])))].sort()
        : selected;
    const wanted = new Set(symbols);
    let bars = contents.bars.filter((b) => wanted.has(String(b['symbol'])));
    let window: RunWindow;
    if (opts.rebuild) {
      const dates = bars
        .map((b) => String(b['date']))
        .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
        .sort();
      const last = env.calendar.lastCompletedSession(env.now(), {
        settleMinutes: config.calendar.settleMinutes,
      });
      const to =
        dates.length && (dates[dates.length - 1] as string) < last
          ? (dates[dates.length - 1] as string)
          : last;
      window = { from: to, to, mode: 'range' };
    } else {
      const d = resolveDateWindow(opts, {
        calendar: env.calendar,
        now: env.now(),
        settleMinutes: config.calendar.settleMinutes,
      });
      window = { from: d.from, to: d.to, mode: opts.date ? 'date' : opts.from ? 'range' : 'latest' };
      bars = bars.filter((b) => String(b['date']) >= d.from && String(b['date']) <= d.to);
    }
    const options = await buildPipelineOptions(env, {
      command: 'run',
      window,
      symbols,
      source: config.fmp.apiKey ? 'fmp' : 'sample',
    });
    const summary = await runPipeline({
      ...options,
      command: 'transform',
      fromRaw: { bars, profiles: contents.profiles, rebuild: opts.rebuild ?? false },
    });
    if (ctx.globals().json) ctx.printJson(summary);
    else ctx.say(renderRunSummary(summary).trimEnd());
    ctx.setExitCode(summary.exitCode);
  });
}
