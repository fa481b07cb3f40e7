import { addDays, type MarketCalendar } from '@nasdaq-pipeline/market-calendar';

/** What the warehouse already holds for a symbol. */
export interface SymbolState {
  symbol: string;
  /** First and last stored trade_date, null when the symbol has no rows. */
  firstDate: string | null;
  lastDate: string | null;
}

/** The window a run covers (sessions resolved once, passed down to every stage). */
export interface RunWindow {
  from: string;
  to: string;
  /** How it was chosen: the default last completed session, `--date`, or `--from/--to`. */
  mode: 'latest' | 'date' | 'range';
}

/** One symbol's history request. */
export interface ExtractItem {
  symbol: string;
  from: string;
  to: string;
  reason: 'bootstrap' | 'incremental' | 'requested';
}

/** Options of {@link planExtract}. */
export interface PlanExtractOptions {
  calendar: MarketCalendar;
  /** Calendar days of history for a symbol with no stored rows. */
  bootstrapDays: number;
}

/**
 * Decides which history each symbol needs for `window` (pure). A symbol with no stored rows
 * bootstraps `bootstrapDays` of history ending at the window's end (so 200-day and 52-week
 * metrics are defined). In `latest` mode a stored symbol fetches from the session after its last
 * stored one, and nothing when it is up to date; explicit windows are fetched as asked (a rerun
 * replaces those sessions).
 */
export function planExtract(
  symbols: readonly string[],
  states: ReadonlyMap<string, SymbolState>,
  window: RunWindow,
  options: PlanExtractOptions,
): ExtractItem[] {
  const items: ExtractItem[] = [];
  for (const symbol of symbols) {
    const state = states.get(symbol);
    if (!state?.lastDate) {
      const from = addDays(window.to, -options.bootstrapDays);
      items.push({
        symbol,
        from: from < window.from ? from : window.from,
        to: window.to,
        reason: 'bootstrap',
      });
      continue;
    }
    if (window.mode !== 'latest') {
      items.push({ symbol, from: window.from, to: window.to, reason: 'requested' });
      continue;
    }
    if (state.lastDate >= window.to) continue;
    const from = options.calendar.nextSession(state.lastDate);
    if (from > window.to) continue;
    items.push({ symbol, from, to: window.to, reason: 'incremental' });
  }
  return items;
}
