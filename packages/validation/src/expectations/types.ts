import type { KnownGap, Severity } from '../records/types.js';

/** Runs one SQL statement and returns its rows as plain objects (DuckDB, Athena, … supplied by the caller). */
export type RunSql = (sql: string) => Promise<readonly Record<string, unknown>[]>;

/** Renders a bare table name (`fact_stock_daily_price`) as a reference for the engine (`"nasdaq"."fact_…"`). */
export type TableRef = (table: string) => string;

/** Fields every expectation has, whatever its kind. */
export interface ExpectationBase {
  /** Stable id, unique in a run (default derived: `<table>.<kind>.<columns>`). */
  id?: string;
  /** Bare table name the expectation reads. */
  table: string;
  /** `error` (default) blocks publishing; `warn` is reported. */
  severity?: Severity;
  /** Fraction of rows that must pass, 0..1 (default 1). Row-level kinds only. */
  mostly?: number;
  /** One line for reports. */
  description?: string;
  /**
   * Date column that scopes the check to the run's window when `SuiteRunParams.scope` is `window`
   * (the default): only rows dated in the window are examined. Unset: the whole table.
   */
  dateColumn?: string;
  /**
   * Grain of `dateColumn` when it holds period starts (`week_start`, `month_start`): the window's
   * lower bound is moved back to the start of its week or month, so the periods it touches are kept.
   */
  dateGrain?: 'day' | 'week' | 'month';
}

/** Values of the run an expectation may depend on (completeness, freshness). */
export interface SuiteRunParams {
  /** Run id (ULID) written to `dq_results`. */
  runId: string;
  /** The run's window, inclusive sessions `YYYY-MM-DD`. */
  window: { from: string; to: string };
  /** Every NASDAQ session of the window, ascending (from the market calendar). */
  sessions: readonly string[];
  /** Symbols the run requested. */
  symbols: readonly string[];
  /** Symbols FMP answered `[]` for: not expected to have rows. */
  emptySymbols?: readonly string[];
  /** Quarantined or refused (symbol, session): reported by completeness, never blocking. */
  knownGaps?: readonly KnownGap[];
  /** Symbols FMP refused (plan, 4xx after retries): every missing session of theirs is a known gap. */
  refusedSymbols?: readonly string[];
  /**
   * `window` (default): expectations with a `dateColumn` examine only rows dated in the window (the
   * rows a daily run wrote), aggregates only the periods the window touches. `all`: whole tables.
   */
  scope?: 'window' | 'all';
}

/** What compiling needs. */
export interface CompileContext {
  tableRef: TableRef;
  params: SuiteRunParams;
}

/** Outcome of one expectation. */
export type ExpectationStatus = 'passed' | 'failed' | 'error';

/** Result of one expectation (the JSON report and `dq_results` carry the same fields). */
export interface ExpectationResult {
  expectationId: string;
  suite: string;
  table: string;
  kind: string;
  severity: Severity;
  description: string;
  status: ExpectationStatus;
  /** What was expected: the kind's parameters (plus the window's last session, session counts…). */
  expected: Record<string, unknown>;
  /** The measured value: a row count, a latest date, the share of unexpected rows, a type map… */
  observedValue: unknown;
  /** Rows (or keys, or periods) examined. */
  elementCount: number;
  /** Rows (or keys, or periods) that violate the expectation (known gaps excluded). */
  unexpectedCount: number;
  /** 100 · unexpected / element count (0 when nothing was examined). */
  unexpectedPercent: number;
  /** Known gaps (completeness only): missing but quarantined or refused. */
  knownGapCount: number;
  /** Up to 20 offending rows, values made JSON-safe. */
  sampleRows: Record<string, unknown>[];
  durationMs: number;
  /** Engine or compile error when status is `error`. */
  error: string | null;
  /** The SQL text that ran. */
  sql: string;
}

/** First row of a compiled query: `dq_total`, `dq_unexpected`, optional `dq_observed`, `dq_known`. */
export interface CompiledExpectation {
  id: string;
  sql: string;
  /** Judges the rows the SQL returned. */
  evaluate(rows: readonly Record<string, unknown>[]): Evaluation;
}

/** Kind-specific verdict of a compiled query's rows. */
export interface Evaluation {
  success: boolean;
  observedValue: unknown;
  elementCount: number;
  unexpectedCount: number;
  knownGapCount?: number;
  sampleRows: Record<string, unknown>[];
}
