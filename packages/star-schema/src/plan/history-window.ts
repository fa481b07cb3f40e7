/** Default calendar days of stored fact history read before the first recomputed session. */
export const DEFAULT_HISTORY_DAYS = 550;

/**
 * First trade date of stored fact history the fact model must see so that every recomputed row from
 * `firstChanged` on has its full windows: the 364-day 52-week range and 199 earlier sessions for the 200-day
 * average (≈ 290 calendar days when the symbol has no gaps). `historyDays` (default 550, ≈ 378 sessions) leaves
 * room for ~175 missing sessions; files of partitions entirely before the result are not read.
 */
export function planHistoryFrom(firstChanged: string, historyDays = DEFAULT_HISTORY_DAYS): string {
  const t = Date.parse(`${firstChanged}T00:00:00Z`) - Math.max(historyDays, 364) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Iceberg `month` transform of a date: months since 1970-01. */
export function monthPartition(date: string): number {
  return (Number(date.slice(0, 4)) - 1970) * 12 + Number(date.slice(5, 7)) - 1;
}

/** Iceberg `year` transform of a date: years since 1970. */
export function yearPartition(date: string): number {
  return Number(date.slice(0, 4)) - 1970;
}
