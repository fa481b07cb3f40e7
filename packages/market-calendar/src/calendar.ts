import { dayNumberFromParts, dayOfWeekFromDayNumber, daysInMonth, isValidDate } from './dates.js';
import { DateOutOfRangeError, InvalidCalendarOptionError, InvalidDateError } from './errors.js';
import { toNewYorkTime } from './new-york-time.js';
import { computeRuleEarlyCloses, computeRuleHolidays } from './rules.js';
import { SPECIAL_CLOSURES, SPECIAL_EARLY_CLOSES } from './special-closures.js';
import type {
  Closure,
  DayInfo,
  EarlyClose,
  LastCompletedSessionOptions,
  NasdaqCalendar,
  NasdaqCalendarOptions,
} from './types.js';

/** First and last date the calendar answers for. */
export const SUPPORTED_RANGE = Object.freeze({ from: '2000-01-01', to: '2100-12-31' });

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
const BASE = dayNumberFromParts(FIRST_YEAR, 1, 1);
const COUNT = dayNumberFromParts(LAST_YEAR, 12, 31) - BASE + 1;

const SESSION = 0;
const EARLY = 1;
const WEEKEND = 2;
const CLOSED = 3;

const REGULAR_CLOSE = '16:00';
const EARLY_CLOSE = '13:00';
const CLOSE_MINUTES = [16 * 60, 13 * 60];

/** Every supported date as a string, and the reverse index (which also validates input). */
interface DateTable {
  strings: string[];
  index: Map<string, number>;
}

let dateTable: DateTable | undefined;

function getDateTable(): DateTable {
  if (!dateTable) {
    const strings = new Array<string>(COUNT);
    const index = new Map<string, number>();
    let i = 0;
    // Walk the civil calendar directly: cheaper than converting 36,890 day numbers one by one.
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      for (let month = 1; month <= 12; month++) {
        const prefix = `${year}-${month < 10 ? '0' : ''}${month}-`;
        for (let day = 1, n = daysInMonth(year, month); day <= n; day++, i++) {
          const s = `${prefix}${day < 10 ? '0' : ''}${day}`;
          strings[i] = s;
          index.set(s, i);
        }
      }
    }
    dateTable = { strings, index };
  }
  return dateTable;
}

/** Per-calendar lookup tables over the supported range, indexed by days since 2000-01-01. */
interface Tables {
  kinds: Uint8Array;
  names: Map<number, string>;
  /** Indices of sessions, ascending. */
  sessions: Int32Array;
  /** `rank[i]` = number of sessions with index < i (length COUNT + 1). */
  rank: Int32Array;
}

function buildTables(extra: readonly { index: number; name: string }[]): Tables {
  const kinds = new Uint8Array(COUNT);
  const names = new Map<number, string>();
  for (let i = 0; i < COUNT; i++) {
    if (dayOfWeekFromDayNumber(BASE + i) >= 6) kinds[i] = WEEKEND;
  }
  const close = (index: number, name: string) => {
    // weekends stay weekends; a holiday keeps its own name
    if (index < 0 || index >= COUNT || kinds[index] !== SESSION) return;
    kinds[index] = CLOSED;
    names.set(index, name);
  };
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const h of computeRuleHolidays(year)) close(h.day - BASE, h.name);
  }
  const { index } = getDateTable();
  for (const c of SPECIAL_CLOSURES) close(index.get(c.date) as number, c.name);
  for (const c of extra) close(c.index, c.name);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const e of computeRuleEarlyCloses(year)) {
      const i = e.day - BASE;
      if (kinds[i] === SESSION) kinds[i] = EARLY;
    }
  }
  for (const c of SPECIAL_EARLY_CLOSES) {
    const i = index.get(c.date) as number;
    if (kinds[i] === SESSION) kinds[i] = EARLY;
  }
  const rank = new Int32Array(COUNT + 1);
  let n = 0;
  for (let i = 0; i < COUNT; i++) {
    rank[i] = n;
    if ((kinds[i] as number) <= EARLY) n++;
  }
  rank[COUNT] = n;
  const sessions = new Int32Array(n);
  for (let i = 0, k = 0; i < COUNT; i++) if ((kinds[i] as number) <= EARLY) sessions[k++] = i;
  return { kinds, names, sessions, rank };
}

/** Day index of `date` in the supported range, or a typed error naming the value. */
function indexOf(date: string, context: string): number {
  const i = getDateTable().index.get(date);
  if (i !== undefined) return i;
  if (!isValidDate(date)) throw new InvalidDateError(date, context);
  throw new DateOutOfRangeError(
    date,
    `is outside the range the NASDAQ calendar supports (${SUPPORTED_RANGE.from}..${SUPPORTED_RANGE.to})`,
    context,
  );
}

function validateExtraClosures(extraClosures: readonly Closure[]): { index: number; name: string }[] {
  if (!Array.isArray(extraClosures)) {
    throw new InvalidCalendarOptionError('extraClosures must be an array of { date, name }');
  }
  return extraClosures.map((c, k) => {
    const where = `extraClosures[${k}]`;
    if (typeof c !== 'object' || c === null) {
      throw new InvalidCalendarOptionError(`${where} must be an object { date, name }`);
    }
    if (typeof c.name !== 'string' || c.name.trim() === '') {
      throw new InvalidCalendarOptionError(`${where}.name must be a non-empty string`);
    }
    return { index: indexOf(c.date, `${where}.date`), name: c.name };
  });
}

