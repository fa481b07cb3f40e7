import { nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import { groupDuplicates } from './duplicates.js';
import { RECORD_RULE_IDS } from './rule-ids.js';
import { RECORD_RULES } from './rules/index.js';
import type { AcceptedBar, BarWarning, KnownGap, QuarantineRow, RawBar, RecordRuleContext } from './types.js';
import { findBarWarnings, type BarWarningOptions } from './warnings.js';

/** Options of {@link validateBars}. */
export interface ValidateBarsOptions extends BarWarningOptions {
  /** Run id (ULID) written on every quarantine row. */
  runId: string;
  /** The window's last session: bars dated later are rejected (partial today bar, future dates). */
  runSession: string;
  /** Session test; default the built-in NASDAQ calendar (pass one with the config's extraClosures). */
  isSession?: (date: string) => boolean;
  /** Raw-zone object the bars came from, written to `raw_path`. Default `null`. */
  rawPath?: string | null;
  /** Clock for `quarantined_at`. Default `() => new Date()`. */
  now?: () => Date;
}

/** Outcome of {@link validateBars}. */
export interface BarValidation {
  /** Bars that passed every error rule, sorted by (symbol, date), one per key. */
  accepted: AcceptedBar[];
  /** Rows for `quarantine_daily_price` (one per rejected bar and violated rule). */
  quarantined: QuarantineRow[];
  /** Warning findings on accepted bars. */
  warnings: BarWarning[];
  /** (symbol, date) pairs lost to quarantine: completeness reports them without blocking. */
  knownGaps: KnownGap[];
  /** Identical duplicate copies dropped. */
  duplicatesCollapsed: number;
  /** Bars received. */
  received: number;
}

/**
 * Applies the record rules of DESIGN §6 to raw EOD bars (any symbols, any order): schema, finite
 * prices > 0, high ≥ max(open, close), low ≤ min(open, close), integral volume ≥ 0, NASDAQ session
 * not after the run's session; identical duplicates collapse, conflicting ones are all quarantined.
 * Pure: no I/O; the caller writes `quarantined` to `quarantine_daily_price`.
 */
export function validateBars(bars: readonly RawBar[], options: ValidateBarsOptions): BarValidation {
  const context: RecordRuleContext = {
    runSession: options.runSession,
    isSession: options.isSession ?? ((d) => nasdaqCalendar.isSession(d)),
  };
  const at = (options.now ?? (() => new Date()))();
  const groups = groupDuplicates(bars);
  const accepted: AcceptedBar[] = [];
  const quarantined: QuarantineRow[] = [];
  const gaps = new Map<string, KnownGap>();
  for (const i of groups.kept) {
    const bar = bars[i] as RawBar;
    const violations: { id: string; message: string }[] = [];
    if (bar === null || typeof bar !== 'object' || Array.isArray(bar)) {
      violations.push({ id: RECORD_RULE_IDS.schema, message: 'row is not an object' });
    } else {
      for (const rule of RECORD_RULES) {
        const message = rule.check(bar, context);
        if (message !== null) violations.push({ id: rule.id, message });
      }
      if (groups.conflicting.has(i)) {
        violations.push({
          id: RECORD_RULE_IDS.conflictingDuplicate,
          message: `another, different bar for ${String(bar['symbol'])} ${String(bar['date'])} in the same batch`,
        });
      }
    }
    if (violations.length === 0) {
      accepted.push({
        symbol: bar['symbol'] as string,
        date: bar['date'] as string,
        open: bar['open'] as number,
        high: bar['high'] as number,
        low: bar['low'] as number,
        close: bar['close'] as number,
        volume: Math.round(bar['volume'] as number),
      });
      continue;
    }
    const symbol = typeof bar?.['symbol'] === 'string' ? (bar['symbol'] as string) : '';
    const rawDate = bar?.['date'];
    const tradeDate = typeof rawDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(rawDate) ? rawDate : null;
    const ruleIds = violations.map((v) => v.id).join(',');
    const raw = JSON.stringify(bar) ?? String(bar);
    for (const v of violations) {
      quarantined.push({
        run_id: options.runId,
        symbol,
        trade_date: tradeDate,
        rule_id: v.id,
        severity: 'error',
        message: violations.length > 1 ? `${v.message} (bar violates ${ruleIds})` : v.message,
        raw_row: raw,
        raw_path: options.rawPath ?? null,
        quarantined_at: at,
      });
    }
    if (symbol && tradeDate && tradeDate <= options.runSession) {
      const key = `${symbol} ${tradeDate}`;
      const prev = gaps.get(key);
      const reasons = new Set([...(prev ? prev.reason.split(',') : []), ...ruleIds.split(',')]);
      gaps.set(key, { symbol, date: tradeDate, reason: [...reasons].join(',') });
    }
  }
  accepted.sort((a, b) =>
    a.symbol === b.symbol ? (a.date < b.date ? -1 : 1) : a.symbol < b.symbol ? -1 : 1,
  );
  // A gap exists only if no bar for that key was accepted (never true today: conflicts quarantine all).
  const acceptedKeys = new Set(accepted.map((b) => `${b.symbol} ${b.date}`));
  const knownGaps = [...gaps.entries()].filter(([k]) => !acceptedKeys.has(k)).map(([, g]) => g);
  return {
    accepted,
    quarantined,
    warnings: findBarWarnings(accepted, options),
    knownGaps,
    duplicatesCollapsed: groups.collapsed,
    received: bars.length,
  };
}
