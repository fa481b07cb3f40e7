import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  formatDate,
  isoWeek,
  isValidDate,
  isWeekend,
  parseDate,
  startOfIsoWeek,
  toDateKey,
} from './dates.js';
import { InvalidDateError } from './errors.js';

describe('date helpers', () => {
  it('accepts only real zero-padded YYYY-MM-DD dates', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01', '9999-12-31']) {
      expect(isValidDate(ok), ok).toBe(true);
    }
    for (const bad of [
      '2025-02-29',
      '1900-02-29',
      '2025-04-31',
      '2025-00-10',
      '2025-1-05',
      '2025/01/05',
      '0000-01-01',
      null,
      20250105,
    ]) {
      expect(isValidDate(bad), String(bad)).toBe(false);
    }
    expect(() => parseDate('2025-02-29')).toThrow(InvalidDateError);
    expect(parseDate('2025-01-09')).toEqual({ year: 2025, month: 1, day: 9 });
    expect(formatDate(2025, 1, 9)).toBe('2025-01-09');
    expect(() => formatDate(2025, 2, 29)).toThrow(InvalidDateError);
  });

  it('adds days across month, leap-day and year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-01-09', -400)).toBe('2023-12-06');
    expect(daysBetween('2000-01-01', '2100-12-31')).toBe(36889);
    expect(() => addDays('2025-01-01', 1.5)).toThrow(InvalidDateError);
  });

  it('agrees with Date.UTC on every day of 1999–2101', () => {
    const base = Date.UTC(1999, 0, 1);
    const wrong: string[] = [];
    for (let n = 0; n < 103 * 366; n += 1) {
      const expected = new Date(base + n * 86_400_000).toISOString().slice(0, 10);
      if (addDays('1999-01-01', n) !== expected) wrong.push(expected);
    }
    expect(wrong).toEqual([]);
  });

  it('gives the ISO day of week and weekends', () => {
    expect(dayOfWeek('2025-01-06')).toBe(1); // Monday
    expect(dayOfWeek('2025-01-09')).toBe(4);
    expect(dayOfWeek('2025-01-12')).toBe(7);
    expect(isWeekend('2025-01-11')).toBe(true);
    expect(isWeekend('2025-01-10')).toBe(false);
  });

  it('gives ISO weeks, including week 53 and weeks that straddle New Year', () => {
    expect(isoWeek('2024-12-30')).toEqual({ isoYear: 2025, isoWeek: 1 });
    expect(isoWeek('2021-01-03')).toEqual({ isoYear: 2020, isoWeek: 53 });
    expect(isoWeek('2021-01-04')).toEqual({ isoYear: 2021, isoWeek: 1 });
    expect(isoWeek('2026-12-31')).toEqual({ isoYear: 2026, isoWeek: 53 });
    expect(isoWeek('2027-01-01')).toEqual({ isoYear: 2026, isoWeek: 53 });
    expect(isoWeek('2025-06-15')).toEqual({ isoYear: 2025, isoWeek: 24 });
    expect(startOfIsoWeek('2027-01-01')).toBe('2026-12-28');
    expect(startOfIsoWeek('2025-01-06')).toBe('2025-01-06');
  });

  it('builds dim_date keys', () => {
    expect(toDateKey('2025-01-09')).toBe(20250109);
  });
});
