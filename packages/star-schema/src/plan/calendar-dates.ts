import type { NasdaqCalendar } from '@nasdaq-pipeline/market-calendar';

/** A row of the `calendar_dates` relation the dim_date model reads. */
export interface CalendarDateRow {
  date: string;
  is_trading_day: boolean;
  is_early_close: boolean;
  holiday_name: string | null;
}

/** The calendar queries `buildCalendarDates` needs (structural: any NASDAQ calendar fits). */
export type DescribeDate = Pick<NasdaqCalendar, 'describeDate'>;

/**
 * One row per calendar day from `from` to `to` (inclusive), classified by `calendar`.
 * Dates are `YYYY-MM-DD`; the calendar supports 2000-01-01..2100-12-31.
 */
export function buildCalendarDates(calendar: DescribeDate, from: string, to: string): CalendarDateRow[] {
  const rows: CalendarDateRow[] = [];
  for (
    let day = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`);
    day <= end;
    day += 86_400_000
  ) {
    const date = new Date(day).toISOString().slice(0, 10);
    const info = calendar.describeDate(date);
    rows.push({
      date,
      is_trading_day: info.kind === 'session',
      is_early_close: info.isEarlyClose,
      holiday_name: info.holidayName,
    });
  }
  return rows;
}
