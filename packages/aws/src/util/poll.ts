/** Backoff of a polling loop: delays grow from `initialDelayMs` by `factor` up to `maxDelayMs`. */
export interface PollOptions {
  /** First delay. Default 500 ms. */
  readonly initialDelayMs?: number;
  /** Longest delay. Default 5000 ms. */
  readonly maxDelayMs?: number;
  /** Growth factor. Default 1.5. */
  readonly factor?: number;
}

/** Sleep that ends early (rejecting with the signal's reason) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Delay before poll number `attempt` (0-based). Pure. */
export function computePollDelay(attempt: number, options: PollOptions = {}): number {
  const initial = options.initialDelayMs ?? 500;
  const max = options.maxDelayMs ?? 5000;
  const factor = options.factor ?? 1.5;
  return Math.min(max, Math.round(initial * factor ** attempt));
}

/** Default {@link Sleep}: `setTimeout`, cancelled by the signal. */
export const sleepWithSignal: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
