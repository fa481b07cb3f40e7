import { createSimFetch } from '@nasdaq-pipeline/fmp-sim';
import { describe, expect, it } from 'vitest';
import { createFmpClient, type FmpClientOptions } from './create-fmp-client.js';
import { FmpAuthError, FmpInvalidArgumentError, FmpPlanError } from './errors.js';

// In-process runs on the simulator's fetch (no sockets): option handling, limits and mapping.
const NOW = new Date('2025-06-14T16:00:00Z');

function make(options: Partial<FmpClientOptions> = {}, sim: Parameters<typeof createSimFetch>[0] = {}) {
  let elapsed = 0;
  const sleeps: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const simFetch = createSimFetch({ now: () => NOW, latencyMs: 2, ...sim });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await simFetch(input, init);
    } finally {
      inFlight--;
    }
  };
  const client = createFmpClient({
    apiKey: 'k',
    plan: 'premium',
    fetch,
    clock: () => new Date(NOW.getTime() + elapsed),
    sleep: async (ms) => {
      sleeps.push(ms);
      elapsed += ms;
    },
    ...options,
  });
  return { client, sleeps, maxInFlight: () => maxInFlight };
}

describe('createFmpClient options', () => {
  it.each([
    [{ plan: 'gold' }, /plan must be/],
    [{ baseUrl: 'ftp://x/stable' }, /baseUrl/],
    [{ baseUrl: 'https://x/stable?apikey=1' }, /baseUrl/],
    [{ concurrency: 0 }, /concurrency/],
    [{ rateLimitFraction: 1.5 }, /rateLimitFraction/],
    [{ retry: { maxRetries: -1 } }, /maxRetries/],
  ])('rejects %j', (bad, message) => {
    expect(() =>
      createFmpClient({ apiKey: 'k', plan: 'premium', ...(bad as object) } as FmpClientOptions),
    ).toThrow(message);
    expect(() =>
      createFmpClient({ apiKey: 'k', plan: 'premium', ...(bad as object) } as FmpClientOptions),
    ).toThrow(FmpInvalidArgumentError);
  });

  it('rejects bad dates before any I/O', async () => {
    const { client } = make();
    await expect(
      client.historicalEod({ symbol: 'AAPL', from: '2025-13-01', to: '2025-12-31' }),
    ).rejects.toThrow(FmpInvalidArgumentError);
    await expect(
      client.historicalEod({ symbol: 'AAPL', from: '2025-06-02', to: '2025-06-01' }),
    ).rejects.toThrow(/after/);
  });
});

describe('createFmpClient on the in-process simulator', () => {
  it('keeps at most `concurrency` requests in flight', async () => {
    const { client, maxInFlight } = make({ concurrency: 3 });
    const symbols = Array.from({ length: 12 }, (_, i) => `C${i}`);
    await Promise.all(symbols.map((symbol) => client.profile(symbol)));
    expect(maxInFlight()).toBe(3);
  });

  it('throttles the free plan at 80 % of 250 calls per day', async () => {
    const { client, sleeps } = make(
      { plan: 'free', concurrency: 8 },
      { plan: 'free', enforceRateLimit: false },
    );
    await Promise.all(Array.from({ length: 201 }, () => client.quote('AAPL')));
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBe(86_400_000);
  });

  it('gates eod-bulk below ultimate and batch-quote below premium', async () => {
    const premium = make();
    await expect(premium.client.eodBulk('2025-06-13')).rejects.toThrow(FmpPlanError);
    expect(premium.client.allows('batch-quote')).toBe(true);
    const starter = make({ plan: 'starter' });
    const quotes = await starter.client.quote(['AAPL', 'msft', 'AAPL']);
    expect(quotes.raw.map((r) => r.endpoint)).toEqual(['quote', 'quote']);
    expect(quotes.rows.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT']);
  });

  it('maps dividend-adjusted bars onto open/high/low/close', async () => {
    const { client } = make();
    const q = { symbol: 'INTC', from: '2024-01-02', to: '2024-03-28' };
    const full = await client.historicalEod(q);
    const adjusted = await client.historicalEod({ ...q, adjustment: 'dividend-adjusted' });
    expect(adjusted.raw[0]?.endpoint).toBe('historical-price-eod/dividend-adjusted');
    expect(adjusted.rows.map((r) => r.date)).toEqual(full.rows.map((r) => r.date));
    expect(adjusted.rows.every((r, i) => r.close <= (full.rows[i]?.close ?? 0) && r.low <= r.high)).toBe(
      true,
    );
  });

  it('reads the old 200 "Invalid API KEY" body as FmpAuthError', async () => {
    const { client } = make({}, { faults: [{ kind: 'invalid-key-200' }] });
    await expect(client.profile('AAPL')).rejects.toThrow(FmpAuthError);
  });

  it('sends no key header when apiKey is undefined (sample mode)', async () => {
    const seen: (string | null)[] = [];
    const simFetch = createSimFetch({ now: () => NOW });
    const client = createFmpClient({
      apiKey: undefined,
      plan: 'ultimate',
      fetch: async (input, init) => {
        seen.push(new Headers(init?.headers).get('apikey'));
        return simFetch(input, init);
      },
    });
    const result = await client.splits('AAPL');
    expect(result.rows.length).toBeGreaterThan(0);
    expect(seen).toEqual([null]);
  });

  it('never lands the key, even when a body echoes it', async () => {
    const key = 'echo-me-0123456789';
    const simFetch = createSimFetch({ now: () => NOW, faults: [{ kind: 'invalid-key' }] });
    const client = createFmpClient({
      apiKey: key,
      plan: 'premium',
      // Wraps the simulator so its 401 body repeats the key it received, as a careless proxy might.
      fetch: async (input, init) => {
        const response = await simFetch(input, init);
        const sent = new Headers(init?.headers).get('apikey');
        return new Response(`${await response.text()} (key: ${sent})`, response);
      },
    });
    const error = (await client.profile('AAPL').catch((e: unknown) => e)) as FmpAuthError;
    expect(error).toBeInstanceOf(FmpAuthError);
    expect(error.exchanges[0]?.redacted).toBe(true);
    expect(JSON.stringify(error.exchanges)).not.toContain(key);
    expect(error.message).not.toContain(key);
    expect(error.exchanges[0]?.body).toContain('(key: ***)');
  });
});
