import type { ExpectationResult } from '../expectations/types.js';
import type { BarWarning, KnownGap, QuarantineRow } from '../records/types.js';

/** One point of a close-price chart. */
export interface ClosePoint {
  symbol: string;
  date: string;
  close: number;
}

/** One earlier run in the pass-rate history. */
export interface RunHistoryEntry {
  runId: string;
  /** ISO-8601 instant. */
  at: string;
  passed: number;
  total: number;
}

/** Everything a run report shows; the CLI gathers it, this package renders it. */
export interface RunReportInput {
  runId: string;
  generatedAt: Date;
  window: { from: string; to: string };
  /** Expectation results of the table stage (empty when only the raw stage ran). */
  results: readonly ExpectationResult[];
  /** Rows written to `quarantine_daily_price` by this run. */
  quarantine?: readonly QuarantineRow[];
  /** Record-rule warnings. */
  warnings?: readonly BarWarning[];
  /** Known gaps (quarantined or refused (symbol, session)). */
  knownGaps?: readonly KnownGap[];
  /** Symbols FMP refused (plan, 4xx after retries). */
  refusedSymbols?: readonly string[];
  /** Close prices of the window, for one small chart per symbol. */
  prices?: readonly ClosePoint[];
  /** Recent runs, oldest first (this run is appended). */
  history?: readonly RunHistoryEntry[];
  /** Free-form counters shown in the summary (bars received, accepted, …). */
  counters?: Readonly<Record<string, number | string>>;
  /** Whether the run published its tables. Default: true when no error expectation failed. */
  published?: boolean;
}

/** Overall verdict: `passed`; `partial` (known gaps, data published); `failed` (nothing published). */
export type RunVerdict = 'passed' | 'partial' | 'failed';

/** Counts at the top of every report. */
export interface RunSummary {
  verdict: RunVerdict;
  /** Exit code the CLI should use for this verdict (0, 4 or 3). */
  suggestedExitCode: 0 | 3 | 4;
  published: boolean;
  expectations: number;
  passed: number;
  failed: number;
  errored: number;
  /** Failed or errored error-severity expectations. */
  blocking: number;
  /** Failed warn-severity expectations. */
  warned: number;
  quarantinedRows: number;
  quarantinedBars: number;
  recordWarnings: number;
  knownGaps: number;
  /** Symbols with known gaps or refused, sorted. */
  partialSymbols: string[];
  /** 100 · passed / expectations (100 when none ran). */
  passRate: number;
}

/** The content of `report.json`. */
export interface RunReport {
  reportVersion: 1;
  runId: string;
  generatedAt: string;
  window: { from: string; to: string };
  summary: RunSummary;
  counters: Record<string, number | string>;
  results: ExpectationResult[];
  quarantine: QuarantineRow[];
  warnings: BarWarning[];
  knownGaps: KnownGap[];
  refusedSymbols: string[];
  history: RunHistoryEntry[];
  prices: ClosePoint[];
}
