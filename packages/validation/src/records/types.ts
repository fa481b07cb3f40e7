/** Severity of a record rule or an expectation: `error` blocks (quarantine / publishing), `warn` reports. */
export type Severity = 'error' | 'warn';

/** A bar as received from FMP (`historical-price-eod/full` row), before any check. */
export type RawBar = Readonly<Record<string, unknown>>;

/** A bar that passed every error rule, with numeric fields typed and volume coerced to an integer. */
export interface AcceptedBar {
  symbol: string;
  /** `YYYY-MM-DD`, a NASDAQ session not after the run's session. */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/**
 * One row of `quarantine_daily_price` [run_id, symbol, trade_date, rule_id]: a rejected bar, one row per
 * violated rule, carrying the raw row exactly as received (JSON text).
 */
export interface QuarantineRow {
  run_id: string;
  /** The bar's symbol, or `''` when the raw row has none usable. */
  symbol: string;
  /**
   * The bar's `date` when it is a `YYYY-MM-DD` string, else `null` (the table's column is required:
   * such rows can only be kept in the report and the raw zone).
   */
  trade_date: string | null;
  rule_id: string;
  severity: 'error';
  /** Why, in words (`high 99.5 < close 101.2`), plus every rule the bar violated when more than one. */
  message: string;
  /** `JSON.stringify` of the row as received. */
  raw_row: string;
  /** Raw-zone object the bar came from (`ValidateBarsOptions.rawPath`), else `null`. */
  raw_path: string | null;
  /** From the injected clock. */
  quarantined_at: Date;
}

/** A warning on an accepted bar (reported, never blocks). */
export interface BarWarning {
  rule_id: string;
  symbol: string;
  date: string;
  message: string;
}

/** A (symbol, session) the run knows is missing: quarantined, or refused by FMP. */
export interface KnownGap {
  symbol: string;
  date: string;
  /** Rule ids (quarantine) or `fmp.refused`. */
  reason: string;
}

/** Context every record rule sees. */
export interface RecordRuleContext {
  /** The run's last session (`YYYY-MM-DD`); later dates are rejected. */
  runSession: string;
  /** Whether `date` is a NASDAQ session (throws for invalid or out-of-range dates). */
  isSession: (date: string) => boolean;
}

/** A check on one raw bar. */
export interface RecordRule {
  /** Stable id stored in `quarantine_daily_price.rule_id` (e.g. `bar.high_bound`). */
  id: string;
  severity: 'error';
  /** One line for reports. */
  description: string;
  /** Returns why the bar violates the rule, or `null` when it passes (or the rule does not apply). */
  check(bar: RawBar, context: RecordRuleContext): string | null;
}
