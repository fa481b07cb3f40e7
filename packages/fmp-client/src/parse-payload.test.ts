import { describe, expect, it } from 'vitest';
import { FmpMalformedResponseError } from './errors.js';
import { parseCsvPayload, parseRowsPayload } from './parse-payload.js';

const rows = (body: string, type: string | null = 'application/json') => parseRowsPayload(body, type, 'x');

describe('parseRowsPayload', () => {
  it('accepts the stable array and the legacy wrappers', () => {
    expect(rows('[{"date":"2025-01-02"}]')).toEqual([{ date: '2025-01-02' }]);
    expect(rows('{"symbol":"AAPL","historical":[{"date":"2025-01-02"}]}')).toEqual([
      { symbol: 'AAPL', date: '2025-01-02' },
    ]);
    expect(rows('{"historicalStockList":[{"symbol":"A","historical":[{"date":"2025-01-02"}]}]}')).toEqual([
      { symbol: 'A', date: '2025-01-02' },
    ]);
    expect(rows('{}')).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['html', '<!DOCTYPE html><html></html>'],
    ['truncated', '[{"date":"2025-01'],
    ['wrong shape', '{"foo":1}'],
    ['scalar', '42'],
  ])('rejects %s bodies as malformed (transient)', (_name, body) => {
    expect(() => rows(body)).toThrow(FmpMalformedResponseError);
  });
});

describe('parseCsvPayload', () => {
  it('reads a header and rows, with quotes', () => {
    expect(
      parseCsvPayload('symbol,date,close\r\nAAPL,2025-01-02,"1.5"\n"A,B",2025-01-02,2\n', 'text/csv', 'x'),
    ).toEqual([
      { symbol: 'AAPL', date: '2025-01-02', close: '1.5' },
      { symbol: 'A,B', date: '2025-01-02', close: '2' },
    ]);
  });

  it('rejects JSON, empty and header-less bodies', () => {
    for (const body of ['', '[]', 'a,b\n1,2', 'symbol,date,close\nAAPL,2025-01-02,1\nMSFT,2025']) {
      expect(() => parseCsvPayload(body, 'text/csv', 'x')).toThrow(FmpMalformedResponseError);
    }
  });
});
