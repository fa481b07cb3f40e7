/**
 * Base of every error thrown by `@nasdaq-pipeline/market-calendar`: a stable `code`, whether
 * retrying could help (`transient`, always `false` here: calendar errors come from the input), and
 * an optional native `cause`.
 */
export class CalendarError extends Error {
  /** Stable machine-readable code, e.g. `CALENDAR_INVALID_DATE`. */
  readonly code: string;
  /** Whether the same call may succeed if retried. Calendar errors never are. */
  readonly transient: boolean;

  constructor(message: string, options: { code: string; transient?: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.transient = options.transient ?? false;
  }
}

/** A value that is not a real calendar date written as `YYYY-MM-DD` (e.g. `2025-02-30`, `2025-1-5`). */
export class InvalidDateError extends CalendarError {
  /** The offending value, as given. */
  readonly value: unknown;

  constructor(value: unknown, context?: string) {
    super(
      `market-calendar: ${context ? `${context}: ` : ''}${JSON.stringify(value) ?? String(value)} is not a valid date; expected a real calendar date written YYYY-MM-DD`,
      { code: 'CALENDAR_INVALID_DATE' },
    );
    this.value = value;
  }
}

/**
 * A valid date outside the range the calendar covers (2000-01-01..2100-12-31), or a question whose
 * answer would fall outside it (the session before 2000-01-03, the session after 2100-12-31).
 */
export class DateOutOfRangeError extends CalendarError {
  /** The offending date. */
  readonly value: string;

  constructor(value: string, detail: string, context?: string) {
    super(`market-calendar: ${context ? `${context}: ` : ''}${value} ${detail}`, {
      code: 'CALENDAR_DATE_OUT_OF_RANGE',
    });
    this.value = value;
  }
}

/** An option given to the calendar is invalid (e.g. a negative `settleMinutes`, an invalid `now`). */
export class InvalidCalendarOptionError extends CalendarError {
  constructor(message: string) {
    super(`market-calendar: ${message}`, { code: 'CALENDAR_INVALID_OPTION' });
  }
}
