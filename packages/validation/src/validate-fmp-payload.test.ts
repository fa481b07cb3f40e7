import { describe, expect, it } from 'vitest';
import { formatSchemaIssue } from './ajv.js';
import { UnknownEndpointError } from './errors.js';
import { validateFmpPayload } from './validate-fmp-payload.js';

describe('validateFmpPayload', () => {
  it.each([
    [
      'historical-price-eod/full',
      [{ symbol: 'AAPL', date: '2025-06-13', open: 1, high: 2, low: 1, close: 2, volume: 3 }],
    ],
    ['historical-price-eod/full', []],
    ['historical-price-eod/light', [{ symbol: 'AAPL', date: '2025-06-13', price: 196.45, volume: 51447349 }]],
    [
      'eod-bulk',
      [
        {
          symbol: 'AAPL',
          date: '2025-06-13',
          open: '199.73',
          low: '195.7',
          high: '200.37',
          close: '196.45',
          adjClose: '196.21',
          volume: '51447349',
        },
      ],
    ],
    [
      'profile',
      [
        {
          symbol: 'AAPL',
          companyName: 'Apple Inc.',
          marketCap: 2934108476000,
          beta: null,
          fullTimeEmployees: '164000',
          ipoDate: '1980-12-12',
          isEtf: false,
          isActivelyTrading: true,
        },
      ],
    ],
    ['quote', [{ symbol: 'AAPL', price: 196.45, changePercentage: -1.38, timestamp: 1749844801 }]],
    [
      'historical-price-eod/dividend-adjusted',
      [
        {
          symbol: 'AAPL',
          date: '2025-06-13',
          adjOpen: 199.48,
          adjHigh: 200.12,
          adjLow: 195.46,
          adjClose: 196.21,
          volume: 51447349,
        },
      ],
    ],
    ['historical-market-capitalization', [{ symbol: 'AAPL', date: '2025-06-13', marketCap: 2934108476000 }]],
    [
      'batch-quote',
      [
        { symbol: 'AAPL', price: 196.45 },
        { symbol: 'MSFT', price: 474.5 },
      ],
    ],
    [
      'nasdaq-constituent',
      [
        {
          symbol: 'AAPL',
          name: 'Apple Inc.',
          sector: 'Technology',
          dateFirstAdded: null,
          cik: '0000320193',
          founded: '1976',
        },
      ],
    ],
    ['splits', [{ symbol: 'AAPL', date: '2020-08-31', numerator: 4, denominator: 1 }]],
    [
      'dividends',
      [{ symbol: 'AAPL', date: '2025-05-12', recordDate: '', paymentDate: '2025-05-15', dividend: 0.26 }],
    ],
    [
      'holidays-by-exchange',
      [
        {
          exchange: 'NASDAQ',
          date: '2025-11-27',
          name: 'Thanksgiving Day',
          isClosed: true,
          adjOpenTime: null,
          adjCloseTime: null,
        },
      ],
    ],
  ])('accepts a real-shaped %s payload', (endpoint, body) => {
    expect(validateFmpPayload(endpoint, body)).toEqual({ ok: true });
  });

  it('renders one line per problem with path, expectation and value', () => {
    const r = validateFmpPayload('splits', [
      { symbol: 'AAPL', date: '2020-8-31', numerator: '4', denominator: 1 },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map(formatSchemaIssue)).toEqual([
      'at /0/date: expected a date (e.g. 2025-06-13); got "2020-8-31"',
      'at /0/numerator: expected a value of type number; got "4"',
    ]);
  });

  it('rejects an error object where an array is expected', () => {
    const r = validateFmpPayload('profile', { 'Error Message': 'Invalid API KEY' });
    expect(r.ok).toBe(false);
  });

  it('throws for an endpoint without a schema', () => {
    expect(() => validateFmpPayload('income-statement', [])).toThrow(UnknownEndpointError);
  });
});
