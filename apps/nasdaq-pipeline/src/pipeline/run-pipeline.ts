import { addDays, type MarketCalendar } from '@nasdaq-pipeline/market-calendar';
import {
  validateBars,
  type BarWarning,
  type DqResultRow,
  toRawStageDqRows,
  type ExpectationResult,
  type KnownGap,
  type QuarantineRow,
} from '@nasdaq-pipeline/validation';
import type { ResolvedConfig } from '../config/types.js';
import { ExitCode } from '../exit-codes.js';
import type { Warehouse } from '../warehouse/open-warehouse.js';
import { planExtract, type RunWindow, type SymbolState } from './extract-plan.js';
import { runExtractStage, type ExtractClient, type SymbolExtract } from './extract-stage.js';
import { RawZoneWriter, type RawExchangeLike } from './raw-zone.js';
import type { RunSummary, RunStatus } from './run-summary.js';
import type { StagedTransform, TransformStage } from './stages.js';

/** Everything one `run` needs, injected by the command. */
export interface RunPipelineOptions {
  /** `backfill` runs as `run`, one chunk at a time, recorded under its own name for resuming. */
  command: 'run' | 'extract' | 'backfill' | 'transform';
  runId: string;
  now: () => Date;
  window: RunWindow;
  symbols: string[];
  source: 'fmp' | 'sample';
  config: ResolvedConfig;
  warehouse: Warehouse;
  calendar: MarketCalendar;
  /** Stored state per symbol (from the fact table). */
  states: ReadonlyMap<string, SymbolState>;
  /** Creates the FMP client for this run; every exchange must be passed to `onExchange`. */
  createClient(onExchange: (ex: RawExchangeLike) => void): ExtractClient;
  /** Errors that stop the whole run (bad key, bandwidth, suspension). */
  isFatal(e: unknown): boolean;
  /** Symbols whose profile is missing or older than the configured age. */
  profilesWanted: ReadonlySet<string>;
  transform: TransformStage;
  /** Runs the table suites against the staged snapshots. */
  validateTables(
    staged: StagedTransform,
    params: { emptySymbols: string[]; knownGaps: KnownGap[] },
  ): Promise<ExpectationResult[]>;
  /** Writes the run's operational records (ledger, dq results, quarantine) and the report; returns the report folder. */
  record(summary: RunSummary, details: RunDetails): Promise<string | null>;
  log(level: 'info' | 'warn' | 'debug', message: string): void;
  /**
   * Transform from bars already in the raw zone instead of extracting (`transform`, `--rebuild`):
   * no FMP call is made.
   */
  fromRaw?: {
    bars: Record<string, unknown>[];
    profiles: Map<string, Record<string, unknown>>;
    rebuild: boolean;
  };
  /** Stored as the ledger row's message when the run succeeds (backfill keeps its symbol set there). */
  ledgerMessage?: string;
  onProgress?(done: number, total: number, symbol: string): void;
}

/** What the run produced besides its summary (written to the ops tables and the report). */
export interface RunDetails {
  quarantined: QuarantineRow[];
  expectations: ExpectationResult[];
  warnings: BarWarning[];
  closes: { symbol: string; date: string; close: number }[];
  /** Symbols whose profile this run fetched. */
  fetchedProfiles: string[];
  /** `dq_results` rows of the raw stage (one per record rule). */
  rawStageDq: DqResultRow[];
}

function ingestDate(now: Date): string {
  // The raw zone is partitioned by the exchange-local calendar date the data arrived.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(now);
}

/** `quarantined bars left gaps: AAPL (2025-06-13), MSFT (3 sessions: …)`. */
function describeGaps(gaps: readonly { symbol: string; date: string }[]): string {
  const bySymbol = new Map<string, string[]>();
  for (const g of gaps) bySymbol.set(g.symbol, [...(bySymbol.get(g.symbol) ?? []), g.date]);
  const parts = [...bySymbol].map(([symbol, dates]) => {
    const shown = dates.sort().slice(0, 5).join(', ') + (dates.length > 5 ? ', …' : '');
    return dates.length === 1 ? `${symbol} (${shown})` : `${symbol} (${dates.length} sessions: ${shown})`;
  });
  return `quarantined bars left sessions unpublished: ${parts.join('; ')}; see quarantine_daily_price`;
}

