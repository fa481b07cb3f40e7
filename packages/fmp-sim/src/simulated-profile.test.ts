import { describe, expect, it } from 'vitest';
import { simulatedProfile } from './simulated-profile.js';

describe('simulatedProfile', () => {
  it('uses the real sector and industry of the default symbols', () => {
    expect(simulatedProfile('AAPL')).toMatchObject({
      companyName: 'Apple Inc.',
      sector: 'Technology',
      industry: 'Consumer Electronics',
      cik: '0000320193',
    });
    expect(simulatedProfile('META').sector).toBe('Communication Services');
    expect(simulatedProfile('AMZN').industry).toBe('Specialty Retail');
  });

  it('gives any other symbol a stable, plausible profile', () => {
    const a = simulatedProfile('QWERT');
    expect(simulatedProfile('QWERT')).toEqual(a);
    expect(a.symbol).toBe('QWERT');
    expect(a.cik).toMatch(/^\d{10}$/);
    expect(a.ipoDate).toMatch(/^(19[89]\d)-\d{2}-\d{2}$/);
    expect(a.exchange).toBe('NASDAQ');
    expect(a.sharesOutstanding).toBeGreaterThan(0);
    const sectors = new Set(Array.from({ length: 200 }, (_, i) => simulatedProfile(`Z${i}`).sector));
    expect(sectors.size).toBeGreaterThan(5);
  });
});
