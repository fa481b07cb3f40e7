import { describe, expect, it } from 'vitest';
import { planDimDateRange } from './dim-date-range.js';
import { monthPartition, planHistoryFrom, yearPartition } from './history-window.js';
import { isoWeekOf, planRewrites } from './touched-periods.js';
import { buildCalendarDates } from './calendar-dates.js';
import { nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';

describe('planRewrites', () => {
  const sessions: Record<string, string[]> = {
    AAA: ['2024-12-27', '2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03'],
    BBB: ['2024-12-30', '2024-12-31'],
  };
  const of = (s: string) => sessions[s] ?? [];

  it('recomputes a corrected session and every later session of that symbol', () => {
    const plan = planRewrites([{ symbol: 'AAA', date: '2024-12-31' }], of);
    expect(plan.factSessions.map((s) => s.date)).toEqual(['2024-12-31', '2025-01-02', '2025-01-03']);
    // All three fall in ISO week 2025-W01 but in two calendar months.
    expect(plan.weeks).toEqual(['AAA|2025-W01']);
    expect(plan.months).toEqual(['AAA|2024-12', 'AAA|2025-01']);
    expect(plan.sectorDates).toEqual(['2024-12-31', '2025-01-02', '2025-01-03']);
  });

  it('takes the earliest of bar changes and SCD2 version changes per symbol', () => {
    const plan = planRewrites(
      [
        { symbol: 'AAA', date: '2025-01-03' },
        { symbol: 'BBB', date: '2024-12-31' },
      ],
      of,
      new Map([['AAA', '2024-12-30']]),
    );
    expect(plan.recomputeFrom).toEqual(
      new Map([
        ['AAA', '2024-12-30'],
        ['BBB', '2024-12-31'],
      ]),
    );
    expect(plan.factSessions).toHaveLength(4 + 1);
    expect(plan.weeks).toEqual(['AAA|2025-W01', 'BBB|2025-W01']);
  });

  it('rewrites nothing when nothing changed', () => {
    const plan = planRewrites([], of);
    expect(plan.factSessions).toEqual([]);
    expect(plan.weeks).toEqual([]);
  });
});

describe('isoWeekOf', () => {
  it('pairs weeks with ISO years', () => {
    expect(isoWeekOf('2024-12-30')).toEqual({ isoYear: 2025, isoWeek: 1 });
    expect(isoWeekOf('2021-01-03')).toEqual({ isoYear: 2020, isoWeek: 53 });
    expect(isoWeekOf('2026-12-31')).toEqual({ isoYear: 2026, isoWeek: 53 });
  });
});

describe('planDimDateRange', () => {
  it('covers Jan 1 of the earliest data year to Dec 31 of the year after the run', () => {
    expect(
      planDimDateRange({ stored: null, data: { from: '2015-03-02', to: '2025-06-13' }, asOf: '2025-06-13' }),
    ).toEqual({
      from: '2015-01-01',
      to: '2026-12-31',
    });
  });
  it('extends but never shrinks the stored range and returns null when covered', () => {
    const stored = { from: '2015-01-01', to: '2026-12-31' };
    expect(
      planDimDateRange({ stored, data: { from: '2025-06-13', to: '2025-06-13' }, asOf: '2025-06-13' }),
    ).toBeNull();
    expect(
      planDimDateRange({ stored, data: { from: '2026-01-02', to: '2026-01-02' }, asOf: '2026-01-02' }),
    ).toEqual({
      from: '2015-01-01',
      to: '2027-12-31',
    });
  });
});

describe('history window and partitions', () => {
  it('reads 550 days of history by default and at least 364 days', () => {
    expect(planHistoryFrom('2025-06-13')).toBe('2023-12-11');
    expect(planHistoryFrom('2025-06-13', 10)).toBe('2024-06-14');
  });
  it('computes Iceberg month and year transforms', () => {
    expect(monthPartition('1970-01-31')).toBe(0);
    expect(monthPartition('2024-07-04')).toBe(654);
    expect(yearPartition('2024-12-30')).toBe(54);
  });
});

describe('buildCalendarDates', () => {
  it('classifies every day of the range', () => {
    const rows = buildCalendarDates(nasdaqCalendar, '2024-11-27', '2024-11-30');
    expect(rows).toEqual([
      { date: '2024-11-27', is_trading_day: true, is_early_close: false, holiday_name: null },
      { date: '2024-11-28', is_trading_day: false, is_early_close: false, holiday_name: 'Thanksgiving Day' },
      { date: '2024-11-29', is_trading_day: true, is_early_close: true, holiday_name: null },
      { date: '2024-11-30', is_trading_day: false, is_early_close: false, holiday_name: null },
    ]);
  });
});
