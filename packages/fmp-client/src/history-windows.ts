import { addDays, daysInMonth, parseDate } from '@nasdaq-pipeline/market-calendar';

/** An inclusive date range `[from, to]`. */
export interface DateWindow {
  from: string;
  to: string;
}

function addYears(date: string, years: number): string {
  const { year, month, day } = parseDate(date);
  const y = year + years;
  const d = Math.min(day, daysInMonth(y, month));
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Splits `[from, to]` into consecutive inclusive windows of at most `years` years (default 5), so each
 * request stays under FMP's 5000-row cap (Ghostfolio does the same). `[]` when `from` is after `to`.
 */
export function splitHistoryWindows(from: string, to: string, years = 5): DateWindow[] {
  const windows: DateWindow[] = [];
  let start = from;
  while (start <= to) {
    const limit = addDays(addYears(start, years), -1);
    const end = limit < to ? limit : to;
    windows.push({ from: start, to: end });
    start = addDays(end, 1);
  }
  return windows;
}