function validateSettle(options: LastCompletedSessionOptions | undefined): number {
  const settle = options?.settleMinutes ?? 30;
  if (typeof settle !== 'number' || !Number.isFinite(settle) || settle < 0) {
    throw new InvalidCalendarOptionError(`settleMinutes must be a finite number >= 0, got ${String(settle)}`);
  }
  return settle;
}

/**
 * Creates the NASDAQ calendar for 2000-01-01..2100-12-31: weekends, the regular holidays by rule
 * with the exchange's observance (Saturday → Friday, except New Year's Day; Sunday → Monday),
 * Juneteenth from 2022, the one-off closures since 2000 plus `extraClosures`, and 13:00 early
 * closes (rules plus the one-off 2003-12-26). Pure: no I/O, no clock; lookup tables are built on first use (a few milliseconds).
 * @throws {InvalidCalendarOptionError} when `extraClosures` is malformed
 * @throws {InvalidDateError} / {DateOutOfRangeError} when an extra closure's date is invalid or unsupported
 */
export function createNasdaqCalendar(options: NasdaqCalendarOptions = {}): NasdaqCalendar {
  const extra = validateExtraClosures(options.extraClosures ?? []);
  let tables: Tables | undefined;
  const t = (): Tables => (tables ??= buildTables(extra));
  const str = (i: number): string => getDateTable().strings[i] as string;

  const range = (from: string, to: string, fn: string): [number, number] => [
    indexOf(from, `${fn}: from`),
    indexOf(to, `${fn}: to`),
  ];

  const calendar: NasdaqCalendar = {
    isSession(date) {
      return (t().kinds[indexOf(date, 'isSession')] as number) <= EARLY;
    },
    sessionsBetween(from, to) {
      const [i, j] = range(from, to, 'sessionsBetween');
      if (i > j) return [];
      const { sessions, rank } = t();
      const out = new Array<string>(Math.max(0, (rank[j + 1] as number) - (rank[i] as number)));
      for (let k = rank[i] as number, o = 0; o < out.length; k++, o++) out[o] = str(sessions[k] as number);
      return out;
    },
    countSessions(from, to) {
      const [i, j] = range(from, to, 'countSessions');
      if (i > j) return 0;
      const { rank } = t();
      return (rank[j + 1] as number) - (rank[i] as number);
    },
    previousSession(date) {
      const i = indexOf(date, 'previousSession');
      const { sessions, rank } = t();
      const r = rank[i] as number;
      if (r === 0)
        throw new DateOutOfRangeError(
          date,
          `has no NASDAQ session before it on or after ${SUPPORTED_RANGE.from}`,
        );
      return str(sessions[r - 1] as number);
    },
    nextSession(date) {
      const i = indexOf(date, 'nextSession');
      const { sessions, rank } = t();
      const r = rank[i + 1] as number;
      if (r >= sessions.length)
        throw new DateOutOfRangeError(date, `has no NASDAQ session after it up to ${SUPPORTED_RANGE.to}`);
      return str(sessions[r] as number);
    },
    holidayName(date) {
      const i = indexOf(date, 'holidayName');
      return t().names.get(i) ?? null;
    },
    isEarlyClose(date) {
      return t().kinds[indexOf(date, 'isEarlyClose')] === EARLY;
    },
    closeTime(date) {
      const k = t().kinds[indexOf(date, 'closeTime')];
      return k === SESSION ? REGULAR_CLOSE : k === EARLY ? EARLY_CLOSE : null;
    },
    holidaysBetween(from, to) {
      const [i, j] = range(from, to, 'holidaysBetween');
      const { kinds, names } = t();
      const out: Closure[] = [];
      for (let k = i; k <= j; k++)
        if (kinds[k] === CLOSED) out.push({ date: str(k), name: names.get(k) as string });
      return out;
    },
    earlyClosesBetween(from, to) {
      const [i, j] = range(from, to, 'earlyClosesBetween');
      const { kinds } = t();
      const out: EarlyClose[] = [];
      for (let k = i; k <= j; k++) if (kinds[k] === EARLY) out.push({ date: str(k), closeTime: EARLY_CLOSE });
      return out;
    },
    describeDate(date) {
      const i = indexOf(date, 'describeDate');
      const k = t().kinds[i];
      const isOpen = k === SESSION || k === EARLY;
      return {
        date: str(i),
        kind: isOpen ? 'session' : k === WEEKEND ? 'weekend' : 'holiday',
        dayOfWeek: dayOfWeekFromDayNumber(BASE + i),
        holidayName: t().names.get(i) ?? null,
        isEarlyClose: k === EARLY,
        closeTime: k === SESSION ? REGULAR_CLOSE : k === EARLY ? EARLY_CLOSE : null,
      } satisfies DayInfo;
    },
    lastCompletedSession(now, opts) {
      const settleSeconds = validateSettle(opts) * 60;
      const ny = toNewYorkTime(now);
      const today = indexOf(ny.date, 'lastCompletedSession: New York date of now');
      const { kinds, sessions, rank } = t();
      // Walk back from the latest session on or before today until one whose close + settle has
      // passed on the New York wall clock (a large settle can reach back more than one session).
      for (let r = (rank[today + 1] as number) - 1; r >= 0; r--) {
        const s = sessions[r] as number;
        const elapsed = (today - s) * 86400 + ny.secondsOfDay;
        const closeSeconds = (CLOSE_MINUTES[kinds[s] as number] as number) * 60;
        if (elapsed >= closeSeconds + settleSeconds) return str(s);
      }
      throw new DateOutOfRangeError(
        ny.date,
        `has no completed NASDAQ session on or after ${SUPPORTED_RANGE.from}`,
      );
    },
  };
  return calendar;
}
