import type { RunReport, RunReportInput, RunSummary } from './types.js';

/**
 * Builds the report model (the content of `report.json`) and its summary: verdict `failed` when an
 * error-severity expectation failed or errored (nothing published, exit 3), `partial` when data was
 * published but some (symbol, session) are known gaps or symbols were refused (exit 4), else `passed`.
 */
export function buildRunReport(input: RunReportInput): RunReport {
  const results = [...input.results];
  const blocking = results.filter((r) => r.severity === 'error' && r.status !== 'passed').length;
  const passed = results.filter((r) => r.status === 'passed').length;
  const quarantine = [...(input.quarantine ?? [])];
  const knownGaps = [...(input.knownGaps ?? [])];
  const refused = [...(input.refusedSymbols ?? [])].sort();
  const partialSymbols = [...new Set([...knownGaps.map((g) => g.symbol), ...refused])].sort();
  const published = input.published ?? blocking === 0;
  const verdict = !published || blocking > 0 ? 'failed' : partialSymbols.length > 0 ? 'partial' : 'passed';
  const summary: RunSummary = {
    verdict,
    suggestedExitCode: verdict === 'failed' ? 3 : verdict === 'partial' ? 4 : 0,
    published,
    expectations: results.length,
    passed,
    failed: results.filter((r) => r.status === 'failed').length,
    errored: results.filter((r) => r.status === 'error').length,
    blocking,
    warned: results.filter((r) => r.severity === 'warn' && r.status !== 'passed').length,
    quarantinedRows: quarantine.length,
    quarantinedBars: new Set(quarantine.map((q) => q.raw_row)).size,
    recordWarnings: input.warnings?.length ?? 0,
    knownGaps: knownGaps.length,
    partialSymbols,
    passRate: results.length === 0 ? 100 : (100 * passed) / results.length,
  };
  const at = input.generatedAt.toISOString();
  return {
    reportVersion: 1,
    runId: input.runId,
    generatedAt: at,
    window: { ...input.window },
    summary,
    counters: { ...(input.counters ?? {}) },
    results,
    quarantine,
    warnings: [...(input.warnings ?? [])],
    knownGaps,
    refusedSymbols: refused,
    history: [
      ...(input.history ?? []).filter((h) => h.runId !== input.runId),
      { runId: input.runId, at, passed, total: results.length },
    ],
    prices: [...(input.prices ?? [])],
  };
}

/** Renders `report.json` (pretty-printed, trailing newline). */
export function renderReportJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The pass-rate history entry of a previous run's parsed `report.json`. */
export function historyEntryOf(report: Pick<RunReport, 'runId' | 'generatedAt' | 'summary'>) {
  return {
    runId: report.runId,
    at: report.generatedAt,
    passed: report.summary.passed,
    total: report.summary.expectations,
  };
}
