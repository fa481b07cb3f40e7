/**
 * @nasdaq-pipeline/market-calendar: NASDAQ trading calendar: sessions, holidays, special closures,
 * early closes and the last completed session, computed in America/New_York. Pure, no I/O, no
 * dependencies; dates are `YYYY-MM-DD` strings; supported range 2000-01-01..2100-12-31.
 *
 * @packageDocumentation
 */
export type {
  Closure,
  DayInfo,
  DayKind,
  EarlyClose,
  LastCompletedSessionOptions,
  MarketCalendar,
  NasdaqCalendar,
  NasdaqCalendarOptions,
} from './types.js';
export type { DateParts, IsoWeek } from './dates.js';
export type { NewYorkTime } from './new-york-time.js';
export { createNasdaqCalendar, SUPPORTED_RANGE } from './calendar.js';
export {
  nasdaqCalendar,
  isSession,
  sessionsBetween,
  previousSession,
  nextSession,
  holidayName,
  isEarlyClose,
  closeTime,
  lastCompletedSession,
  holidaysBetween,
  earlyClosesBetween,
} from './nasdaq.js';
export { SPECIAL_CLOSURES, SPECIAL_EARLY_CLOSES } from './special-closures.js';
export {
  addDays,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatDate,
  isoWeek,
  isValidDate,
  isWeekend,
  parseDate,
  startOfIsoWeek,
  toDateKey,
} from './dates.js';
export { EXCHANGE_TIME_ZONE, toNewYorkTime } from './new-york-time.js';
export {
  CalendarError,
  DateOutOfRangeError,
  InvalidCalendarOptionError,
  InvalidDateError,
} from './errors.js';
