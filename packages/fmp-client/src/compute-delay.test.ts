import { describe, expect, it } from 'vitest';
import { computeBackoffMs, computeRateLimitWaitMs, DEFAULT_RETRY } from './compute-delay.js';

describe('computeBackoffMs', () => {
  it('doubles from base with jitter in [step/2, step] and caps at max', () => {
    const retry = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 350 };
    expect(computeBackoffMs(1, retry, () => 0)).toBe(50);
    expect(computeBackoffMs(1, retry, () => 0.999999)).toBe(100);
    expect(computeBackoffMs(2, retry, () => 0.5)).toBe(150);
    expect(computeBackoffMs(6, retry, () => 0.999999)).toBe(350);
  });

  it('defaults to ~1, 2, 4 s', () => {
    expect([1, 2, 3].map((n) => computeBackoffMs(n, DEFAULT_RETRY, () => 0.999999))).toEqual([
      1000, 2000, 4000,
    ]);
  });
});

describe('computeRateLimitWaitMs', () => {
  const now = Date.parse('2026-01-05T15:04:20.000Z');
  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(computeRateLimitWaitMs('2', now, () => 0)).toBe(2000);
    expect(computeRateLimitWaitMs('Mon, 05 Jan 2026 15:04:30 GMT', now, () => 0)).toBe(10_000);
  });
  it('waits for the next minute boundary without Retry-After', () => {
    expect(computeRateLimitWaitMs(null, now, () => 0)).toBe(40_000);
    expect(computeRateLimitWaitMs('', now, () => 0.999)).toBeLessThanOrEqual(40_250);
  });
});
