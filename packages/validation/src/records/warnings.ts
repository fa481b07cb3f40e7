import { RECORD_RULE_IDS } from './rule-ids.js';
import type { AcceptedBar, BarWarning } from './types.js';

/** A previously stored session of a symbol (to judge the batch's first bar). */
export interface PriorClose {
  date: string;
  close: number;
}

/** Inputs of {@link findBarWarnings}. */
export interface BarWarningOptions {
  /** Split dates per symbol (`splits` endpoint); a big move on a split day is expected. */
  splitDates?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Most recent stored closes per symbol, ascending (up to 4 are used). */
  priorCloses?: ReadonlyMap<string, readonly PriorClose[]>;
  /** Sessions with the same close that trigger `bar.close_unchanged`. Default 5. */
  unchangedSessions?: number;
}

/** |ln(close / previous close)| at or above this is a "possible unapplied split" (an 80 % move). */
export const SPLIT_LOG_RETURN_THRESHOLD = Math.log(1.8);

/**
 * Warnings on accepted bars (never block): `bar.possible_unapplied_split` (|log_return| ≥ ln 1.8 with
 * no split that day), `bar.zero_volume`, and `bar.close_unchanged` (the same close on N consecutive
 * sessions, N = 5 by default, warned on the N-th and later).
 */
export function findBarWarnings(
  accepted: readonly AcceptedBar[],
  options: BarWarningOptions = {},
): BarWarning[] {
  const n = options.unchangedSessions ?? 5;
  const bySymbol = new Map<string, AcceptedBar[]>();
  for (const b of accepted) {
    const list = bySymbol.get(b.symbol);
    if (list) list.push(b);
    else bySymbol.set(b.symbol, [b]);
  }
  const out: BarWarning[] = [];
  for (const [symbol, bars] of bySymbol) {
    bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const prior = (options.priorCloses?.get(symbol) ?? []).filter(
      (p) => p.date < (bars[0] as AcceptedBar).date,
    );
    const closes = prior.map((p) => p.close);
    const splits = options.splitDates?.get(symbol);
    let run = 1;
    for (let k = 1; k < closes.length; k++) run = closes[k] === closes[k - 1] ? run + 1 : 1;
    for (const bar of bars) {
      const prev = closes.length ? (closes[closes.length - 1] as number) : undefined;
      if (prev !== undefined && prev > 0) {
        const r = Math.log(bar.close / prev);
        if (Math.abs(r) >= SPLIT_LOG_RETURN_THRESHOLD && !splits?.has(bar.date)) {
          out.push({
            rule_id: RECORD_RULE_IDS.possibleUnappliedSplit,
            symbol,
            date: bar.date,
            message: `possible unapplied split: close ${bar.close} vs previous ${prev} (log return ${r.toFixed(3)}) and no split that day`,
          });
        }
      }
      if (bar.volume === 0) {
        out.push({ rule_id: RECORD_RULE_IDS.zeroVolume, symbol, date: bar.date, message: 'volume is 0' });
      }
      run = prev !== undefined && bar.close === prev ? run + 1 : 1;
      if (run >= n) {
        out.push({
          rule_id: RECORD_RULE_IDS.closeUnchanged,
          symbol,
          date: bar.date,
          message: `close ${bar.close} unchanged for ${run} sessions`,
        });
      }
      closes.push(bar.close);
    }
  }
  return out;
}
