import { describe, expect, it } from 'vitest';
import { formatRows } from './format-rows.js';

const rows = [
  { symbol: 'AAPL', close: 196.45, note: 'a,"b"' },
  { symbol: 'MSFT', close: null, note: null },
];

describe('formatRows', () => {
  it('renders an aligned table with NULLs and a row count', () => {
    expect(formatRows(['symbol', 'close'], rows, 'table')).toBe(
      'symbol   close\n------  ------\nAAPL    196.45\nMSFT      NULL\n(2 rows)\n',
    );
  });

  it('renders RFC 4180 CSV and a JSON array', () => {
    expect(formatRows(['symbol', 'note'], rows, 'csv')).toBe('symbol,note\nAAPL,"a,""b"""\nMSFT,\n');
    expect(JSON.parse(formatRows(['symbol'], rows, 'json'))).toEqual(rows);
  });
});
