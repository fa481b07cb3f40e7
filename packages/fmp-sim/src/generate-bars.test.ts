import { nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import { describe, expect, it } from 'vitest';
import { generateBars } from './generate-bars.js';

const FROM = '2015-01-01';
const TO = '2024-12-31';
const SYMBOLS = Array.from(
  { length: 100 },
  (_, i) =>
    (i < 8 ? ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'AMD', 'INTC'][i] : `S${i}X`) as string,
);

describe('generateBars', () => {
  it('holds OHLC and calendar properties for 100 symbols × 10 years', () => {
    const sessions = nasdaqCalendar.sessionsBetween(FROM, TO);
    let bars = 0;
    for (const symbol of SYMBOLS) {
      const rows = generateBars(symbol, FROM, TO, { seed: 42 });
      expect(rows.map((r) => r.date)).toEqual(sessions);
      for (const r of rows) {
        const ok =
          r.symbol === symbol &&
          r.low > 0 &&
          r.low <= Math.min(r.open, r.close) &&
          r.high >= Math.max(r.open, r.close) &&
          Number.isInteger(r.volume) &&
          r.volume > 0 &&
          Number.isFinite(r.vwap);
        if (!ok) throw new Error(`invariant broken: ${JSON.stringify(r)}`);
        bars++;
      }
    }
    expect(bars).toBe(100 * sessions.length);
  });

  it('gives identical bytes for the same seed and different ones for another seed', () => {
    const a = JSON.stringify(generateBars('QQQX', FROM, TO, { seed: 1 }));
    const b = JSON.stringify(generateBars('QQQX', FROM, TO, { seed: 1 }));
    const c = JSON.stringify(generateBars('QQQX', FROM, TO, { seed: 2 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('does not depend on the requested window', () => {
    const all = generateBars('MSFT', FROM, TO, { seed: 3, asOf: TO });
    const part = generateBars('MSFT', '2020-03-01', '2020-03-31', { seed: 3, asOf: TO });
    expect(part).toEqual(all.filter((r) => r.date >= '2020-03-01' && r.date <= '2020-03-31'));
  });

  it('applies a split retroactively to earlier rows once it has happened, as FMP full does', () => {
    const before = generateBars('AAPL', '2020-08-03', '2020-08-28', { seed: 0, asOf: '2020-08-28' });
    const after = generateBars('AAPL', '2020-08-03', '2020-08-28', { seed: 0, asOf: '2020-09-01' });
    for (let i = 0; i < before.length; i++) {
      const b = before[i];
      const a = after[i];
      if (!a || !b) throw new Error('missing bar');
      expect(b.close / a.close).toBeCloseTo(4, 1);
      expect(a.volume / b.volume).toBeCloseTo(4, 1);
    }
  });

  it('serves nothing on weekends and holidays', () => {
    expect(generateBars('AAPL', '2025-12-25', '2025-12-25')).toEqual([]);
    expect(generateBars('AAPL', '2025-06-14', '2025-06-15')).toEqual([]);
  });
});
