import { describe, expect, it } from 'vitest';
import { nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import { planExtract, type SymbolState } from './extract-plan.js';

const opts = { calendar: nasdaqCalendar, bootstrapDays: 400 };
const states = (list: SymbolState[]) => new Map(list.map((s) => [s.symbol, s]));

describe('planExtract', () => {
  it('bootstraps 400 calendar days for a new symbol', () => {
    const items = planExtract(
      ['AAPL'],
      new Map(),
      { from: '2025-06-13', to: '2025-06-13', mode: 'latest' },
      opts,
    );
    expect(items).toEqual([{ symbol: 'AAPL', from: '2024-05-09', to: '2025-06-13', reason: 'bootstrap' }]);
  });

  it('fetches from the session after the last stored one, across a holiday weekend', () => {
    const s = states([{ symbol: 'MSFT', firstDate: '2024-01-02', lastDate: '2025-07-03' }]);
    const items = planExtract(['MSFT'], s, { from: '2025-07-08', to: '2025-07-08', mode: 'latest' }, opts);
    // 2025-07-04 is Independence Day: the next session after Jul 3 is Mon Jul 7.
    expect(items).toEqual([{ symbol: 'MSFT', from: '2025-07-07', to: '2025-07-08', reason: 'incremental' }]);
  });

  it('plans nothing for a symbol that is up to date', () => {
    const s = states([{ symbol: 'MSFT', firstDate: '2024-01-02', lastDate: '2025-07-08' }]);
    expect(planExtract(['MSFT'], s, { from: '2025-07-08', to: '2025-07-08', mode: 'latest' }, opts)).toEqual(
      [],
    );
  });

  it('refetches an explicit window even when stored', () => {
    const s = states([{ symbol: 'MSFT', firstDate: '2024-01-02', lastDate: '2025-07-08' }]);
    expect(planExtract(['MSFT'], s, { from: '2025-07-01', to: '2025-07-02', mode: 'range' }, opts)).toEqual([
      { symbol: 'MSFT', from: '2025-07-01', to: '2025-07-02', reason: 'requested' },
    ]);
  });
});
