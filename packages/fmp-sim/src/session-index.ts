import type { MarketCalendar } from '@nasdaq-pipeline/market-calendar';

/** First date of every simulated price path (the first session of 2000). */
export const SIM_EPOCH = '2000-01-03';
const LAST = '2100-12-31';

/** Every session from {@link SIM_EPOCH} to 2100, ascending, with binary search. */
export interface SessionIndex {
  sessions: readonly string[];
  /** Index of the first session ≥ `date` (`sessions.length` when none). */
  lowerBound(date: string): number;
  /** Index of the last session ≤ `date` (−1 when none). */
  floor(date: string): number;
}

const cache = new WeakMap<MarketCalendar, SessionIndex>();

/** The session index of `calendar`, computed once per calendar (≈ 25 000 sessions). */
export function getSessionIndex(calendar: MarketCalendar): SessionIndex {
  let index = cache.get(calendar);
  if (!index) {
    const sessions = calendar.sessionsBetween(SIM_EPOCH, LAST);
    const lowerBound = (date: string): number => {
      let lo = 0;
      let hi = sessions.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sessions[mid] as string) < date) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const floor = (date: string): number => {
      const i = lowerBound(date);
      return i < sessions.length && sessions[i] === date ? i : i - 1;
    };
    index = { sessions, lowerBound, floor };
    cache.set(calendar, index);
  }
  return index;
}
