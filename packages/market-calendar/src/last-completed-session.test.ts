import { afterEach, describe, expect, it } from 'vitest';
import { createNasdaqCalendar } from './calendar.js';
import { InvalidCalendarOptionError } from './errors.js';
import { lastCompletedSession } from './nasdaq.js';

const at = (iso: string) => new Date(iso);

describe('lastCompletedSession (America/New_York wall clock)', () => {
  it('counts today only after 16:00 + 30 minutes in winter (EST, UTC-5)', () => {
    expect(lastCompletedSession(at('2025-01-15T21:29:59Z'))).toBe('2025-01-14'); // 16:29:59 EST
    expect(lastCompletedSession(at('2025-01-15T21:30:00Z'))).toBe('2025-01-15'); // 16:30 EST
  });

  it('counts today only after 16:00 + 30 minutes in summer (EDT, UTC-4)', () => {
    expect(lastCompletedSession(at('2025-07-15T20:29:00Z'))).toBe('2025-07-14'); // 16:29 EDT
    expect(lastCompletedSession(at('2025-07-15T20:30:00Z'))).toBe('2025-07-15'); // 16:30 EDT
  });

  it('follows the spring-forward and fall-back weekends', () => {
    // 2025-03-09 clocks spring forward: Friday is EST, Monday is EDT
    expect(lastCompletedSession(at('2025-03-07T21:30:00Z'))).toBe('2025-03-07');
    expect(lastCompletedSession(at('2025-03-10T20:29:00Z'))).toBe('2025-03-07');
    expect(lastCompletedSession(at('2025-03-10T20:30:00Z'))).toBe('2025-03-10');
    // 2025-11-02 clocks fall back: Monday 20:30Z is only 15:30 EST
    expect(lastCompletedSession(at('2025-11-03T20:30:00Z'))).toBe('2025-10-31');
    expect(lastCompletedSession(at('2025-11-03T21:30:00Z'))).toBe('2025-11-03');
    // the ambiguous 01:30 on the fall-back Sunday is still the weekend
    expect(lastCompletedSession(at('2025-11-02T05:30:00Z'))).toBe('2025-10-31');
    expect(lastCompletedSession(at('2025-11-02T06:30:00Z'))).toBe('2025-10-31');
  });

  it('uses 13:00 on early-close days', () => {
    // day after Thanksgiving 2025: 13:29 / 13:30 EST
    expect(lastCompletedSession(at('2025-11-28T18:29:00Z'))).toBe('2025-11-26');
    expect(lastCompletedSession(at('2025-11-28T18:30:00Z'))).toBe('2025-11-28');
    // July 3, 2025: 13:30 EDT
    expect(lastCompletedSession(at('2025-07-03T17:30:00Z'))).toBe('2025-07-03');
    expect(lastCompletedSession(at('2025-07-03T17:29:00Z'))).toBe('2025-07-02');
  });

  it('answers the previous session on weekends and on the morning after a holiday', () => {
    expect(lastCompletedSession(at('2025-12-27T15:00:00Z'))).toBe('2025-12-26'); // Saturday
    expect(lastCompletedSession(at('2025-12-28T23:00:00Z'))).toBe('2025-12-26'); // Sunday
    expect(lastCompletedSession(at('2025-12-29T14:00:00Z'))).toBe('2025-12-26'); // Monday 09:00
    expect(lastCompletedSession(at('2025-12-25T22:00:00Z'))).toBe('2025-12-24'); // Christmas evening
    expect(lastCompletedSession(at('2025-12-26T14:00:00Z'))).toBe('2025-12-24'); // Friday 09:00 after Christmas
    expect(lastCompletedSession(at('2025-01-21T15:00:00Z'))).toBe('2025-01-17'); // Tuesday after MLK Day
  });

  it('takes the date in New York, not in UTC, around midnight', () => {
    // 2025-01-16T04:59Z is still Jan 15 in New York (23:59 EST)
    expect(lastCompletedSession(at('2025-01-16T04:59:00Z'))).toBe('2025-01-15');
    expect(lastCompletedSession(at('2025-01-16T05:00:00Z'))).toBe('2025-01-15');
    // 2025-01-18T03:00Z is Friday 22:00 in New York, Saturday in UTC
    expect(lastCompletedSession(at('2025-01-18T03:00:00Z'))).toBe('2025-01-17');
  });

  it('honours settleMinutes', () => {
    expect(lastCompletedSession(at('2025-01-15T21:00:00Z'), { settleMinutes: 0 })).toBe('2025-01-15');
    expect(lastCompletedSession(at('2025-01-15T20:59:59Z'), { settleMinutes: 0 })).toBe('2025-01-14');
    expect(lastCompletedSession(at('2025-01-15T22:29:00Z'), { settleMinutes: 90 })).toBe('2025-01-14');
    expect(lastCompletedSession(at('2025-01-15T22:30:00Z'), { settleMinutes: 90 })).toBe('2025-01-15');
    // a settle longer than a night reaches back past a completed-looking session
    expect(lastCompletedSession(at('2025-01-16T15:00:00Z'), { settleMinutes: 24 * 60 })).toBe('2025-01-14');
  });

  it('rejects an invalid settleMinutes or now', () => {
    expect(() => lastCompletedSession(at('2025-01-15T21:00:00Z'), { settleMinutes: -1 })).toThrow(
      InvalidCalendarOptionError,
    );
    expect(() => lastCompletedSession(at('2025-01-15T21:00:00Z'), { settleMinutes: Number.NaN })).toThrow(
      /settleMinutes/,
    );
    expect(() => lastCompletedSession(new Date('nope'))).toThrow(/now must be a valid Date/);
  });

  it('respects extra closures from config', () => {
    const cal = createNasdaqCalendar({ extraClosures: [{ date: '2025-01-15', name: 'Test closure' }] });
    expect(cal.lastCompletedSession(at('2025-01-15T23:00:00Z'))).toBe('2025-01-14');
  });

  describe('whatever the machine time zone', () => {
    const saved = process.env['TZ'];
    afterEach(() => {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    });
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC', 'Asia/Kolkata']) {
      it(`gives the same answers with TZ=${tz}`, () => {
        process.env['TZ'] = tz;
        expect(lastCompletedSession(at('2025-07-15T20:30:00Z'))).toBe('2025-07-15');
        expect(lastCompletedSession(at('2025-07-15T20:29:00Z'))).toBe('2025-07-14');
        expect(lastCompletedSession(at('2025-01-16T04:59:00Z'))).toBe('2025-01-15');
      });
    }
  });
});
