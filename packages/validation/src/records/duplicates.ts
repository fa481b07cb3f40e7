import type { RawBar } from './types.js';

/** Fields that make two bars for the same (symbol, date) "identical". */
const IDENTITY_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;

function identity(bar: RawBar): string {
  return JSON.stringify(IDENTITY_FIELDS.map((f) => bar[f]));
}

/** What {@link groupDuplicates} decided for a batch. */
export interface DuplicateGroups {
  /** Indices of bars kept (first of each group of identical copies, and every unkeyed bar). */
  kept: number[];
  /** Indices of bars in a (symbol, date) with two or more different bars: all are quarantined. */
  conflicting: Set<number>;
  /** Number of identical copies dropped. */
  collapsed: number;
}

/**
 * Groups bars by (symbol, date). Identical copies (same OHLCV) collapse to the first; a second,
 * different bar for the same key marks every bar of that key as conflicting, because neither can be
 * trusted over the other.
 */
export function groupDuplicates(bars: readonly RawBar[]): DuplicateGroups {
  const byKey = new Map<string, number[]>();
  const kept: number[] = [];
  for (let i = 0; i < bars.length; i++) {
    const b = bars[i] as RawBar;
    if (typeof b['symbol'] !== 'string' || typeof b['date'] !== 'string') {
      kept.push(i);
      continue;
    }
    const key = `${b['symbol']}\u0000${b['date']}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  const conflicting = new Set<number>();
  let collapsed = 0;
  for (const list of byKey.values()) {
    const ids = new Set(list.map((i) => identity(bars[i] as RawBar)));
    if (ids.size > 1) {
      for (const i of list) conflicting.add(i);
      kept.push(...list);
    } else {
      kept.push(list[0] as number);
      collapsed += list.length - 1;
    }
  }
  kept.sort((a, b) => a - b);
  return { kept, conflicting, collapsed };
}
