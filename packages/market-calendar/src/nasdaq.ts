import { createNasdaqCalendar } from './calendar.js';
import type { NasdaqCalendar } from './types.js';

/** The NASDAQ calendar with the built-in closures only (no `extraClosures`). */
export const nasdaqCalendar: NasdaqCalendar = createNasdaqCalendar();

/** {@link MarketCalendar.isSession} of {@link nasdaqCalendar}. */
export const isSession = (date: string): boolean => nasdaqCalendar.isSession(date);
/** {@link MarketCalendar.sessionsBetween} of {@link nasdaqCalendar}. */
export const sessionsBetween = (from: string, to: string): string[] =>
  nasdaqCalendar.sessionsBetween(from, to);
/** {@link MarketCalendar.previousSession} of {@link nasdaqCalendar}. */
export const previousSession = (date: string): string => nasdaqCalendar.previousSession(date);
/** {@link MarketCalendar.nextSession} of {@link nasdaqCalendar}. */
export const nextSession = (date: string): string => nasdaqCalendar.nextSession(date);
/** {@link MarketCalendar.holidayName} of {@link nasdaqCalendar}. */
export const holidayName = (date: string): string | null => nasdaqCalendar.holidayName(date);
/** {@link MarketCalendar.isEarlyClose} of {@link nasdaqCalendar}. */
export const isEarlyClose = (date: string): boolean => nasdaqCalendar.isEarlyClose(date);
/** {@link MarketCalendar.closeTime} of {@link nasdaqCalendar}. */
export const closeTime = (date: string): string | null => nasdaqCalendar.closeTime(date);
/** {@link MarketCalendar.lastCompletedSession} of {@link nasdaqCalendar}. */
export const lastCompletedSession: NasdaqCalendar['lastCompletedSession'] = (now, options) =>
  nasdaqCalendar.lastCompletedSession(now, options);
/** {@link NasdaqCalendar.holidaysBetween} of {@link nasdaqCalendar}. */
export const holidaysBetween: NasdaqCalendar['holidaysBetween'] = (from, to) =>
  nasdaqCalendar.holidaysBetween(from, to);
/** {@link NasdaqCalendar.earlyClosesBetween} of {@link nasdaqCalendar}. */
export const earlyClosesBetween: NasdaqCalendar['earlyClosesBetween'] = (from, to) =>
  nasdaqCalendar.earlyClosesBetween(from, to);
