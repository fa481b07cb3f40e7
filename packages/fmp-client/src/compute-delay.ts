/** Retry budget and backoff bounds. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries: number;
  /** First backoff step in ms (default 1000); doubles each retry. */
  baseDelayMs: number;
  /** Cap of one backoff step in ms (default 30 000). */
  maxDelayMs: number;
}

/** Default retry budget: 3 retries, 1 s doubling, 30 s cap (fmpsdk waits ~1, 2, 4 s). */
export const DEFAULT_RETRY: Readonly<RetryOptions> = {
  maxRetries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
};

/**
 * Exponential backoff with "equal jitter": step = min(max, base·2^(retry−1)); the wait is uniformly
 * drawn from [step/2, step], so concurrent clients spread out but never retry immediately.
 * `retry` is 1 for the first retry; `random` returns [0, 1).
 */
export function computeBackoffMs(retry: number, retryOptions: RetryOptions, random: () => number): number {
  const step = Math.min(retryOptions.maxDelayMs, retryOptions.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * Milliseconds to wait after a 429: the `Retry-After` header (seconds or an HTTP date) when present,
 * else until the next minute boundary, since FMP sends no Retry-After and counts per clock minute.
 * A little jitter (≤ 250 ms) keeps concurrent requests from stampeding at :00.
 */
export function computeRateLimitWaitMs(
  retryAfter: string | null,
  nowMs: number,
  random: () => number,
): number {
  const jitter = Math.round(random() * 250);
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const value = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000) + jitter;
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs) + jitter;
  }
  return 60_000 - (nowMs % 60_000) + jitter;
}
