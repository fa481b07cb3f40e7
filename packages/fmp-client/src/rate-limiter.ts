/** A client-side throttle shared by every request of one client. */
export interface RateLimiter {
  /** Resolves when one more call may start; calls are granted in the order asked. */
  acquire(): Promise<void>;
  /** Holds every later grant until `epochMs` (after a 429, so the whole client waits, not one request). */
  blockUntil(epochMs: number): void;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Calls allowed in any `windowMs`. */
  limit: number;
  windowMs: number;
  /** Milliseconds since the epoch. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * A token bucket of `limit` tokens in which each token comes back exactly `windowMs` after it was
 * spent (a sliding-window log). Unlike a continuously refilled bucket it allows a full burst and still
 * never exceeds `limit` calls in any window, which is how FMP counts ("N calls per minute").
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs, now, sleep } = options;
  const grants: number[] = [];
  let head = 0;
  let blockedUntil = 0;
  let queue: Promise<void> = Promise.resolve();
  // Time never runs backwards for the limiter, and a wait always counts as elapsed, so a frozen
  // injected clock (a fixed "run time") cannot make it wait forever.
  let floor = 0;
  const current = (): number => (floor = Math.max(now(), floor));
  const wait = async (t: number, ms: number): Promise<void> => {
    await sleep(ms);
    floor = Math.max(floor, t + ms);
  };

  async function grant(): Promise<void> {
    for (;;) {
      const t = current();
      if (blockedUntil > t) {
        await wait(t, blockedUntil - t);
        continue;
      }
      while (head < grants.length && (grants[head] as number) <= t - windowMs) head++;
      if (head > 1024 && head * 2 > grants.length) {
        grants.splice(0, head);
        head = 0;
      }
      if (grants.length - head < limit) {
        grants.push(t);
        return;
      }
      await wait(t, Math.max(1, (grants[head] as number) + windowMs - t));
    }
  }

  return {
    acquire() {
      const next = queue.then(grant);
      queue = next.catch(() => undefined);
      return next;
    },
    blockUntil(epochMs) {
      blockedUntil = Math.max(blockedUntil, epochMs);
    },
  };
}
