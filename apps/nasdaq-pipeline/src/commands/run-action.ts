import type { CommandContext } from '../program.js';
import { ConfigError, UsageError } from '../errors.js';
import { resolveDateWindow } from '../cli-dates.js';
import { loadSymbolGroups, selectSymbols } from '../config/symbols.js';
import { selectSource } from '../pipeline/select-source.js';
import { renderRunSummary } from '../pipeline/run-summary.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { buildPipelineOptions } from '../pipeline/pipeline-options.js';
import { withRunEnvironment } from '../pipeline/run-environment.js';
import type { RunWindow } from '../pipeline/extract-plan.js';
import { createProgress } from '../output/progress.js';
import type { SelectionOptions } from './selection-options.js';

/** Resolves the symbols of a command: `--symbols`, else the config's groups/list. */
export async function resolveSymbols(ctx: CommandContext, opts: SelectionOptions): Promise<string[]> {
  const config = await ctx.config();
  const { canonicalizeSymbol } = await import('@nasdaq-pipeline/fmp-client');
  const fromFlag = opts.symbols !== undefined;
  const raw = opts.symbols ?? selectSymbols(config, await loadSymbolGroups(config, ctx.deps.cwd));
  const out: string[] = [];
  for (const s of raw) {
    try {
      out.push(canonicalizeSymbol(s));
    } catch (e) {
      // Hostile or malformed symbols are refused here, before any file or request is made.
      if (fromFlag) throw new UsageError(`--symbols: ${(e as Error).message}`, e);
      throw new ConfigError(
        `symbol ${JSON.stringify(s)} in the config's symbols: ${(e as Error).message}`,
        e,
      );
    }
  }
  return [...new Set(out)];
}

/** Runs `run` or `extract` for the selected window, prints the summary and sets the exit code. */
export async function executeRunCommand(
  ctx: CommandContext,
  command: 'run' | 'extract',
  opts: SelectionOptions,
): Promise<void> {
  const config = await ctx.config();
  const symbols = await resolveSymbols(ctx, opts);
  const choice = selectSource(config, opts.source);
  await withRunEnvironment(ctx, command, { waitSeconds: opts.wait ?? 0 }, async (env) => {
    const dates = resolveDateWindow(opts, {
      calendar: env.calendar,
      now: env.now(),
      settleMinutes: config.calendar.settleMinutes,
    });
    const window: RunWindow = {
      from: dates.from,
      to: dates.to,
      mode: opts.date !== undefined ? 'date' : opts.from !== undefined ? 'range' : 'latest',
    };
    if (choice.notice) ctx.log('warn', choice.notice);
    const progress = createProgress(
      ctx,
      `${command} ${window.from === window.to ? window.to : `${window.from}..${window.to}`}`,
    );
    const options = await buildPipelineOptions(env, {
      command,
      window,
      symbols,
      source: choice.source,
      onProgress: progress.update,
    });
    const summary = await runPipeline(options).finally(() => progress.stop());
    if (ctx.globals().json) ctx.printJson(summary);
    else ctx.say(renderRunSummary(summary).trimEnd());
    ctx.setExitCode(summary.exitCode);
  });
}
