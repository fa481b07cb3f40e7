import {
  CalendarError,
  EXCHANGE_TIME_ZONE,
  SUPPORTED_RANGE,
  createNasdaqCalendar,
  isValidDate,
  dayOfWeek,
  toNewYorkTime,
  type MarketCalendar,
  type NasdaqCalendar,
} from '@nasdaq-pipeline/market-calendar';
import { ConfigError, UsageError } from './errors.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** What the "not in the future" checks need: the calendar, the injected clock and the settle buffer. */
export interface SessionClock {
  calendar: MarketCalendar;
  /** The CLI's injected clock (`deps.now()`), never `new Date()` inside a check. */
  now: Date;
  /** Config `calendar.settleMinutes` (default 30). */
  settleMinutes?: number;
}

/** The dates a command works on, resolved once and passed down to every stage. */
export interface DateWindow {
  from: string;
  to: string;
  /** Every NASDAQ session in `from..to`, ascending (never empty). */
  sessions: string[];
}

/**
 * The NASDAQ calendar with the config's `calendar.extraClosures`. A closure the calendar cannot
 * take (a date outside 2000-01-01..2100-12-31, an empty name) is a configuration error (exit 2).
 * @throws {ConfigError} naming the offending entry
 */
export function createCalendarFromConfig(config: {
  calendar: { extraClosures: readonly { date: string; name: string }[] };
}): NasdaqCalendar {
  try {
    return createNasdaqCalendar({ extraClosures: config.calendar.extraClosures });
  } catch (e) {
    if (e instanceof CalendarError) {
      throw new ConfigError(`config calendar.${e.message.replace(/^market-calendar: /, '')}`, e);
    }
    throw e;
  }
}

/**
 * Validates a date flag value: a real `YYYY-MM-DD` date inside the calendar's range
 * (2000-01-01..2100-12-31). Usable as a commander `argParser` (`(v) => parseDateOption(v, '--date')`).
 * @throws {UsageError} (exit 2) naming the flag and the value
 */
export function parseDateOption(value: string, flagName: string): string {
  if (!isValidDate(value)) {
    throw new UsageError(
      `${flagName} ${JSON.stringify(value)} is not a valid date; expected YYYY-MM-DD, e.g. 2025-01-09`,
    );
  }
  if (value < SUPPORTED_RANGE.from || value > SUPPORTED_RANGE.to) {
    throw new UsageError(
      `${flagName} ${value} is outside the NASDAQ calendar's range ${SUPPORTED_RANGE.from}..${SUPPORTED_RANGE.to}`,
    );
  }
  return value;
}

/** Why `date` is not a session: the holiday's name or the weekday (`'Saturday'`); `null` for a session. */
export function describeClosure(date: string, calendar: MarketCalendar): string | null {
  if (calendar.isSession(date)) return null;
  return calendar.holidayName(date) ?? WEEKDAYS[dayOfWeek(date) - 1] ?? 'closed';
}

function nearest(fn: () => string): string {
  try {
    return fn();
  } catch {
    return 'none in range'; // only at 2000-01-03 and 2100-12-31
  }
}

/**
 * Requires `date` to be a NASDAQ session, e.g. for `--date`. Fails with exit 2 and the nearest
 * sessions: `2025-12-25 is not a NASDAQ session (Christmas Day); previous session 2025-12-24, next 2025-12-26`.
 * @returns `date`
 * @throws {UsageError} when `date` is a weekend, holiday or one-off closure
 */
export function requireSession(date: string, calendar: MarketCalendar): string {
  const reason = describeClosure(date, calendar);
  if (reason === null) return date;
  const prev = nearest(() => calendar.previousSession(date));
  const next = nearest(() => calendar.nextSession(date));
  throw new UsageError(`${date} is not a NASDAQ session (${reason}); previous session ${prev}, next ${next}`);
}

/**
 * Requires `date` not to be after the last completed session at `now` (a session counts once its
 * close plus `settleMinutes` has passed in New York), naming the nearest sessions otherwise.
 * @returns `date`
 * @throws {UsageError} for a date whose session has not completed yet
 */
export function requireNotFuture(date: string, clock: SessionClock): string {
  const settleMinutes = clock.settleMinutes ?? 30;
  const last = clock.calendar.lastCompletedSession(clock.now, { settleMinutes });
  if (date <= last) return date;
  const ny = toNewYorkTime(clock.now);
  const next = nearest(() => clock.calendar.nextSession(last));
  const close = clock.calendar.closeTime(next) ?? '16:00';
  throw new UsageError(
    `${date} is in the future (now ${ny.date} ${ny.time} ${EXCHANGE_TIME_ZONE}); the last completed NASDAQ session is ` +
      `${last}, the next is ${next} (complete ${settleMinutes} min after its ${close} close)`,
  );
}

/**
 * Parses a `--date`-style flag and requires a completed NASDAQ session (valid, a session, not in
 * the future).
 * @throws {UsageError} (exit 2) otherwise
 */
export function resolveSessionDate(value: string, flagName: string, clock: SessionClock): string {
  return requireNotFuture(requireSession(parseDateOption(value, flagName), clock.calendar), clock);
}

/**
 * Resolves the `[--date D | --from D --to D]` selection of `run`, `extract`, `transform` and
 * `backfill` once (DESIGN.md §3):
 * - nothing: the last completed session;
 * - `--date D`: D, which must be a completed session;
 * - `--from D [--to D]`: every session in the range (`--to` defaults to the last completed session);
 *   the ends need not be sessions but must not be in the future, and the range must hold a session.
 * @throws {UsageError} (exit 2) for invalid, conflicting, reversed, future or session-less selections
 */
export function resolveDateWindow(
  options: { date?: string; from?: string; to?: string },
  clock: SessionClock,
): DateWindow {
  const { calendar } = clock;
  if (options.date !== undefined) {
    if (options.from !== undefined || options.to !== undefined) {
      throw new UsageError('--date cannot be combined with --from/--to; pass either one day or a range');
    }
    const date = resolveSessionDate(options.date, '--date', clock);
    return { from: date, to: date, sessions: [date] };
  }
  if (options.from === undefined) {
    if (options.to !== undefined) throw new UsageError('--to needs --from');
    const last = calendar.lastCompletedSession(clock.now, { settleMinutes: clock.settleMinutes ?? 30 });
    return { from: last, to: last, sessions: [last] };
  }
  const from = parseDateOption(options.from, '--from');
  const to =
    options.to === undefined
      ? calendar.lastCompletedSession(clock.now, { settleMinutes: clock.settleMinutes ?? 30 })
      : parseDateOption(options.to, '--to');
  // with --to defaulted, a --from after the last completed session is a future date, not a reversed range
  if (options.to === undefined) requireNotFuture(from, clock);
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  requireNotFuture(to, clock);
  const sessions = calendar.sessionsBetween(from, to);
  if (sessions.length === 0) {
    throw new UsageError(
      `${from}..${to} holds no NASDAQ session (${describeClosure(from, calendar)}); previous session ` +
        `${nearest(() => calendar.previousSession(from))}, next ${nearest(() => calendar.nextSession(to))}`,
    );
  }
  return { from, to, sessions };
}
