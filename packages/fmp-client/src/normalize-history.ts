import type { DroppedRow } from './types.js';

/** Bounds applied to dated rows. */
export interface HistoryBounds {
  from: string;
  to: string;
  /** The last session that is complete (closed + settled); later rows are partial or future. */
  lastCompleteSession: string;
  /** Today's date in America/New_York: a row dated today but not complete is a partial bar. */
  today: string;
}

/**
 * Sorts dated rows ascending (FMP sends newest first), collapses identical duplicates, and drops rows
 * outside `[from, to]` and rows after the last complete session (today's live partial bar, future
 * dates). Two *different* rows for one date are both kept: validation quarantines the pair.
 */
export function normalizeHistory<T extends { date: string }>(
  rows: readonly T[],
  bounds: HistoryBounds,
): { rows: T[]; dropped: DroppedRow[] } {
  const dropped: DroppedRow[] = [];
  const kept: T[] = [];
  const seen = new Map<string, string[]>();
  for (const row of rows) {
    if (row.date < bounds.from || row.date > bounds.to) {
      dropped.push({ reason: 'out-of-range', row });
      continue;
    }
    if (row.date > bounds.lastCompleteSession) {
      dropped.push({ reason: row.date === bounds.today ? 'partial-session' : 'future-date', row });
      continue;
    }
    const key = JSON.stringify(row);
    const same = seen.get(row.date);
    if (same?.includes(key)) {
      dropped.push({ reason: 'duplicate', row });
      continue;
    }
    if (same) same.push(key);
    else seen.set(row.date, [key]);
    kept.push(row);
  }
  // Stable sort: conflicting rows of one date stay in the order FMP sent them.
  kept.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { rows: kept, dropped };
}
