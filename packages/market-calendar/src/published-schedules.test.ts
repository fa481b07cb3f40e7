import { describe, expect, it } from 'vitest';
import { nasdaqCalendar } from './nasdaq.js';

// Expectations written by hand from the exchanges' published holiday and early-close schedules
// (NASDAQ / NYSE holiday calendars), not computed by the code under test.
const PUBLISHED: Record<number, { holidays: string[]; earlyCloses: string[] }> = {
  2001: {
    holidays: [
      '2001-01-01',
      '2001-01-15',
      '2001-02-19',
      '2001-04-13',
      '2001-05-28',
      '2001-07-04',
      '2001-09-03',
      '2001-09-11',
      '2001-09-12',
      '2001-09-13',
      '2001-09-14',
      '2001-11-22',
      '2001-12-25',
    ],
    earlyCloses: ['2001-07-03', '2001-11-23', '2001-12-24'],
  },
  2002: {
    holidays: [
      '2002-01-01',
      '2002-01-21',
      '2002-02-18',
      '2002-03-29',
      '2002-05-27',
      '2002-07-04',
      '2002-09-02',
      '2002-11-28',
      '2002-12-25',
    ],
    // July 4 on a Thursday before 2013: the Friday after closed early, not the Wednesday before
    earlyCloses: ['2002-07-05', '2002-11-29', '2002-12-24'],
  },
  2003: {
    holidays: [
      '2003-01-01',
      '2003-01-20',
      '2003-02-17',
      '2003-04-18',
      '2003-05-26',
      '2003-07-04',
      '2003-09-01',
      '2003-11-27',
      '2003-12-25',
    ],
    // the Friday after Christmas 2003 closed at 13:00 by special decision
    earlyCloses: ['2003-07-03', '2003-11-28', '2003-12-24', '2003-12-26'],
  },
  2012: {
    holidays: [
      '2012-01-02',
      '2012-01-16',
      '2012-02-20',
      '2012-04-06',
      '2012-05-28',
      '2012-07-04',
      '2012-09-03',
      '2012-10-29',
      '2012-10-30',
      '2012-11-22',
      '2012-12-25',
    ],
    earlyCloses: ['2012-07-03', '2012-11-23', '2012-12-24'],
  },
  2013: {
    holidays: [
      '2013-01-01',
      '2013-01-21',
      '2013-02-18',
      '2013-03-29',
      '2013-05-27',
      '2013-07-04',
      '2013-09-02',
      '2013-11-28',
      '2013-12-25',
    ],
    earlyCloses: ['2013-07-03', '2013-11-29', '2013-12-24'],
  },
  2018: {
    holidays: [
      '2018-01-01',
      '2018-01-15',
      '2018-02-19',
      '2018-03-30',
      '2018-05-28',
      '2018-07-04',
      '2018-09-03',
      '2018-11-22',
      '2018-12-05',
      '2018-12-25',
    ],
    earlyCloses: ['2018-07-03', '2018-11-23', '2018-12-24'],
  },
  2019: {
    holidays: [
      '2019-01-01',
      '2019-01-21',
      '2019-02-18',
      '2019-04-19',
      '2019-05-27',
      '2019-07-04',
      '2019-09-02',
      '2019-11-28',
      '2019-12-25',
    ],
    earlyCloses: ['2019-07-03', '2019-11-29', '2019-12-24'],
  },
  2020: {
    holidays: [
      '2020-01-01',
      '2020-01-20',
      '2020-02-17',
      '2020-04-10',
      '2020-05-25',
      '2020-07-03',
      '2020-09-07',
      '2020-11-26',
      '2020-12-25',
    ],
    earlyCloses: ['2020-11-27', '2020-12-24'],
  },
  2021: {
    holidays: [
      '2021-01-01',
      '2021-01-18',
      '2021-02-15',
      '2021-04-02',
      '2021-05-31',
      '2021-07-05',
      '2021-09-06',
      '2021-11-25',
      '2021-12-24',
    ],
    earlyCloses: ['2021-11-26'],
  },
  2022: {
    holidays: [
      '2022-01-17',
      '2022-02-21',
      '2022-04-15',
      '2022-05-30',
      '2022-06-20',
      '2022-07-04',
      '2022-09-05',
      '2022-11-24',
      '2022-12-26',
    ],
    earlyCloses: ['2022-11-25'],
  },
  2023: {
    holidays: [
      '2023-01-02',
      '2023-01-16',
      '2023-02-20',
      '2023-04-07',
      '2023-05-29',
      '2023-06-19',
      '2023-07-04',
      '2023-09-04',
      '2023-11-23',
      '2023-12-25',
    ],
    earlyCloses: ['2023-07-03', '2023-11-24'],
  },
  2024: {
    holidays: [
      '2024-01-01',
      '2024-01-15',
      '2024-02-19',
      '2024-03-29',
      '2024-05-27',
      '2024-06-19',
      '2024-07-04',
      '2024-09-02',
      '2024-11-28',
      '2024-12-25',
    ],
    earlyCloses: ['2024-07-03', '2024-11-29', '2024-12-24'],
  },
  2025: {
    holidays: [
      '2025-01-01',
      '2025-01-09',
      '2025-01-20',
      '2025-02-17',
      '2025-04-18',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-11-27',
      '2025-12-25',
    ],
    earlyCloses: ['2025-07-03', '2025-11-28', '2025-12-24'],
  },
  2026: {
    holidays: [
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-04-03',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-11-26',
      '2026-12-25',
    ],
    earlyCloses: ['2026-11-27', '2026-12-24'],
  },
  2027: {
    holidays: [
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-03-26',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-11-25',
      '2027-12-24',
    ],
    earlyCloses: ['2027-11-26'],
  },
  2028: {
    // New Year's Day 2028 is a Saturday: not observed, 2027-12-31 trades
    holidays: [
      '2028-01-17',
      '2028-02-21',
      '2028-04-14',
      '2028-05-29',
      '2028-06-19',
      '2028-07-04',
      '2028-09-04',
      '2028-11-23',
      '2028-12-25',
    ],
    earlyCloses: ['2028-07-03', '2028-11-24'],
  },
};

