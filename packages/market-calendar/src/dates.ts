import { InvalidDateError } from './errors.js';

// Dates are plain 'YYYY-MM-DD' strings. Arithmetic runs on day numbers (days since 1970-01-01 in
// the proleptic Gregorian calendar) with Howard Hinnant's civil-date algorithms, so no `Date`
// object, time zone or UTC offset is ever involved and nothing can drift by a day.

/** A calendar date split into its parts (month 1–12, day 1–31). */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** ISO 8601 week of a date: the ISO week-numbering year and week 1–53. */
export interface IsoWeek {
  isoYear: number;
  isoWeek: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Value of the decimal digits `s[from..to)`, or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Parses without throwing; `null` when `s` is not a real `YYYY-MM-DD` date with year ≥ 0001. */
function tryParse(s: unknown): DateParts | null {
  if (typeof s !== 'string' || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return null;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD` (zero-padded, year 0001–9999).
 * `'2024-02-29'` is valid, `'2025-02-29'`, `'2025-1-5'` and `'2025-01-05T00:00'` are not.
 */
export function isValidDate(value: unknown): value is string {
  return tryParse(value) !== null;
}

/**
 * Splits a `YYYY-MM-DD` date into numbers.
 * @throws {InvalidDateError} when `date` is not a real `YYYY-MM-DD` date
 */
export function parseDate(date: string): DateParts {
  const parts = tryParse(date);
  if (!parts) throw new InvalidDateError(date);
  return parts;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Writes year, month (1–12) and day as `YYYY-MM-DD`.
 * @throws {InvalidDateError} when the parts do not form a real date in years 0001–9999
 */
export function formatDate(year: number, month: number, day: number): string {
  const s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || !tryParse(s)) {
    throw new InvalidDateError(`${year}-${month}-${day}`);
  }
  return s;
}

/** Days since 1970-01-01 of a civil date (Hinnant's `days_from_civil`). */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (Hinnant's `civil_from_days`). */
export function partsFromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date (negative before).
 * @throws {InvalidDateError} when `date` is not a real `YYYY-MM-DD` date
 */
export function toDayNumber(date: string): number {
  const { year, month, day } = parseDate(date);
  return dayNumberFromParts(year, month, day);
}

/**
 * The `YYYY-MM-DD` date of a day number (days since 1970-01-01).
 * @throws {InvalidDateError} when the result falls outside years 0001–9999
 */
export function fromDayNumber(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return formatDate(year, month, day);
}

/**
 * `date` moved by `days` calendar days (negative goes back). Pure date arithmetic: no sessions,
 * no time zone, any year 0001–9999.
 * @throws {InvalidDateError} when `date` is invalid, `days` is not an integer, or the result leaves 0001–9999
 */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new InvalidDateError(days, 'addDays: days must be an integer');
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Calendar days from `from` to `to` (`to − from`; negative when `to` is earlier).
 * @throws {InvalidDateError} when either date is invalid
 */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO day of week of a day number: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function dayOfWeekFromDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/**
 * ISO day of week: 1 = Monday … 7 = Sunday (the `day_of_week` of `dim_date`).
 * @throws {InvalidDateError} when `date` is invalid
 */
export function dayOfWeek(date: string): number {
  return dayOfWeekFromDayNumber(toDayNumber(date));
}

/**
 * Whether `date` is a Saturday or a Sunday.
 * @throws {InvalidDateError} when `date` is invalid
 */
export function isWeekend(date: string): boolean {
  return dayOfWeek(date) >= 6;
}

/**
 * ISO 8601 week of `date`: weeks start on Monday and week 1 holds the year's first Thursday, so
 * `2024-12-30` is `{ isoYear: 2025, isoWeek: 1 }` and `2027-01-01` is `{ isoYear: 2026, isoWeek: 53 }`.
 * @throws {InvalidDateError} when `date` is invalid
 */
export function isoWeek(date: string): IsoWeek {
  const n = toDayNumber(date);
  const thursday = n - dayOfWeekFromDayNumber(n) + 4; // the week's Thursday decides its year
  const isoYear = partsFromDayNumber(thursday).year;
  const jan1 = dayNumberFromParts(isoYear, 1, 1);
  return { isoYear, isoWeek: Math.floor((thursday - jan1) / 7) + 1 };
}

/**
 * The Monday that starts the ISO week of `date` (the `week_start` of the weekly aggregate, even
 * when that Monday is a holiday).
 * @throws {InvalidDateError} when `date` is invalid
 */
export function startOfIsoWeek(date: string): string {
  const n = toDayNumber(date);
  return fromDayNumber(n - dayOfWeekFromDayNumber(n) + 1);
}

/**
 * The date as the integer `YYYYMMDD` (the `date_key` of `dim_date`): `'2025-01-09'` → `20250109`.
 * @throws {InvalidDateError} when `date` is invalid
 */
export function toDateKey(date: string): number {
  const { year, month, day } = parseDate(date);
  return year * 10000 + month * 100 + day;
}
