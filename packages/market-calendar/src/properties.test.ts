import { describe, expect, it } from 'vitest';
import { SUPPORTED_RANGE } from './calendar.js';
import { addDays, dayOfWeek } from './dates.js';
import { nasdaqCalendar as cal } from './nasdaq.js';
import { SPECIAL_CLOSURES } from './special-closures.js';

function* everyDate(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALL = [...everyDate(SUPPORTED_RANGE.from, SUPPORTED_RANGE.to)];

describe('calendar properties over 2000-01-01..2100-12-31', () => {
  it('classifies every date as exactly one of session, weekend, holiday', () => {
    const wrong: string[] = [];
    for (const d of ALL) {
      const session = cal.isSession(d);
      const weekend = dayOfWeek(d) >= 6;
      const holiday = cal.holidayName(d) !== null;
      const kind = session ? 'session' : weekend ? 'weekend' : 'holiday';
      if (
        Number(session) + Number(weekend) + Number(holiday) !== 1 ||
        cal.describeDate(d).kind !== kind ||
        (cal.closeTime(d) !== null) !== session ||
        (cal.isEarlyClose(d) && cal.closeTime(d) !== '13:00')
      ) {
        wrong.push(d);
      }
    }
    expect(wrong).toEqual([]);
    expect(ALL).toHaveLength(36890);
  });

  it('closes on every regular holiday plus the one-off closures, on weekdays, each year', () => {
    for (let y = 2000; y <= 2100; y++) {
      const closed = cal.holidaysBetween(`${y}-01-01`, `${y}-12-31`);
      const regular = y >= 2022 ? 10 : 9;
      // a Saturday New Year's Day is not observed at all
      const saturdayNewYear = dayOfWeek(`${y}-01-01`) === 6 ? 1 : 0;
      const oneOff = SPECIAL_CLOSURES.filter((c) => c.date.startsWith(`${y}-`)).length;
      expect(closed.length, String(y)).toBe(regular - saturdayNewYear + oneOff);
      for (const h of closed) expect(dayOfWeek(h.date), h.date).toBeLessThanOrEqual(5);
      const early = cal.earlyClosesBetween(`${y}-01-01`, `${y}-12-31`).length;
      expect(early, String(y)).toBeLessThanOrEqual(y === 2003 ? 4 : 3);
      expect(early, String(y)).toBeGreaterThanOrEqual(1); // the day after Thanksgiving
    }
  });

  it('puts Thanksgiving on the fourth Thursday and Good Friday on a Friday', () => {
    for (let y = 2000; y <= 2100; y++) {
      const names = cal.holidaysBetween(`${y}-01-01`, `${y}-12-31`);
      const thanksgiving = names.find((h) => h.name === 'Thanksgiving Day')?.date ?? '';
      expect(dayOfWeek(thanksgiving)).toBe(4);
      expect(thanksgiving >= `${y}-11-22` && thanksgiving <= `${y}-11-28`, thanksgiving).toBe(true);
      const goodFriday = names.find((h) => h.name === 'Good Friday')?.date ?? '';
      expect(dayOfWeek(goodFriday)).toBe(5);
      expect(goodFriday >= `${y}-03-20` && goodFriday <= `${y}-04-23`, goodFriday).toBe(true);
    }
  });

  it('lists in sessionsBetween exactly the dates isSession accepts', () => {
    const sessions = cal.sessionsBetween(SUPPORTED_RANGE.from, SUPPORTED_RANGE.to);
    expect(sessions).toEqual(ALL.filter((d) => cal.isSession(d)));
    expect(cal.countSessions(SUPPORTED_RANGE.from, SUPPORTED_RANGE.to)).toBe(sessions.length);
  });

  it('finds previous and next sessions with no session in between (random dates)', () => {
    const rnd = random(42);
    for (let k = 0; k < 2000; k++) {
      const d = ALL[10 + Math.floor(rnd() * (ALL.length - 20))] as string;
      const prev = cal.previousSession(d);
      const next = cal.nextSession(d);
      expect(prev < d && d < next).toBe(true);
      expect(cal.isSession(prev) && cal.isSession(next)).toBe(true);
      const between = cal.sessionsBetween(addDays(prev, 1), addDays(next, -1));
      expect(between).toEqual(cal.isSession(d) ? [d] : []);
    }
  });

  it('gives random sub-ranges of sessionsBetween in order and inclusive', () => {
    const rnd = random(7);
    for (let k = 0; k < 300; k++) {
      const a = ALL[Math.floor(rnd() * ALL.length)] as string;
      const b = ALL[Math.floor(rnd() * ALL.length)] as string;
      const [from, to] = a <= b ? [a, b] : [b, a];
      const got = cal.sessionsBetween(from, to);
      expect(got.length).toBe(cal.countSessions(from, to));
      if (got.length > 0) {
        expect(got[0]).toBe(cal.isSession(from) ? from : cal.nextSession(from));
        expect(got.at(-1)).toBe(cal.isSession(to) ? to : cal.previousSession(to));
      }
      expect(cal.sessionsBetween(to, from)).toEqual(from === to ? got : []);
    }
  });
});
