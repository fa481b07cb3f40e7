import type { Dialect } from './dialect.js';

/**
 * `dim_date` from `calendar_dates(date, is_trading_day, is_early_close, holiday_name)`: the engine binds one row
 * per calendar day, classified by the NASDAQ calendar (see `buildCalendarDates`).
 */
export function dimDateModel(d: Dialect): string {
  return `SELECT
  year(c.date) * 10000 + month(c.date) * 100 + day(c.date) AS date_key,
  c.date AS date,
  year(c.date) AS year,
  quarter(c.date) AS quarter,
  month(c.date) AS month,
  ${d.monthName('c.date')} AS month_name,
  day(c.date) AS day_of_month,
  ${d.isoDayOfWeek('c.date')} AS day_of_week,
  ${d.dayName('c.date')} AS day_name,
  ${d.isoYear('c.date')} AS iso_year,
  ${d.isoWeek('c.date')} AS iso_week,
  ${d.isoDayOfWeek('c.date')} >= 6 AS is_weekend,
  c.is_trading_day AS is_trading_day,
  c.is_early_close AS is_early_close,
  c.holiday_name AS holiday_name
FROM calendar_dates c`;
}
