import { describe, expect, it } from 'vitest';
import { mapLimit } from './map-limit.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('mapLimit', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n, i) => {
      running += 1;
      peak = Math.max(peak, running);
      for (let k = 0; k < n; k++) await tick();
      running -= 1;
      return `${i}:${n}`;
    });
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3']);
    expect(peak).toBe(2);
  });

  it('rejects with the first error, starts nothing after it, and lets the calls in flight finish first', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    await expect(
      mapLimit([1, 2, 3, 4, 5], 2, async (n) => {
        started.push(n);
        for (let k = 0; k < (n === 1 ? 5 : 1); k++) await tick();
        if (n === 2) throw new Error('file 2 is not Parquet');
        finished.push(n);
        return n;
      }),
    ).rejects.toThrow('file 2 is not Parquet');
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([1]);
  });

  it('returns an empty list for no items', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});
