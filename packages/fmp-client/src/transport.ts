import { classifyResponse } from './classify-response.js';
import { computeBackoffMs, computeRateLimitWaitMs, type RetryOptions } from './compute-delay.js';
import {
  FmpBandwidthError,
  FmpError,
  FmpMalformedResponseError,
  FmpNetworkError,
  FmpRateLimitError,
  FmpSuspendedError,
} from './errors.js';
import type { RateLimiter } from './rate-limiter.js';
import { redactSecrets } from './redact-secrets.js';
import type { Semaphore } from './semaphore.js';
import type { FmpEndpoint, FmpPlan, RawExchange } from './types.js';

/** Everything one client shares between its requests. */
export interface Transport {
  fetch: typeof globalThis.fetch;
  baseUrl: string;
  apiKey: string | undefined;
  plan: FmpPlan;
  timeoutMs: number;
  retry: RetryOptions;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  clock: () => Date;
  limiter: RateLimiter;
  semaphore: Semaphore;
  /** Set by the first bandwidth or suspension error; every later request fails fast with it. */
  breaker: { error: FmpError | null };
  onExchange: ((exchange: RawExchange) => void) | undefined;
}

/** Turns a body into the endpoint's payload; throws {@link FmpMalformedResponseError} when it cannot. */
export type BodyParser<T> = (body: string, contentType: string | null, request: string) => T;

/** One parsed payload plus the exchanges that produced it (failed attempts included). */
export interface TransportResult<T> {
  payload: T;
  exchanges: RawExchange[];
}

/** `endpoint?a=1&b=2` for messages; never includes the key. */
export function describeRequest(endpoint: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return query ? `${endpoint}?${query}` : endpoint;
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function causeText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code =
    cause && typeof cause === 'object' && 'code' in cause
      ? ` (${String((cause as { code: unknown }).code)})`
      : '';
  return `${error.message}${code}`;
}

async function attemptOnce(
  t: Transport,
  url: string,
  request: string,
  endpoint: FmpEndpoint,
): Promise<{
  status: number;
  body: string;
  bytes: number;
  contentType: string | null;
  retryAfter: string | null;
}> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), t.timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'application/json, text/csv;q=0.9, */*;q=0.1' };
    // Header auth (fmp-api.md §8.1): the key never appears in a URL, so no URL can leak it.
    if (t.apiKey) headers['apikey'] = t.apiKey;
    const response = await t.fetch(url, { headers, signal: controller.signal, redirect: 'manual' });
    // Decoded by hand so a leading BOM is kept: the raw zone stores what FMP sent, not a cleaned copy.
    const buffer = await response.arrayBuffer();
    return {
      status: response.status,
      body: UTF8.decode(buffer),
      bytes: buffer.byteLength,
      contentType: response.headers.get('content-type'),
      retryAfter: response.headers.get('retry-after'),
    };
  } catch (error) {
    const secrets = [t.apiKey];
    if (controller.signal.aborted || isTimeout(error)) {
      throw new FmpNetworkError(
        'timeout',
        redactSecrets(`fmp-client: ${request} timed out after ${t.timeoutMs} ms`, secrets),
        { cause: error, endpoint },
      );
    }
    throw new FmpNetworkError(
      'connection',
      redactSecrets(`fmp-client: ${request} failed before a response: ${causeText(error)}`, secrets),
      { cause: error, endpoint },
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls one endpoint under the client's concurrency bound and rate limiter, classifies the answer,
 * parses it, and retries transient failures (429 after Retry-After or the next minute; 5xx, network,
 * malformed: exponential backoff with jitter) within the retry budget. Bandwidth and suspension errors
 * trip the breaker. Thrown errors carry every exchange made.
 * @throws {FmpError} the classified failure of the last attempt
 */
export async function callEndpoint<T>(
  t: Transport,
  endpoint: FmpEndpoint,
  params: Record<string, string>,
  parse: BodyParser<T>,
): Promise<TransportResult<T>> {
  if (t.breaker.error) throw t.breaker.error;
  const request = describeRequest(endpoint, params);
  const query = new URLSearchParams(params).toString();
  const url = `${t.baseUrl}/${endpoint}${query ? `?${query}` : ''}`;
  const shownUrl = redactSecrets(url, [t.apiKey]);
  const exchanges: RawExchange[] = [];

  return t.semaphore.run(async () => {
    for (let attempt = 1; ; attempt++) {
      if (t.breaker.error) throw t.breaker.error;
      await t.limiter.acquire();
      if (t.breaker.error) throw t.breaker.error;
      let error: FmpError;
      let retryAfter: string | null = null;
      try {
        const answer = await attemptOnce(t, url, request, endpoint);
        retryAfter = answer.retryAfter;
        // A body that echoes the key is the one thing not landed as received: the key never reaches
        // the raw zone (`redacted` says so).
        const redacted = t.apiKey ? redactSecrets(answer.body, [t.apiKey]) : answer.body;
        const exchange: RawExchange = {
          endpoint,
          params: { ...params },
          status: answer.status,
          body: redacted,
          redacted: redacted !== answer.body,
          bytes: answer.bytes,
          contentType: answer.contentType,
          receivedAt: t.clock().toISOString(),
          attempt,
          url: shownUrl,
        };
        exchanges.push(exchange);
        t.onExchange?.(exchange);
        const classified = classifyResponse({
          status: answer.status,
          body: redacted,
          plan: t.plan,
          request,
          endpoint,
        });
        if (!classified) return { payload: parse(redacted, answer.contentType, request), exchanges };
        error = classified;
      } catch (caught) {
        if (!(caught instanceof FmpError)) throw caught;
        error = caught;
      }
      error.exchanges = exchanges;
      if (error instanceof FmpBandwidthError || error instanceof FmpSuspendedError) {
        t.breaker.error ??= error;
        throw t.breaker.error;
      }
      let waitMs: number;
      if (error instanceof FmpRateLimitError && error.transient) {
        const now = t.clock().getTime();
        waitMs = computeRateLimitWaitMs(retryAfter, now, t.random);
        // Tell the caller how long FMP wants, even when the retry budget is spent.
        error.retryAfterMs = waitMs;
        if (attempt > t.retry.maxRetries) throw error;
        // Everyone waits: the per-minute budget is shared by the whole client.
        t.limiter.blockUntil(now + waitMs);
      } else {
        if (!error.transient || attempt > t.retry.maxRetries) throw error;
        waitMs = computeBackoffMs(attempt, t.retry, t.random);
      }
      await t.sleep(waitMs);
    }
  });
}

/** Parses a JSON body, naming what was wrong (empty, HTML, truncated) when it is not JSON. */
export function parseJsonBody(body: string, contentType: string | null, request: string): unknown {
  const trimmed = body.trim();
  if (trimmed === '') throw new FmpMalformedResponseError(`fmp-client: empty body for ${request}`);
  if (trimmed.startsWith('<') || (contentType ?? '').includes('text/html')) {
    throw new FmpMalformedResponseError(`fmp-client: HTML page instead of JSON for ${request}`);
  }
  try {
    return JSON.parse(trimmed) as unknown;
  } catch (cause) {
    throw new FmpMalformedResponseError(
      `fmp-client: invalid or truncated JSON for ${request} (${body.length} chars: ${JSON.stringify(body.slice(0, 60))}…)`,
      { cause },
    );
  }
}
