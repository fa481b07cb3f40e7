import { createNasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import { describe, expect, it } from 'vitest';
import { buildSuiteRunParams } from './build-suite-run-params.js';

describe('buildSuiteRunParams', () => {
  it('lists the sessions of the window, honouring extra closures', () => {
    const p = buildSuiteRunParams({
      runId: 'R',
      window: { from: '2025-06-18', to: '2025-06-23' },
      symbols: ['AAPL'],
    });
    expect(p.sessions).toEqual(['2025-06-18', '2025-06-20', '2025-06-23']);
    expect(p.scope).toBe('window');
    const calendar = createNasdaqCalendar({ extraClosures: [{ date: '2025-06-20', name: 'Snow day' }] });
    expect(
      buildSuiteRunParams({
        runId: 'R',
        window: { from: '2025-06-18', to: '2025-06-23' },
        symbols: [],
        calendar,
      }).sessions,
    ).toEqual(['2025-06-18', '2025-06-23']);
  });
});
