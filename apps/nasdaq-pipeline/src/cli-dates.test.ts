import { describe, expect, it } from 'vitest';
import { createNasdaqCalendar, nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import {
  parseDateOption,
  requireNotFuture,
  requireSession,
  resolveDateWindow,
  resolveSessionDate,
} from './cli-dates.js';
import { UsageError } from './errors.js';
import { ExitCode } from './exit-codes.js';

// Tuesday 2025-12-23, 17:00 in New York: the 23rd has completed (16:00 + 30 min)
const clock = { calendar: nasdaqCalendar, now: new Date('2025-12-23T22:00:00Z'), settleMinutes: 30 };

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).exitCode).toBe(ExitCode.usage);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseDateOption', () => {
  it('accepts real dates in the calendar range and names the flag otherwise', () => {
    expect(parseDateOption('2025-01-09', '--date')).toBe('2025-01-09');
    expect(usageMessage(() => parseDateOption('2025-13-01', '--date'))).toBe(
      '--date "2025-13-01" is not a valid date; expected YYYY-MM-DD, e.g. 2025-01-09',
    );
    expect(usageMessage(() => parseDateOption('2101-01-03', '--to'))).toContain(
      '--to 2101-01-03 is outside the NASDAQ calendar',
    );
  });
});

describe('requireSession', () => {
  it('explains a holiday with the nearest sessions', () => {
    expect(usageMessage(() => requireSession('2025-12-25', nasdaqCalendar))).toBe(
      '2025-12-25 is not a NASDAQ session (Christmas Day); previous session 2025-12-24, next 2025-12-26',
    );
  });

  it('explains weekends, one-off and configured closures', () => {
    expect(usageMessage(() => requireSession('2025-12-27', nasdaqCalendar))).toBe(
      '2025-12-27 is not a NASDAQ session (Saturday); previous session 2025-12-26, next 2025-12-29',
    );
    expect(usageMessage(() => requireSession('2025-01-09', nasdaqCalendar))).toContain('Jimmy Carter');
    const cal = createNasdaqCalendar({ extraClosures: [{ date: '2025-12-23', name: 'Snow day' }] });
    expect(usageMessage(() => requireSession('2025-12-23', cal))).toContain(
      '(Snow day); previous session 2025-12-22',
    );
    expect(requireSession('2025-12-24', nasdaqCalendar)).toBe('2025-12-24');
  });
});

describe('requireNotFuture / resolveSessionDate', () => {
  it('accepts completed sessions and rejects later ones naming the nearest sessions', () => {
    expect(requireNotFuture('2025-12-23', clock)).toBe('2025-12-23');
    const early = { ...clock, now: new Date('2025-12-23T21:00:00Z') }; // 16:00 New York, not settled
    expect(usageMessage(() => resolveSessionDate('2025-12-23', '--date', early))).toBe(
      '2025-12-23 is in the future (now 2025-12-23 16:00 America/New_York); the last completed NASDAQ session is ' +
        '2025-12-22, the next is 2025-12-23 (complete 30 min after its 16:00 close)',
    );
    expect(usageMessage(() => resolveSessionDate('2025-12-24', '--date', clock))).toContain(
      'the next is 2025-12-24 (complete 30 min after its 13:00 close)',
    );
    expect(usageMessage(() => resolveSessionDate('2025-12-25', '--date', clock))).toContain('Christmas Day');
  });
});

describe('resolveDateWindow', () => {
  it('defaults to the last completed session', () => {
    expect(resolveDateWindow({}, { ...clock, now: new Date('2025-12-27T12:00:00Z') })).toEqual({
      from: '2025-12-26',
      to: '2025-12-26',
      sessions: ['2025-12-26'],
    });
  });

  it('resolves --date and --from/--to to sessions', () => {
    expect(resolveDateWindow({ date: '2025-12-22' }, clock).sessions).toEqual(['2025-12-22']);
    expect(resolveDateWindow({ from: '2025-12-19', to: '2025-12-23' }, clock)).toEqual({
      from: '2025-12-19',
      to: '2025-12-23',
      sessions: ['2025-12-19', '2025-12-22', '2025-12-23'],
    });
    expect(resolveDateWindow({ from: '2025-12-20' }, clock).to).toBe('2025-12-23');
  });

  it('rejects conflicting, reversed, future and session-less selections', () => {
    expect(
      usageMessage(() => resolveDateWindow({ date: '2025-12-22', from: '2025-12-01' }, clock)),
    ).toContain('cannot be combined');
    expect(usageMessage(() => resolveDateWindow({ to: '2025-12-22' }, clock))).toBe('--to needs --from');
    expect(usageMessage(() => resolveDateWindow({ from: '2025-12-22', to: '2025-12-01' }, clock))).toContain(
      'is after --to',
    );
    expect(usageMessage(() => resolveDateWindow({ from: '2025-12-01', to: '2025-12-31' }, clock))).toContain(
      '2025-12-31 is in the future',
    );
    expect(usageMessage(() => resolveDateWindow({ from: '2025-12-24' }, clock))).toContain(
      '2025-12-24 is in the future (now 2025-12-23 17:00 America/New_York); the last completed NASDAQ session is 2025-12-23',
    );
    expect(usageMessage(() => resolveDateWindow({ from: '2025-12-20', to: '2025-12-21' }, clock))).toBe(
      '2025-12-20..2025-12-21 holds no NASDAQ session (Saturday); previous session 2025-12-19, next 2025-12-22',
    );
  });
});
