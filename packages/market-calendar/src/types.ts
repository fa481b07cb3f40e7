/** A day the market is closed on a weekday: a holiday or a one-off closure. Dates are `YYYY-MM-DD`. */
export interface Closure {
  date: string;
  name: string;
}

/** A session that closes early (13:00 America/New_York). */
export interface EarlyClose {
  date: string;
  /** Local close time in America/New_York, `HH:MM`. */
  closeTime: string;
}

/** Options of {@link MarketCalendar.lastCompletedSession}. */
export interface LastCompletedSessionOptions {
  /**
   * Minutes after the close before a session counts as completed, so end-of-day data has settled.
   * Default 30. Must be a finite number ≥ 0.
   */
  settleMinutes?: number;
}

/**
 * NASDAQ trading calendar. Every date is a `YYYY-MM-DD` string; every method throws
 * `InvalidDateError` for a value that is not a real date and `DateOutOfRangeError` outside
 * 2000-01-01..2100-12-31.
 */
export interface MarketCalendar {
  /** Whether the exchange trades on `date` (early-close days included). */
  isSession(date: string): boolean;
  /** Every session from `from` to `to`, both inclusive, ascending; `[]` when `from` is after `to`. */
  sessionsBetween(from: string, to: string): string[];
  /** The last session strictly before `date` (`date` need not be a session). */
  previousSession(date: string): string;
  /** The first session strictly after `date` (`date` need not be a session). */
  nextSession(date: string): string;
  /** Name of the holiday or one-off closure on `date`; `null` for sessions and weekends. */
  holidayName(date: string): string | null;
  /** Whether `date` is a session that closes at 13:00 America/New_York. */
  isEarlyClose(date: string): boolean;
  /** `'16:00'` or `'13:00'` (America/New_York) for a session; `null` when the market is closed. */
  closeTime(date: string): string | null;
  /**
   * The latest session whose close plus `settleMinutes` (default 30) has passed at `now`, judged on
   * the wall clock of America/New_York (DST from `Intl`), never the machine's time zone.
   */
  lastCompletedSession(now: Date, options?: LastCompletedSessionOptions): string;
}

/** What kind of day a date is: exactly one of these. */
export type DayKind = 'session' | 'weekend' | 'holiday';

/** Everything the calendar knows about one date. */
export interface DayInfo {
  date: string;
  kind: DayKind;
  /** ISO day of week, 1 = Monday … 7 = Sunday. */
  dayOfWeek: number;
  /** Set when `kind` is `'holiday'` (holidays and one-off closures). */
  holidayName: string | null;
  isEarlyClose: boolean;
  /** `'16:00'`, `'13:00'`, or `null` when closed. */
  closeTime: string | null;
}

/** The NASDAQ calendar with the queries the CLI and the star schema need beyond {@link MarketCalendar}. */
export interface NasdaqCalendar extends MarketCalendar {
  /** Holidays and one-off closures on weekdays from `from` to `to` (inclusive), ascending. */
  holidaysBetween(from: string, to: string): Closure[];
  /** Early-close sessions from `from` to `to` (inclusive), ascending. */
  earlyClosesBetween(from: string, to: string): EarlyClose[];
  /** Number of sessions from `from` to `to` inclusive (0 when `from` is after `to`). */
  countSessions(from: string, to: string): number;
  /** Classifies one date (for `dim_date`). */
  describeDate(date: string): DayInfo;
}

/** Options of `createNasdaqCalendar`. */
export interface NasdaqCalendarOptions {
  /**
   * Extra one-off closures (config `calendar.extraClosures`), e.g. a future national day of
   * mourning. A closure on a weekend changes nothing; one on a holiday keeps the holiday's name.
   */
  extraClosures?: readonly Closure[];
}
