import { addDays, type MarketCalendar } from '@nasdaq-pipeline/market-calendar';

/** One month-sized chunk of a backfill. */
export interface BackfillChunk {
  /** `YYYY-MM` */
  month: string;
  from: string;
  to: string;
  sessions: number;
}

/** Calls allowed per plan (DESIGN §2, fmp-api.md §7). */
export const planQuota = {
  free: { calls: 250, per: 'day' },
  starter: { calls: 300, per: 'minute' },
  premium: { calls: 750, per: 'minute' },
  ultimate: { calls: 3000, per: 'minute' },
} as const;

/** Splits `[from, to]` into calendar-month chunks holding at least one session (pure). */
export function chunkByMonth(from: string, to: string, calendar: MarketCalendar): BackfillChunk[] {
  const chunks: BackfillChunk[] = [];
  let start = from;
  while (start <= to) {
    const month = start.slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const nextMonth = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
    const end = addDays(nextMonth, -1) < to ? addDays(nextMonth, -1) : to;
    const sessions = calendar.sessionsBetween(start, end).length;
    if (sessions > 0) chunks.push({ month, from: start, to: end, sessions });
    start = nextMonth;
  }
  return chunks;
}

/** API calls a backfill spends: one history request per symbol and chunk, plus one profile and one splits call per symbol. */
export function backfillCalls(chunks: number, symbols: number): number {
  return chunks * symbols + 2 * symbols;
}
