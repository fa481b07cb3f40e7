import { describe, expect, it } from 'vitest';
import { createNasdaqCalendar } from './calendar.js';
import {
  CalendarError,
  DateOutOfRangeError,
  InvalidCalendarOptionError,
  InvalidDateError,
} from './errors.js';
import {
  closeTime,
  holidayName,
  isEarlyClose,
  isSession,
  nasdaqCalendar,
  nextSession,
  previousSession,
  sessionsBetween,
} from './nasdaq.js';

describe('NASDAQ calendar queries', () => {
  it('walks around Christmas 2025', () => {
    expect(isSession('2025-12-25')).toBe(false);
    expect(holidayName('2025-12-25')).toBe('Christmas Day');
    expect(previousSession('2025-12-25')).toBe('2025-12-24');
    expect(nextSession('2025-12-25')).toBe('2025-12-26');
    expect(isEarlyClose('2025-12-24')).toBe(true);
    expect(closeTime('2025-12-24')).toBe('13:00');
    expect(closeTime('2025-12-26')).toBe('16:00');
    expect(closeTime('2025-12-27')).toBeNull();
    expect(holidayName('2025-12-27')).toBeNull(); // weekends have no name
    expect(sessionsBetween('2025-12-20', '2026-01-05')).toEqual([
      '2025-12-22',
      '2025-12-23',
      '2025-12-24',
      '2025-12-26',
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-02',
      '2026-01-05',
    ]);
  });

  it('returns previous/next strictly before/after a session', () => {
    expect(previousSession('2025-01-10')).toBe('2025-01-08'); // over the Carter closure
    expect(nextSession('2025-01-08')).toBe('2025-01-10');
    expect(nextSession('2012-10-26')).toBe('2012-10-31'); // over Hurricane Sandy
    expect(previousSession('2001-09-17')).toBe('2001-09-10');
  });

  it('describes a date for dim_date', () => {
    expect(nasdaqCalendar.describeDate('2025-11-28')).toEqual({
      date: '2025-11-28',
      kind: 'session',
      dayOfWeek: 5,
      holidayName: null,
      isEarlyClose: true,
      closeTime: '13:00',
    });
    expect(nasdaqCalendar.describeDate('2025-11-27').kind).toBe('holiday');
    expect(nasdaqCalendar.describeDate('2025-11-29').kind).toBe('weekend');
  });

  it('answers at both ends of the supported range and refuses to leave it', () => {
    expect(isSession('2000-01-03')).toBe(true);
    expect(isSession('2100-12-31')).toBe(true); // a Friday
    expect(() => previousSession('2000-01-03')).toThrow(DateOutOfRangeError);
    expect(() => nextSession('2100-12-31')).toThrow(DateOutOfRangeError);
    expect(() => isSession('1999-12-31')).toThrow(DateOutOfRangeError);
    expect(() => isSession('2101-01-01')).toThrow(
      /2101-01-01 is outside the range .*2000-01-01\.\.2100-12-31/,
    );
  });

  it('rejects values that are not real YYYY-MM-DD dates, naming the value', () => {
    for (const bad of [
      '2025-02-29',
      '2025-13-01',
      '2025-1-5',
      '20250105',
      '2025-01-05T00:00',
      '',
      ' 2025-01-05',
    ]) {
      expect(() => isSession(bad), bad).toThrow(InvalidDateError);
      expect(() => isSession(bad), bad).toThrow(JSON.stringify(bad));
    }
    expect(() => isSession(20250105 as unknown as string)).toThrow(InvalidDateError);
    try {
      sessionsBetween('2025-01-01', '2025-02-30');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarError);
      expect(e).toMatchObject({ code: 'CALENDAR_INVALID_DATE', transient: false, value: '2025-02-30' });
      expect((e as Error).message).toContain('sessionsBetween: to');
    }
  });
});

describe('createNasdaqCalendar({ extraClosures })', () => {
  const cal = createNasdaqCalendar({
    extraClosures: [
      { date: '2026-03-11', name: 'National Day of Mourning' },
      { date: '2026-11-27', name: 'Closed by config' }, // an early-close day becomes closed
      { date: '2026-03-14', name: 'A Saturday' },
      { date: '2026-12-25', name: 'Ignored: already Christmas' },
    ],
  });

  it('closes the extra dates and leaves the built-in calendar alone', () => {
    expect(cal.isSession('2026-03-11')).toBe(false);
    expect(cal.holidayName('2026-03-11')).toBe('National Day of Mourning');
    expect(cal.nextSession('2026-03-10')).toBe('2026-03-12');
    expect(isSession('2026-03-11')).toBe(true);
  });

  it('turns an early close into a closure, keeps weekends and holiday names', () => {
    expect(cal.isEarlyClose('2026-11-27')).toBe(false);
    expect(cal.closeTime('2026-11-27')).toBeNull();
    expect(cal.holidayName('2026-11-27')).toBe('Closed by config');
    expect(cal.describeDate('2026-03-14').kind).toBe('weekend');
    expect(cal.holidayName('2026-12-25')).toBe('Christmas Day');
  });

  it('rejects malformed closures naming the entry', () => {
    expect(() => createNasdaqCalendar({ extraClosures: [{ date: '2026-02-30', name: 'x' }] })).toThrow(
      /extraClosures\[0\]\.date: "2026-02-30" is not a valid date/,
    );
    const tooEarly = () => createNasdaqCalendar({ extraClosures: [{ date: '1990-01-02', name: 'x' }] });
    expect(tooEarly).toThrow(DateOutOfRangeError);
    expect(tooEarly).toThrow('extraClosures[0].date: 1990-01-02 is outside the range');
    expect(() => createNasdaqCalendar({ extraClosures: [{ date: '2026-02-03', name: ' ' }] })).toThrow(
      InvalidCalendarOptionError,
    );
  });
});