describe('published NASDAQ schedules', () => {
  for (const [year, { holidays, earlyCloses }] of Object.entries(PUBLISHED)) {
    it(`closes on exactly the published ${year} holidays`, () => {
      const got = nasdaqCalendar.holidaysBetween(`${year}-01-01`, `${year}-12-31`).map((h) => h.date);
      expect(got).toEqual(holidays);
      for (const d of holidays) expect(nasdaqCalendar.isSession(d)).toBe(false);
    });
    it(`closes early at 13:00 on exactly the published ${year} early-close days`, () => {
      const got = nasdaqCalendar.earlyClosesBetween(`${year}-01-01`, `${year}-12-31`);
      expect(got).toEqual(earlyCloses.map((date) => ({ date, closeTime: '13:00' })));
      for (const d of earlyCloses) expect(nasdaqCalendar.closeTime(d)).toBe('13:00');
    });
  }

  it('names the holidays the way the exchange does', () => {
    expect(nasdaqCalendar.holidaysBetween('2025-01-01', '2025-12-31').map((h) => h.name)).toEqual([
      "New Year's Day",
      'National Day of Mourning for President Jimmy Carter',
      'Martin Luther King Jr. Day',
      "Washington's Birthday",
      'Good Friday',
      'Memorial Day',
      'Juneteenth',
      'Independence Day',
      'Labor Day',
      'Thanksgiving Day',
      'Christmas Day',
    ]);
    expect(nasdaqCalendar.holidayName('2026-07-03')).toBe('Independence Day (observed)');
    expect(nasdaqCalendar.holidayName('2022-06-20')).toBe('Juneteenth (observed)');
    expect(nasdaqCalendar.holidayName('2023-01-02')).toBe("New Year's Day (observed)");
  });

  it('keeps the Friday before a Saturday New Year open', () => {
    for (const d of ['2004-12-31', '2010-12-31', '2021-12-31', '2027-12-31', '2032-12-31']) {
      expect(nasdaqCalendar.isSession(d)).toBe(true);
      expect(nasdaqCalendar.closeTime(d)).toBe('16:00');
    }
  });

  it('names every one-off closure since 2000', () => {
    expect(nasdaqCalendar.holidayName('2001-09-11')).toBe('September 11 attacks');
    expect(nasdaqCalendar.holidayName('2001-09-14')).toBe('September 11 attacks');
    expect(nasdaqCalendar.holidayName('2004-06-11')).toMatch(/Reagan/);
    expect(nasdaqCalendar.holidayName('2007-01-02')).toMatch(/Ford/);
    expect(nasdaqCalendar.holidayName('2012-10-29')).toBe('Hurricane Sandy');
    expect(nasdaqCalendar.holidayName('2018-12-05')).toMatch(/Bush/);
    expect(nasdaqCalendar.holidayName('2025-01-09')).toMatch(/Carter/);
    expect(nasdaqCalendar.isSession('2001-09-17')).toBe(true);
  });

  it('had no Juneteenth closure before 2022', () => {
    expect(nasdaqCalendar.isSession('2021-06-18')).toBe(true);
    expect(nasdaqCalendar.isSession('2020-06-19')).toBe(true);
    expect(nasdaqCalendar.holidayName('2021-06-18')).toBeNull();
  });

  it('counts the published number of sessions per year', () => {
    // NYSE trading days per year: 250 in 2023, 252 in 2024, 250 in 2025 (Carter closure)
    expect(nasdaqCalendar.sessionsBetween('2023-01-01', '2023-12-31')).toHaveLength(250);
    expect(nasdaqCalendar.sessionsBetween('2024-01-01', '2024-12-31')).toHaveLength(252);
    expect(nasdaqCalendar.sessionsBetween('2025-01-01', '2025-12-31')).toHaveLength(250);
  });
});
