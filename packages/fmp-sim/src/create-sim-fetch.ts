import { createSimMarket, type SimMarketOptions } from './create-sim-market.js';

/** Options of {@link createSimFetch}. */
export interface SimFetchOptions extends SimMarketOptions {
  /** Delay before each answer in ms (default 0). */
  latencyMs?: number;
  /** How long a `timeout` fault hangs when the caller passes no abort signal (default 30 000 ms). */
  hangMs?: number;
}

function connectionReset(): TypeError {
  // The shape undici gives a reset connection: TypeError('fetch failed') with a coded cause.
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  });
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * An in-process `fetch` answered by the simulated market: no socket, any host, paths under
 * `/stable/…`. Used by the CLI's `sample` source so the whole client path (auth header, gating,
 * classification, retries) runs without an FMP key. Honours `AbortSignal` (timeouts).
 * @throws {SimConfigError} for bad options (at creation)
 */
export function createSimFetch(options: SimFetchOptions = {}): typeof globalThis.fetch {
  const market = createSimMarket(options);
  const latencyMs = options.latencyMs ?? 0;
  const hangMs = options.hangMs ?? 30_000;
  const simFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : null;
    const url = new URL(request ? request.url : String(input));
    const headers = new Headers(init?.headers ?? request?.headers);
    const signal = init?.signal ?? request?.signal ?? undefined;
    signal?.throwIfAborted();
    if (latencyMs > 0) await wait(latencyMs, signal);
    const answer = market.handle({ method: init?.method ?? request?.method ?? 'GET', url, headers });
    if (answer.kind === 'reset') throw connectionReset();
    if (answer.kind === 'hang') {
      await wait(hangMs, signal);
      throw connectionReset();
    }
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
  return simFetch as typeof globalThis.fetch;
}