function fail(e: unknown): string {
  return (e as Error)?.message?.split('\n')[0] ?? String(e);
}

/**
 * The daily run of DESIGN §3: extract (raw zone) → validate raw (quarantine) → transform (staged) →
 * validate tables → publish only if no error-severity expectation failed → record the run.
 */
export async function runPipeline(o: RunPipelineOptions): Promise<RunSummary> {
  const started = o.now();
  const summary: RunSummary = {
    runId: o.runId,
    command: o.command,
    status: 'ok',
    exitCode: ExitCode.ok,
    source: o.source,
    window: { ...o.window },
    symbols: { requested: [...o.symbols], ok: [], failed: [], empty: [] },
    extract: { requests: 0, bars: 0, rawFiles: 0, bytes: 0 },
    quarantine: { rows: 0, byRule: {}, gaps: [] },
    tables: [],
    dq: { passed: 0, failed: 0, warned: 0, blocking: [] },
    published: false,
    reportDir: null,
    warehouse: o.warehouse.rootUri,
    startedAt: started.toISOString(),
    finishedAt: started.toISOString(),
    elapsedMs: 0,
    message: null,
  };
  const finish = (status: RunStatus, exitCode: number, message: string | null = null): RunSummary => {
    const end = o.now();
    summary.status = status;
    summary.exitCode = exitCode;
    summary.message = message;
    summary.finishedAt = end.toISOString();
    summary.elapsedMs = end.getTime() - started.getTime();
    return summary;
  };

  const profiles = new Map<string, Record<string, unknown>>();
  const rawBars: Record<string, unknown>[] = [];
  const refusedGaps: KnownGap[] = [];
  if (o.fromRaw) {
    rawBars.push(...o.fromRaw.bars);
    for (const [k, v] of o.fromRaw.profiles) profiles.set(k, v);
    summary.symbols.ok = [...o.symbols];
  } else {
    const items = planExtract(o.symbols, o.states, o.window, {
      calendar: o.calendar,
      bootstrapDays: o.config.extract.bootstrapDays,
    });
    if (items.length === 0) {
      summary.symbols.ok = [...o.symbols];
      return finish(
        'up_to_date',
        ExitCode.ok,
        `up to date: every symbol has ${o.window.to}, the last completed session`,
      );
    }

    // 1. Extract, landing every exchange in the raw zone as received.
    const raw = new RawZoneWriter(o.warehouse.io, o.warehouse.rootUri, o.runId, ingestDate(started));
    const landing: Promise<unknown>[] = [];
    const client = o.createClient((ex) => {
      summary.extract.requests++;
      summary.extract.bytes += Buffer.byteLength(ex.body);
      landing.push(raw.land(ex));
    });
    let done = 0;
    let extracts: SymbolExtract[];
    try {
      extracts = await runExtractStage(items, {
        client,
        profilesWanted: o.profilesWanted,
        splitsWanted: new Set(items.map((i) => i.symbol)),
        concurrency: o.config.fmp.concurrency,
        isFatal: o.isFatal,
        onSymbolDone: (s) => o.onProgress?.(++done, items.length, s.symbol),
      });
    } finally {
      await Promise.allSettled(landing);
      await raw.finish();
      summary.extract.rawFiles = raw.count;
    }
    await Promise.all(landing);

    for (const x of extracts) {
      if (x.error) {
        summary.symbols.failed.push({ symbol: x.symbol, reason: fail(x.error) });
        for (const d of o.calendar.sessionsBetween(o.window.from, o.window.to)) {
          refusedGaps.push({ symbol: x.symbol, date: d, reason: 'fmp.refused' });
        }
        continue;
      }
      if (x.empty) summary.symbols.empty.push(x.symbol);
      else summary.symbols.ok.push(x.symbol);
      if (x.profile) profiles.set(x.symbol, x.profile);
      rawBars.push(...x.rawBars);
    }
    const skipped = o.symbols.filter((s) => !items.some((i) => i.symbol === s));
    summary.symbols.ok.push(...skipped);
  }

  // 2. Validate raw bars: accepted rows go on, rejected ones to quarantine with rule ids.
  const checked = validateBars(rawBars, {
    runId: o.runId,
    runSession: o.window.to,
    isSession: (d) => o.calendar.isSession(d),
    now: o.now,
  });
  summary.extract.bars = checked.received;
  summary.quarantine.rows = checked.quarantined.length;
  for (const q of checked.quarantined)
    summary.quarantine.byRule[q.rule_id] = (summary.quarantine.byRule[q.rule_id] ?? 0) + 1;
  // A session this run loaded whose every bar was quarantined is a hole in the published data (DESIGN §6): the
  // run is partial and names it, also when the session lies before the window (catch-up sessions, bootstrap).
  summary.quarantine.gaps = checked.knownGaps
    .filter((g) => o.calendar.isSession(g.date))
    .map((g) => ({ symbol: g.symbol, date: g.date }));
  const knownGaps = [...checked.knownGaps, ...refusedGaps].filter(
    (g) => g.date >= o.window.from && g.date <= o.window.to,
  );
  const details: RunDetails = {
    quarantined: checked.quarantined,
    expectations: [],
    warnings: checked.warnings,
    fetchedProfiles: o.fromRaw ? [] : [...profiles.keys()],
    rawStageDq: toRawStageDqRows(o.runId, checked, o.now()),
    // The report charts about three months of closes up to the window's end.
    closes: checked.accepted
      .filter((b) => b.date <= o.window.to && b.date >= addDays(o.window.from, -92))
      .map((b) => ({ symbol: b.symbol, date: b.date, close: b.close })),
  };

  if (o.command === 'extract') {
    const status: RunStatus = summary.symbols.failed.length ? 'partial' : 'ok';
    finish(status, status === 'partial' ? ExitCode.partial : ExitCode.ok);
    summary.reportDir = await o.record(summary, details);
    return summary;
  }

  if (
    summary.symbols.failed.length > 0 &&
    summary.symbols.ok.length === 0 &&
    summary.symbols.empty.length === 0
  ) {
    // Nothing arrived: there is nothing to transform or publish. Raw responses and the ledger are kept.
    finish(
      'failed',
      ExitCode.failure,
      `every symbol failed (${summary.symbols.failed.map((f) => f.symbol).join(', ')}); nothing was published`,
    );
    summary.reportDir = await o.record(summary, details);
    return summary;
  }

  // 3. Transform into staged snapshots; 4. validate them; 5. publish or abandon.
  const staged = await o.transform({
    runId: o.runId,
    ingestedAt: started,
    source: o.source,
    window: o.window,
    bars: checked.accepted,
    profiles,
    rebuild: o.fromRaw?.rebuild ?? false,
  });
  summary.tables = staged.tables;
  let results: ExpectationResult[];
  try {
    results = await o.validateTables(staged, { emptySymbols: summary.symbols.empty, knownGaps });
  } catch (e) {
    await staged.abandon();
    throw e;
  }
  details.expectations = results;
  for (const r of results) {
    if (r.status === 'passed') summary.dq.passed++;
    else if (r.severity === 'warn') summary.dq.warned++;
    else {
      summary.dq.failed++;
      summary.dq.blocking.push({
        id: r.expectationId,
        table: r.table,
        message:
          r.error ??
          `${r.unexpectedCount} unexpected of ${r.elementCount} (observed ${JSON.stringify(r.observedValue)})`,
      });
    }
  }
  if (summary.dq.failed > 0) {
    await staged.abandon();
    finish('dq_failed', ExitCode.dataQuality, 'data-quality gate failed: nothing was published');
  } else {
    await staged.publish();
    summary.published = true;
    const gaps = summary.quarantine.gaps;
    const partial = summary.symbols.failed.length > 0 || knownGaps.length > 0 || gaps.length > 0;
    finish(
      partial ? 'partial' : 'ok',
      partial ? ExitCode.partial : ExitCode.ok,
      gaps.length > 0 ? describeGaps(gaps) : null,
    );
  }
  if (o.ledgerMessage !== undefined && summary.message === null) summary.message = o.ledgerMessage;
  summary.reportDir = await o.record(summary, details);
  return summary;
}
