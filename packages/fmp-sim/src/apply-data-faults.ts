import type { FaultKind } from './faults.js';

type Row = Record<string, unknown>;

/** The horizon a data fault needs: the next session after the served one, today's date. */
export interface DataFaultContext {
  nextSession: string;
  today: string;
  todayIsSession: boolean;
}

/**
 * Damages an end-of-day payload (rows newest first, FMP order) the way real feeds go wrong. Works on
 * copies; the row chosen is the middle one, so the damage is deterministic.
 */
export function applyDataFaults(
  rows: readonly Row[],
  kinds: readonly FaultKind[],
  context: DataFaultContext,
): unknown {
  let out: Row[] = rows.map((r) => ({ ...r }));
  const mid = Math.floor(out.length / 2);
  const target = out[mid];
  let legacy = false;
  for (const kind of kinds) {
    switch (kind) {
      case 'wrong-types':
        if (target) {
          target['open'] = String(target['open']);
          target['high'] = 'n/a';
        }
        break;
      case 'nulls':
        if (target) target['close'] = null;
        break;
      case 'negative-price':
        if (target) target['low'] = -Math.abs(Number(target['low']));
        break;
      case 'high-below-low':
        if (target) [target['high'], target['low']] = [target['low'], target['high']];
        break;
      case 'duplicate-date':
        if (target) out.splice(mid, 0, { ...target });
        break;
      case 'conflicting-date':
        if (target) {
          const close = Number(target['close']) * 1.01;
          const high = Math.max(Number(target['high']), close);
          out.splice(mid, 0, {
            ...target,
            close: Math.round(close * 100) / 100,
            high: Math.round(high * 100) / 100,
          });
        }
        break;
      case 'future-date': {
        const template = out[0] ?? { symbol: 'UNKNOWN', open: 1, high: 1, low: 1, close: 1, volume: 1 };
        out = [{ ...template, date: context.nextSession }, ...out];
        break;
      }
      case 'partial-today': {
        if (!context.todayIsSession) break;
        const template = out[0];
        if (!template) break;
        const open = Number(template['close']);
        const bar = {
          ...template,
          date: context.today,
          open,
          high: open,
          low: open,
          close: open,
          volume: 1000,
        };
        out = out[0]?.['date'] === context.today ? [bar, ...out.slice(1)] : [bar, ...out];
        break;
      }
      case 'float-volume':
        if (target) target['volume'] = Number(target['volume']) + 0.37;
        break;
      case 'legacy-shape':
        legacy = true;
        break;
      default:
        break;
    }
  }
  if (legacy) {
    const symbol = out[0]?.['symbol'];
    return { symbol, historical: out.map(({ symbol: _s, ...rest }) => rest) };
  }
  return out;
}
