import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

function fakeTime() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe('createRateLimiter', () => {
  it('allows a full burst, then never more than the limit in any window', async () => {
    const t = fakeTime();
    const limiter = createRateLimiter({ limit: 5, windowMs: 60_000, now: t.now, sleep: t.sleep });
    const grants: number[] = [];
    for (let i = 0; i < 12; i++) {
      await limiter.acquire();
      grants.push(t.now());
    }
    expect(grants.slice(0, 5).every((g) => g === 1_000_000)).toBe(true);
    for (let i = 5; i < grants.length; i++) {
      expect((grants[i] as number) - (grants[i - 5] as number)).toBeGreaterThanOrEqual(60_000);
    }
  });

  it('grants concurrent callers in order', async () => {
    const t = fakeTime();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: t.now, sleep: t.sleep });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => limiter.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(t.now()).toBe(1_001_000);
  });

  it('holds every grant until blockUntil', async () => {
    const t = fakeTime();
    const limiter = createRateLimiter({ limit: 100, windowMs: 1000, now: t.now, sleep: t.sleep });
    limiter.blockUntil(1_030_000);
    await limiter.acquire();
    expect(t.now()).toBe(1_030_000);
  });

  it('still makes progress when the injected clock is frozen', async () => {
    const sleeps: number[] = [];
    const limiter = createRateLimiter({
      limit: 2,
      windowMs: 1000,
      now: () => 5000,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    for (let i = 0; i < 5; i++) await limiter.acquire();
    expect(sleeps).toEqual([1000, 1000]);
  });
});
