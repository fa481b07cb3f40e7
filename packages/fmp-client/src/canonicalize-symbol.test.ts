import { describe, expect, it } from 'vitest';
import { canonicalizeSymbol } from './canonicalize-symbol.js';
import { FmpInvalidSymbolError } from './errors.js';

describe('canonicalizeSymbol', () => {
  it.each([
    ['aapl', 'AAPL'],
    [' msft ', 'MSFT'],
    ['BRK.B', 'BRK-B'],
    ['brk/b', 'BRK-B'],
    ['BRK-B', 'BRK-B'],
    ['BF.B', 'BF-B'],
    ['VOD.L', 'VOD.L'],
    ['SHOP.TO', 'SHOP.TO'],
    ['^IXIC', '^IXIC'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeSymbol(input)).toBe(expected);
  });

  it.each([
    '../x',
    'A;DROP',
    '%2e%2e',
    'AAPL ', // trimmed, fine — checked below
    '',
    '   ',
    'A'.repeat(200),
    'ΑAPL', // Greek capital alpha
    'AАPL', // Cyrillic a
    'ﬁ', // ligature that toUpperCase would turn into FI
    'straße',
    'AAPL?apikey=x',
    'A B',
    '.A',
    'A..B',
    'A-',
    '^',
    'BRK-B-C',
  ])('rejects %j before any I/O', (input) => {
    if (input === 'AAPL ') {
      expect(canonicalizeSymbol(input)).toBe('AAPL');
      return;
    }
    expect(() => canonicalizeSymbol(input)).toThrow(FmpInvalidSymbolError);
  });

  it('names the input and the fix in the error', () => {
    const error = (() => {
      try {
        canonicalizeSymbol('A;DROP');
      } catch (e) {
        return e as FmpInvalidSymbolError;
      }
      return null;
    })();
    expect(error?.code).toBe('FMP_INVALID_SYMBOL');
    expect(error?.transient).toBe(false);
    expect(error?.message).toContain('"A;DROP"');
    expect(error?.message).toContain('BRK-B');
  });

  it('truncates a huge input in the message', () => {
    expect(() => canonicalizeSymbol('X'.repeat(200))).toThrow(/…/);
  });
});
