import { dayNumberFromParts, dayOfWeekFromDayNumber } from './dates.js';

/** A closed or early-close day found by rule, as a day number (days since 1970-01-01). */
export interface RuleDay {
  day: number;
  name: string;
}

/** Easter Sunday of `year` (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function computeEasterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberFromParts(year, month, day);
}

/** The `n`-th `weekday` (1 = Monday … 7 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = dayNumberFromParts(year, month, 1);
  return first + ((weekday - dayOfWeekFromDayNumber(first) + 7) % 7) + 7 * (n - 1);
}

/** The last `weekday` of a month. */
function lastWeekday(year: number, month: number, weekday: number): number {
  const last = dayNumberFromParts(year, month + 1, 1) - 1; // month 12 + 1 is handled by the algorithm
  return last - ((dayOfWeekFromDayNumber(last) - weekday + 7) % 7);
}

/**
 * Exchange observance (NYSE Rule 7.2, followed by NASDAQ): a holiday on Saturday is observed the
 * Friday before, on Sunday the Monday after.
 */
function observe(day: number): number {
  const dow = dayOfWeekFromDayNumber(day);
  return dow === 6 ? day - 1 : dow === 7 ? day + 1 : day;
}

function fixed(year: number, month: number, dom: number, name: string): RuleDay {
  const actual = dayNumberFromParts(year, month, dom);
  const day = observe(actual);
  return { day, name: day === actual ? name : `${name} (observed)` };
}

/** The regular NASDAQ holidays of `year`, on the weekday they are observed, ascending. */
export function computeRuleHolidays(year: number): RuleDay[] {
  const days: RuleDay[] = [];
  const newYear = dayNumberFromParts(year, 1, 1);
  // New Year's Day on a Saturday is not moved to Friday Dec 31: that would close the year's last
  // session, so the exchange stays open (e.g. 2021-12-31, 2027-12-31 are sessions).
  if (dayOfWeekFromDayNumber(newYear) !== 6) days.push(fixed(year, 1, 1, "New Year's Day"));
  days.push({ day: nthWeekday(year, 1, 1, 3), name: 'Martin Luther King Jr. Day' });
  days.push({ day: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" });
  days.push({ day: computeEasterSunday(year) - 2, name: 'Good Friday' });
  days.push({ day: lastWeekday(year, 5, 1), name: 'Memorial Day' });
  // Juneteenth became a federal holiday in 2021; the exchanges first closed for it in 2022.
  if (year >= 2022) days.push(fixed(year, 6, 19, 'Juneteenth'));
  days.push(fixed(year, 7, 4, 'Independence Day'));
  days.push({ day: nthWeekday(year, 9, 1, 1), name: 'Labor Day' });
  days.push({ day: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' });
  days.push(fixed(year, 12, 25, 'Christmas Day'));
  return days.sort((a, b) => a.day - b.day);
}

/**
 * Candidate 13:00 early closes of `year` (the caller keeps only those that are still sessions):
 * - the day before Independence Day when July 4 falls Tuesday–Friday. Until 2012, when July 4
 *   was a Thursday, the exchange closed early on Friday July 5 instead of Wednesday July 3
 *   (2002-07-05); from 2013 it is Wednesday July 3 (2013-07-03, 2024-07-03);
 * - the day after Thanksgiving;
 * - Christmas Eve on Monday–Thursday (on Friday it is the observed Christmas holiday).
 */
export function computeRuleEarlyCloses(year: number): RuleDay[] {
  const days: RuleDay[] = [];
  const july4 = dayNumberFromParts(year, 7, 4);
  const dow = dayOfWeekFromDayNumber(july4);
  if (dow === 4 && year <= 2012) days.push({ day: july4 + 1, name: 'Day after Independence Day' });
  else if (dow >= 2 && dow <= 5) days.push({ day: july4 - 1, name: 'Independence Day Eve' });
  days.push({ day: nthWeekday(year, 11, 4, 4) + 1, name: 'Day after Thanksgiving' });
  const eve = dayNumberFromParts(year, 12, 24);
  if (dayOfWeekFromDayNumber(eve) <= 4) days.push({ day: eve, name: 'Christmas Eve' });
  return days;
}
