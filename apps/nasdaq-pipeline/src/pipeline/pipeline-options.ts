import type { KnownGap } from '@nasdaq-pipeline/validation';
import type { RunWindow } from './extract-plan.js';
import { createExtractClient, isFatalFmpError } from './fmp-source.js';
import { ensureTables } from './ensure-tables.js';
import { profilesToRefresh, readProfileFetchTimes } from './profile-state.js';
import { createRunRecorder } from './record-run.js';
import type { RunEnvironment } from './run-environment.js';
import type { RunPipelineOptions } from './run-pipeline.js';
import { readSymbolStates } from './symbol-states.js';
import { loadSuites } from './load-suites.js';
import { createTransformStage } from './transform-stage.js';
import { createTableValidator } from './validate-tables.js';
import { attachWarehouse } from '../warehouse/snapshot-views.js';

/** Builds the options of one pipeline run (one window) in an open {@link RunEnvironment}. */
export async function buildPipelineOptions(
  env: RunEnvironment,
  o: {
    command: 'run' | 'extract' | 'backfill';
    window: RunWindow;
    symbols: string[];
    source: 'fmp' | 'sample';
    runId?: string;
    onProgress?: RunPipelineOptions['onProgress'];
  },
): Promise<RunPipelineOptions> {
  const { config, warehouse: wh, db, calendar, now } = env;
  const runId = o.runId ?? env.newRunId();
  await ensureTables(wh);
  const sources = await attachWarehouse(db, wh);
  const states = await readSymbolStates(
    db,
    sources.some((s) => s.name === 'fact_stock_daily_price'),
  );
  return {
    command: o.command,
    runId,
    now,
    window: o.window,
    symbols: o.symbols,
    source: o.source,
    config,
    warehouse: wh,
    calendar,
    states,
    createClient: (onExchange) =>
      createExtractClient(config, o.source, {
        now,
        ...(env.ctx.deps.fetch ? { fetch: env.ctx.deps.fetch } : {}),
        calendar,
        onExchange,
      }),
    isFatal: isFatalFmpError,
    profilesWanted: profilesToRefresh(
      await readProfileFetchTimes(wh.io, wh.rootUri),
      o.symbols,
      now(),
      config.extract.profileMaxAgeDays,
    ),
    transform: createTransformStage({ db, warehouse: wh, config, calendar }),
    validateTables: createTableValidator({
      db,
      warehouse: wh,
      calendar,
      window: o.window,
      symbols: o.symbols,
      runId,
      suites: await loadSuites(config, env.ctx.deps.cwd),
    }) as (
      staged: Parameters<RunPipelineOptions['validateTables']>[0],
      params: { emptySymbols: string[]; knownGaps: KnownGap[] },
    ) => ReturnType<RunPipelineOptions['validateTables']>,
    record: createRunRecorder({ warehouse: wh, db, now, calendar }),
    log: (level, msg) => env.ctx.log(level, msg),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  };
}
