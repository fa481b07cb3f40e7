import { describe, expect, it } from 'vitest';
import { SimConfigError } from './errors.js';
import { createFaultInjector, validateFaults } from './faults.js';

describe('validateFaults', () => {
  it('accepts the documented fields', () => {
    expect(
      validateFaults([{ endpoint: 'profile', symbol: 'AAPL', kind: 'http-500', probability: 0.5, times: 2 }]),
    ).toHaveLength(1);
  });

  it.each([
    [{}, /must be a list/],
    [[{ kind: 'boom' }], /faults\[0\]\.kind/],
    [[{ kind: 'reset', probability: 2 }], /probability/],
    [[{ kind: 'reset', times: -1 }], /times/],
    [[{ kind: 'reset', sometimes: true }], /unknown field "sometimes"/],
  ])('rejects %j', (value, message) => {
    expect(() => validateFaults(value)).toThrow(SimConfigError);
    expect(() => validateFaults(value)).toThrow(message);
  });
});

describe('createFaultInjector', () => {
  const rules = validateFaults([{ endpoint: 'historical-price-eod/*', kind: 'http-503', probability: 0.5 }]);

  function sequence(seed: number, symbol: string): string {
    const injector = createFaultInjector(rules, seed);
    return Array.from({ length: 64 }, () =>
      injector.draw('historical-price-eod/full', symbol).length ? 'x' : '.',
    ).join('');
  }

  it('is reproducible per seed and independent of other symbols’ traffic', () => {
    const interleaved = createFaultInjector(rules, 9);
    const seen: string[] = [];
    for (let i = 0; i < 64; i++) {
      interleaved.draw('historical-price-eod/full', 'OTHER');
      seen.push(interleaved.draw('historical-price-eod/full', 'AAPL').length ? 'x' : '.');
    }
    expect(seen.join('')).toBe(sequence(9, 'AAPL'));
    expect(sequence(9, 'AAPL')).not.toBe(sequence(10, 'AAPL'));
    const hits = sequence(9, 'AAPL').split('x').length - 1;
    expect(hits).toBeGreaterThan(16);
    expect(hits).toBeLessThan(48);
  });

  it('matches endpoint prefixes and symbols, and stops after `times`', () => {
    const injector = createFaultInjector(validateFaults([{ symbol: 'AAPL', kind: 'reset', times: 2 }]), 0);
    expect(injector.draw('profile', 'MSFT')).toEqual([]);
    expect(injector.draw('profile', 'AAPL')).toEqual(['reset']);
    expect(injector.draw('splits', 'AAPL')).toEqual(['reset']);
    expect(injector.draw('profile', 'AAPL')).toEqual([]);
  });
});
