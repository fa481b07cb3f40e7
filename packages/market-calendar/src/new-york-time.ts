import { InvalidCalendarOptionError } from './errors.js';

/** The wall clock of America/New_York at one instant. */
export interface NewYorkTime {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Local time, `HH:MM`. */
  time: string;
  /** Seconds since local midnight (0–86399). */
  secondsOfDay: number;
}

/** The exchange's time zone. */
export const EXCHANGE_TIME_ZONE = 'America/New_York';

let formatter: Intl.DateTimeFormat | undefined;

function getFormatter(): Intl.DateTimeFormat {
  // Building an Intl formatter is expensive; the zone rules (DST) come from the ICU data Node ships.
  formatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: EXCHANGE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return formatter;
}

/**
 * Reads `now` on the wall clock of America/New_York, with daylight saving time from `Intl`, whatever
 * the machine's time zone is.
 * @throws {InvalidCalendarOptionError} when `now` is not a valid `Date`
 */
export function toNewYorkTime(now: Date): NewYorkTime {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new InvalidCalendarOptionError(`now must be a valid Date, got ${String(now)}`);
  }
  const parts: Record<string, string> = {};
  for (const p of getFormatter().formatToParts(now)) parts[p.type] = p.value;
  // Some ICU versions print midnight as "24" even with h23.
  const hour = Number(parts['hour']) % 24;
  const minute = Number(parts['minute']);
  const second = Number(parts['second']);
  const hh = String(hour).padStart(2, '0');
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    time: `${hh}:${parts['minute']}`,
    secondsOfDay: hour * 3600 + minute * 60 + second,
  };
}
