import { Option, type Command } from 'commander';
import {
  addDays,
  toNewYorkTime,
  type Closure,
  type EarlyClose,
  type NasdaqCalendar,
} from '@nasdaq-pipeline/market-calendar';
import type { CommandContext } from '../program.js';
import { createCalendarFromConfig, parseDateOption } from '../cli-dates.js';
import { UsageError } from '../errors.js';

/** The `--json` document of `nasdaq-pipeline calendar`. */
export interface CalendarReport {
  sessions: string[];
  holidays: Closure[];
  earlyCloses: EarlyClose[];
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Builds the report of `from..to` (inclusive) from `calendar`. */
export function buildCalendarReport(calendar: NasdaqCalendar, from: string, to: string): CalendarReport {
  return {
    sessions: calendar.sessionsBetween(from, to),
    holidays: calendar.holidaysBetween(from, to),
    earlyCloses: calendar.earlyClosesBetween(from, to),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Renders the human listing: one line per weekday (sessions, early closes, closures), weekends omitted. */
export function renderCalendarReport(calendar: NasdaqCalendar, from: string, to: string): string {
  const report = buildCalendarReport(calendar, from, to);
  const lines = [
    `NASDAQ calendar ${from}..${to} (close times America/New_York): ${plural(report.sessions.length, 'session')}, ` +
      `${plural(report.holidays.length, 'holiday')}, ${plural(report.earlyCloses.length, 'early close')}`,
  ];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const info = calendar.describeDate(d);
    if (info.kind === 'weekend') continue;
    const status =
      info.kind === 'holiday'
        ? `closed   ${info.holidayName ?? ''}`
        : info.isEarlyClose
          ? `session  early close ${info.closeTime ?? ''}`
          : `session  ${info.closeTime ?? ''}`;
    lines.push(`${d}  ${DAY_NAMES[info.dayOfWeek - 1] ?? ''}  ${status}`);
  }
  return lines.join('\n');
}

/**
 * `nasdaq-pipeline calendar --from D --to D [--json]`: NASDAQ sessions, holidays (with names) and
 * early closes in a date range, including the config's `calendar.extraClosures`.
 */
export function registerCalendar(program: Command, ctx: CommandContext): void {
  program
    .command('calendar')
    .description('list NASDAQ sessions, holidays and early closes in a date range')
    .addOption(
      new Option('--from <date>', 'first date, YYYY-MM-DD (default: today in New York)').argParser((v) =>
        parseDateOption(v, '--from'),
      ),
    )
    .addOption(
      new Option('--to <date>', 'last date, YYYY-MM-DD (default: 30 days after --from)').argParser((v) =>
        parseDateOption(v, '--to'),
      ),
    )
    .action(async (opts: { from?: string; to?: string }) => {
      const from = opts.from ?? toNewYorkTime(ctx.deps.now()).date;
      const to = opts.to ?? parseDateOption(addDays(from, 30), '--to');
      if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      const calendar = createCalendarFromConfig(await ctx.config());
      if (ctx.globals().json) {
        ctx.printJson(buildCalendarReport(calendar, from, to));
        return;
      }
      ctx.say(renderCalendarReport(calendar, from, to));
    });
}
