/** A (symbol, session) whose fact row is new or changed. */
export interface ChangedSession {
  readonly symbol: string;
  readonly date: string;
}

/** What one incremental run rewrites, derived from the changed (symbol, session) pairs. */
export interface RewritePlan {
  /** Per symbol, the first session recomputed: later rows depend on it (previous close, SMA, 52-week range). */
  readonly recomputeFrom: ReadonlyMap<string, string>;
  /** Fact rows to rewrite: every stored or staged session of the symbol on or after `recomputeFrom`. */
  readonly factSessions: readonly ChangedSession[];
  /** ISO weeks touched, `symbol|isoYear-Www`. */
  readonly weeks: readonly string[];
  /** Months touched, `symbol|YYYY-MM`. */
  readonly months: readonly string[];
  /** Sector dates touched (every stock of those sessions is re-aggregated). */
  readonly sectorDates: readonly string[];
}

/** ISO 8601 week-numbering year and week of a `YYYY-MM-DD` date. */
export function isoWeekOf(date: string): { isoYear: number; isoWeek: number } {
  const t = Date.parse(`${date}T00:00:00Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7; // 0 = Monday
  const thursday = new Date(t + (3 - dow) * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const jan1 = Date.UTC(isoYear, 0, 1);
  return { isoYear, isoWeek: Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1 };
}

/**
 * Derives what an incremental run rewrites (the same rules the SQL models apply): a changed session of a symbol
 * forces every later session of that symbol to be recomputed, since its previous_close, 50/200-session averages
 * and 52-week range may read the changed bar; an SCD2 version change of a symbol from date D counts as a change
 * on D. Each fact row rewritten touches its ISO week, its month and its sector date.
 *
 * @param changed the new or changed (symbol, session) pairs (staged bars that differ from stored rows)
 * @param sessionsOf every session of a symbol, stored or staged, ascending
 * @param versionChanges per symbol, the first date whose dim_stock version changed
 */
export function planRewrites(
  changed: readonly ChangedSession[],
  sessionsOf: (symbol: string) => readonly string[],
  versionChanges: ReadonlyMap<string, string> = new Map(),
): RewritePlan {
  const from = new Map<string, string>(versionChanges);
  for (const { symbol, date } of changed) {
    const seen = from.get(symbol);
    if (seen === undefined || date < seen) from.set(symbol, date);
  }
  const factSessions: ChangedSession[] = [];
  const weeks = new Set<string>();
  const months = new Set<string>();
  const dates = new Set<string>();
  for (const [symbol, first] of [...from].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const date of sessionsOf(symbol)) {
      if (date < first) continue;
      factSessions.push({ symbol, date });
      const w = isoWeekOf(date);
      weeks.add(`${symbol}|${w.isoYear}-W${String(w.isoWeek).padStart(2, '0')}`);
      months.add(`${symbol}|${date.slice(0, 7)}`);
      dates.add(date);
    }
  }
  return {
    recomputeFrom: from,
    factSessions,
    weeks: [...weeks],
    months: [...months],
    sectorDates: [...dates].sort(),
  };
}
