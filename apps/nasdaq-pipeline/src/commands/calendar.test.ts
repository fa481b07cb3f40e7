import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../program.js';
import type { CliDeps } from '../deps.js';

let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'np-calendar-'));
});

function harness(dir = cwd) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    env: {},
    cwd: dir,
    stdout: { write: (s) => void out.push(s) },
    stderr: { write: (s) => void err.push(s) },
    now: () => new Date('2025-12-22T15:00:00Z'),
  };
  const run = (...args: string[]) => runCli(['node', 'nasdaq-pipeline', ...args], deps);
  return { run, out: () => out.join(''), err: () => err.join('') };
}

describe('nasdaq-pipeline calendar', () => {
  it('prints sessions, holidays and early closes as one JSON document', async () => {
    const h = harness();
    expect(await h.run('--json', 'calendar', '--from', '2025-12-20', '--to', '2026-01-05')).toBe(0);
    expect(JSON.parse(h.out())).toEqual({
      sessions: [
        '2025-12-22',
        '2025-12-23',
        '2025-12-24',
        '2025-12-26',
        '2025-12-29',
        '2025-12-30',
        '2025-12-31',
        '2026-01-02',
        '2026-01-05',
      ],
      holidays: [
        { date: '2025-12-25', name: 'Christmas Day' },
        { date: '2026-01-01', name: "New Year's Day" },
      ],
      earlyCloses: [{ date: '2025-12-24', closeTime: '13:00' }],
    });
  });

  it('lists weekdays for humans with holiday names and early closes', async () => {
    const h = harness();
    expect(await h.run('calendar', '--from', '2025-11-24', '--to', '2025-11-30')).toBe(0);
    expect(h.out()).toBe(
      [
        'NASDAQ calendar 2025-11-24..2025-11-30 (close times America/New_York): 4 sessions, 1 holiday, 1 early close',
        '2025-11-24  Mon  session  16:00',
        '2025-11-25  Tue  session  16:00',
        '2025-11-26  Wed  session  16:00',
        '2025-11-27  Thu  closed   Thanksgiving Day',
        '2025-11-28  Fri  session  early close 13:00',
        '',
      ].join('\n'),
    );
  });

  it('defaults to the next 30 days from today in New York', async () => {
    const h = harness();
    expect(await h.run('--json', 'calendar')).toBe(0);
    const report = JSON.parse(h.out()) as { sessions: string[] };
    expect(report.sessions[0]).toBe('2025-12-22');
    expect(report.sessions.at(-1)).toBe('2026-01-21');
  });

  it('includes extra closures from the config file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'np-calendar-cfg-'));
    await writeFile(
      path.join(dir, 'nasdaq-pipeline.yaml'),
      'calendar:\n  extraClosures:\n    - { date: "2030-01-03", name: "Snow day" }\n',
    );
    const h = harness(dir);
    expect(await h.run('--json', 'calendar', '--from', '2030-01-01', '--to', '2030-01-04')).toBe(0);
    expect(JSON.parse(h.out())).toMatchObject({
      sessions: ['2030-01-02', '2030-01-04'],
      holidays: [
        { date: '2030-01-01', name: "New Year's Day" },
        { date: '2030-01-03', name: 'Snow day' },
      ],
    });
  });

  it('reports an unusable extra closure as a config error (exit 2)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'np-calendar-cfg-'));
    await writeFile(
      path.join(dir, 'nasdaq-pipeline.yaml'),
      'calendar:\n  extraClosures:\n    - { date: "1990-01-02", name: "Too early" }\n',
    );
    const h = harness(dir);
    expect(await h.run('calendar', '--from', '2030-01-01', '--to', '2030-01-04')).toBe(2);
    expect(h.err()).toContain('config calendar.extraClosures[0].date: 1990-01-02 is outside the range');
  });

  it('rejects bad and reversed dates with exit 2', async () => {
    const bad = harness();
    expect(await bad.run('calendar', '--from', '2025-02-30', '--to', '2025-03-01')).toBe(2);
    expect(bad.err()).toContain('--from "2025-02-30" is not a valid date');
    const range = harness();
    expect(await range.run('calendar', '--from', '1999-12-01', '--to', '2000-01-31')).toBe(2);
    expect(range.err()).toContain('--from 1999-12-01 is outside');
    const reversed = harness();
    expect(await reversed.run('calendar', '--from', '2025-03-01', '--to', '2025-02-01')).toBe(2);
    expect(reversed.err()).toContain('--from 2025-03-01 is after --to 2025-02-01');
  });
});
