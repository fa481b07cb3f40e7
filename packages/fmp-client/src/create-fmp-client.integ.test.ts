import { nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import { type FaultRule, type SimServer, startSimServer } from '@nasdaq-pipeline/fmp-sim';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createFmpClient, type FmpClientOptions } from './create-fmp-client.js';
import {
  FmpAuthError,
  FmpBandwidthError,
  FmpError,
  FmpLegacyEndpointError,
  FmpMalformedResponseError,
  FmpNetworkError,
  FmpPlanError,
  FmpRateLimitError,
  FmpServerError,
  FmpSuspendedError,
} from './errors.js';
import type { FmpPlan } from './types.js';

// Every exchange, error message and serialised error of this file lands here; the last test proves
// the key appears in none of them.
const KEY = 'sk-live-Zx9QwErTy-0123456789';
const transcript: string[] = [];
const SATURDAY = '2025-06-14T16:00:00Z';
let server: SimServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

interface Setup {
  plan?: FmpPlan;
  serverPlan?: FmpPlan;
  faults?: FaultRule[];
  now?: string;
  symbols?: string[];
  serverKey?: string;
  client?: Partial<FmpClientOptions>;
}

async function setup(options: Setup = {}) {
  const nowIso = options.now ?? SATURDAY;
  server = await startSimServer({
    seed: 7,
    plan: options.serverPlan ?? options.plan ?? 'premium',
    faults: options.faults ?? [],
    now: () => new Date(nowIso),
    symbols: options.symbols,
    apiKey: options.serverKey ?? KEY,
  });
  let elapsed = 0;
  const sleeps: number[] = [];
  const client = createFmpClient({
    apiKey: KEY,
    baseUrl: server.url,
    plan: options.plan ?? 'premium',
    // Time moves only when the client sleeps, so 429 waits of a minute cost nothing.
    clock: () => new Date(Date.parse(nowIso) + elapsed),
    sleep: async (ms) => {
      sleeps.push(ms);
      elapsed += ms;
    },
    random: () => 0.5,
    timeoutMs: 2000,
    onExchange: (ex) => transcript.push(JSON.stringify(ex)),
    ...options.client,
  });
  return { client, sleeps, requests: () => server?.requests() ?? 0 };
}

async function failure(promise: Promise<unknown>): Promise<FmpError> {
  try {
    await promise;
  } catch (error) {
    transcript.push(String(error), (error as Error).stack ?? '', JSON.stringify(error));
    if (error instanceof FmpError) transcript.push(JSON.stringify(error.exchanges));
    return error as FmpError;
  }
  throw new Error('expected a failure');
}

describe('createFmpClient against the fake FMP server', () => {
  it('fetches 12 years of history in 5-year windows, ascending, one bar per session', async () => {
    const { client, requests } = await setup();
    const result = await client.historicalEod({ symbol: 'aapl', from: '2013-01-01', to: '2024-12-31' });
    expect(result.raw.map((r) => [r.params['from'], r.params['to']])).toEqual([
      ['2013-01-01', '2017-12-31'],
      ['2018-01-01', '2022-12-31'],
      ['2023-01-01', '2024-12-31'],
    ]);
    expect(requests()).toBe(3);
    expect(result.rows.map((r) => r.date)).toEqual(
      nasdaqCalendar.sessionsBetween('2013-01-01', '2024-12-31'),
    );
    expect(result.rows.every((r) => r.symbol === 'AAPL')).toBe(true);
    // Raw bodies are kept exactly as received: FMP order is newest first.
    const first = JSON.parse(result.raw[0]?.body ?? '[]') as { date: string }[];
    expect(first[0]?.date).toBe('2017-12-29');
    expect(result.raw[0]?.params).toEqual({ symbol: 'AAPL', from: '2013-01-01', to: '2017-12-31' });
    expect(result.raw[0]?.contentType).toContain('application/json');
    expect(result.raw.every((r) => r.bytes === Buffer.byteLength(r.body))).toBe(true);
    transcript.push(JSON.stringify(result));
  });

  it('answers [] for an unknown symbol as no rows, not an error', async () => {
    const { client } = await setup({ symbols: ['AAPL'] });
    const result = await client.historicalEod({ symbol: 'ZZZZ', from: '2025-01-01', to: '2025-06-13' });
    expect(result.rows).toEqual([]);
    expect(result.raw[0]?.body).toBe('[]');
  });

  it("drops today's partial bar while the session is open, keeps it once settled", async () => {
    const open = await setup({ now: '2025-06-16T18:00:00Z' });
    const during = await open.client.historicalEod({ symbol: 'MSFT', from: '2025-06-10', to: '2025-06-16' });
    expect(during.rows.at(-1)?.date).toBe('2025-06-13');
    expect(during.dropped).toEqual([expect.objectContaining({ reason: 'partial-session' })]);
    await server?.close();
    const settled = await setup({ now: '2025-06-16T21:00:00Z' });
    const after = await settled.client.historicalEod({
      symbol: 'MSFT',
      from: '2025-06-10',
      to: '2025-06-16',
    });
    expect(after.rows.at(-1)?.date).toBe('2025-06-16');
  });

  it('rejects a wrong key with FmpAuthError, without retrying', async () => {
    const { client, requests } = await setup({ serverKey: 'the-right-key' });
    const error = await failure(client.profile('AAPL'));
    expect(error).toBeInstanceOf(FmpAuthError);
    expect(error.transient).toBe(false);
    expect(requests()).toBe(1);
    expect(error.exchanges[0]?.status).toBe(401);
  });

  it('gates an endpoint the plan lacks before calling it', async () => {
    const { client, requests } = await setup({ plan: 'starter' });
    const error = await failure(client.nasdaqConstituents());
    expect(error).toBeInstanceOf(FmpPlanError);
    expect((error as FmpPlanError).scope).toBe('endpoint');
    expect(requests()).toBe(0);
  });

  it('reads a plain-text 402 as an endpoint plan error and keeps its body', async () => {
    const { client } = await setup({ plan: 'premium', serverPlan: 'starter' });
    const error = await failure(client.nasdaqConstituents());
    expect((error as FmpPlanError).scope).toBe('endpoint');
    expect(error.exchanges[0]?.body).toMatch(/^Restricted Endpoint/);
  });

  it('reads a free-plan symbol refusal as a symbol plan error', async () => {
    const { client, requests } = await setup({ plan: 'free' });
    const error = await failure(
      client.historicalEod({ symbol: 'TSLA', from: '2025-01-01', to: '2025-06-13' }),
    );
    expect(error).toBeInstanceOf(FmpPlanError);
    expect((error as FmpPlanError).scope).toBe('symbol');
    expect(requests()).toBe(1);
  });

  it('reads a legacy path as FmpLegacyEndpointError', async () => {
    const { client } = await setup();
    const legacy = createFmpClient({
      apiKey: KEY,
      plan: 'premium',
      baseUrl: (server?.url ?? '').replace('/stable', '/api/v3'),
      sleep: async () => undefined,
    });
    expect(await failure(legacy.profile('AAPL'))).toBeInstanceOf(FmpLegacyEndpointError);
    expect(await failure(client.profile('AAPL').then(() => legacy.quote('AAPL')))).toBeInstanceOf(
      FmpLegacyEndpointError,
    );
  });

  it('waits for the next minute after a 429 without Retry-After, then succeeds', async () => {
    const { client, sleeps, requests } = await setup({ faults: [{ kind: 'rate-limit', times: 2 }] });
    const result = await client.profile('AAPL');
    expect(result.rows[0]?.symbol).toBe('AAPL');
    expect(result.raw.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(requests()).toBe(3);
    // 16:00:00 → next minute boundary is 60 s away, plus ≤ 250 ms jitter.
    expect(sleeps[0]).toBeGreaterThanOrEqual(60_000);
    expect(sleeps[0]).toBeLessThanOrEqual(60_250);
  });

  it('honours Retry-After on a 429', async () => {
    const { client, sleeps } = await setup({ faults: [{ kind: 'rate-limit-retry-after', times: 1 }] });
    await client.splits('NVDA');
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(sleeps[0]).toBeLessThan(1300);
  });

  it('gives up on a persistent per-minute 429 after the retry budget', async () => {
    const { client, sleeps, requests } = await setup({
      faults: [{ kind: 'rate-limit', endpoint: 'quote' }],
      client: { retry: { maxRetries: 2 } },
    });
    const error = await failure(client.quote('AAPL'));
    expect(error).toBeInstanceOf(FmpRateLimitError);
    expect(error.transient).toBe(true);
    expect((error as FmpRateLimitError).retryAfterMs).toBeGreaterThanOrEqual(1);
    expect(requests()).toBe(3);
    // Each wait runs to the next minute boundary of the (advancing) client clock.
    expect(sleeps.every((ms) => ms > 0 && ms <= 60_250)).toBe(true);
  });

  it('does not retry a free-plan (daily) 429', async () => {
    const { client, requests } = await setup({ plan: 'free', faults: [{ kind: 'rate-limit' }] });
    const error = await failure(client.profile('AAPL'));
    expect(error).toBeInstanceOf(FmpRateLimitError);
    expect((error as FmpRateLimitError).window).toBe('day');
    expect(requests()).toBe(1);
  });

  it.each(['http-500', 'http-502', 'http-503'] as const)(
    'retries %s with exponential backoff and jitter',
    async (kind) => {
      const { client, sleeps } = await setup({ faults: [{ kind, times: 2 }] });
      const result = await client.dividends('AAPL');
      expect(result.rows.length).toBeGreaterThan(0);
      expect(result.raw.map((r) => r.attempt)).toEqual([1, 2, 3]);
      expect(sleeps).toEqual([750, 1500]);
    },
  );

  it('gives up after the retry budget with FmpServerError carrying every exchange', async () => {
    const { client, requests } = await setup({
      faults: [{ kind: 'http-503' }],
      client: { retry: { maxRetries: 2 } },
    });
    const error = await failure(client.quote('AAPL'));
    expect(error).toBeInstanceOf(FmpServerError);
    expect(error.status).toBe(503);
    expect(error.exchanges).toHaveLength(3);
    expect(requests()).toBe(3);
  });

  it('times out a hung request and retries it', async () => {
    const { client } = await setup({ faults: [{ kind: 'timeout', times: 1 }], client: { timeoutMs: 150 } });
    const result = await client.profile('AMD');
    expect(result.rows).toHaveLength(1);
    expect(result.raw).toHaveLength(1);
  });

  it('reports a request that keeps timing out as FmpNetworkError(timeout)', async () => {
    const { client } = await setup({
      faults: [{ kind: 'timeout' }],
      client: { timeoutMs: 100, retry: { maxRetries: 1 } },
    });
    const error = await failure(client.profile('AMD'));
    expect(error).toBeInstanceOf(FmpNetworkError);
    expect((error as FmpNetworkError).reason).toBe('timeout');
    expect(error.transient).toBe(true);
  });

  it('retries a reset connection, and reports a persistent one as FmpNetworkError(connection)', async () => {
    const once = await setup({ faults: [{ kind: 'reset', times: 1 }] });
    expect((await once.client.profile('INTC')).rows).toHaveLength(1);
    await server?.close();
    const always = await setup({ faults: [{ kind: 'reset' }], client: { retry: { maxRetries: 1 } } });
    const error = await failure(always.client.profile('INTC'));
    expect(error).toBeInstanceOf(FmpNetworkError);
    expect((error as FmpNetworkError).reason).toBe('connection');
  });

  it.each(['malformed-json', 'html', 'truncated', 'empty'] as const)(
    'retries a %s body, then reports FmpMalformedResponseError',
    async (kind) => {
      const once = await setup({ faults: [{ kind, endpoint: 'profile', times: 1 }] });
      expect((await once.client.profile('META')).rows).toHaveLength(1);
      await server?.close();
      const always = await setup({
        faults: [{ kind, endpoint: 'profile' }],
        client: { retry: { maxRetries: 1 } },
      });
      const error = await failure(always.client.profile('META'));
      expect(error).toBeInstanceOf(FmpMalformedResponseError);
      expect(error.exchanges).toHaveLength(2);
    },
  );

  it.each([
    ['bandwidth', FmpBandwidthError],
    ['suspended', FmpSuspendedError],
  ] as const)('a %s error stops every later request of the client', async (kind, type) => {
    const { client, requests } = await setup({ faults: [{ kind, symbol: 'AMZN' }] });
    expect((await client.profile('AAPL')).rows).toHaveLength(1);
    const first = await failure(client.profile('AMZN'));
    expect(first).toBeInstanceOf(type);
    expect(first.transient).toBe(false);
    const before = requests();
    const later = await Promise.all([failure(client.profile('MSFT')), failure(client.splits('AAPL'))]);
    expect(later.every((e) => e === first)).toBe(true);
    expect(requests()).toBe(before);
  });

  it('tolerates damaged rows: collapses duplicates, drops future, invalid and partial rows', async () => {
    const { client } = await setup({
      faults: [
        { kind: 'duplicate-date', symbol: 'AAPL' },
        { kind: 'future-date', symbol: 'MSFT' },
        { kind: 'nulls', symbol: 'AMD' },
        { kind: 'wrong-types', symbol: 'INTC' },
        { kind: 'legacy-shape', symbol: 'META' },
        { kind: 'conflicting-date', symbol: 'NVDA' },
        { kind: 'float-volume', symbol: 'GOOGL' },
      ],
    });
    const q = { from: '2025-06-02', to: '2025-06-13' };
    const sessions = nasdaqCalendar.sessionsBetween(q.from, q.to);
    const aapl = await client.historicalEod({ symbol: 'AAPL', ...q });
    expect(aapl.rows.map((r) => r.date)).toEqual(sessions);
    expect(aapl.dropped.map((d) => d.reason)).toEqual(['duplicate']);
    const msft = await client.historicalEod({ symbol: 'MSFT', ...q, to: '2025-06-20' });
    expect(msft.rows.map((r) => r.date)).toEqual(sessions);
    expect(msft.dropped.map((d) => d.reason)).toEqual(['future-date']);
    const amd = await client.historicalEod({ symbol: 'AMD', ...q });
    expect(amd.rows).toHaveLength(sessions.length - 1);
    expect(amd.dropped.map((d) => d.reason)).toEqual(['invalid-row']);
    const intc = await client.historicalEod({ symbol: 'INTC', ...q });
    expect(intc.dropped.map((d) => d.reason)).toEqual(['invalid-row']);
    const meta = await client.historicalEod({ symbol: 'META', ...q });
    expect(meta.raw[0]?.body.startsWith('{"symbol":"META","historical":[')).toBe(true);
    expect(meta.rows.map((r) => r.date)).toEqual(sessions);
    expect(meta.rows.every((r) => r.symbol === 'META')).toBe(true);
    const nvda = await client.historicalEod({ symbol: 'NVDA', ...q });
    expect(nvda.rows).toHaveLength(sessions.length + 1);
    const googl = await client.historicalEod({ symbol: 'GOOGL', ...q });
    expect(googl.rows.some((r) => !Number.isInteger(r.volume))).toBe(true);
  });

  it('parses eod-bulk CSV on the ultimate plan and batch quotes on premium', async () => {
    const bulk = await setup({ plan: 'ultimate' });
    const result = await bulk.client.eodBulk('2025-06-13');
    expect(result.raw[0]?.contentType).toContain('text/csv');
    expect(result.rows.map((r) => r.symbol)).toEqual([
      'AAPL',
      'MSFT',
      'GOOGL',
      'AMZN',
      'META',
      'NVDA',
      'AMD',
      'INTC',
    ]);
    expect(result.rows.every((r) => r.date === '2025-06-13' && r.high >= r.low)).toBe(true);
    const quotes = await bulk.client.quote(['AAPL', 'MSFT', 'NVDA']);
    expect(quotes.raw).toHaveLength(1);
    expect(quotes.raw[0]?.endpoint).toBe('batch-quote');
    expect(quotes.rows.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT', 'NVDA']);
  });

  it('lists holidays, splits and market caps in ascending order', async () => {
    const { client } = await setup();
    const holidays = await client.holidays({ from: '2025-01-01', to: '2025-12-31' });
    expect(holidays.rows.find((h) => h.date === '2025-11-27')?.name).toMatch(/Thanksgiving/);
    const splits = await client.splits('AAPL');
    expect(splits.rows.map((s) => s.date)).toEqual(['2005-02-28', '2014-06-09', '2020-08-31']);
    const caps = await client.historicalMarketCap({ symbol: 'AAPL', from: '2025-06-02', to: '2025-06-13' });
    expect(caps.rows.map((c) => c.date)).toEqual(nasdaqCalendar.sessionsBetween('2025-06-02', '2025-06-13'));
  });

  it('rejects a malformed symbol before any I/O', async () => {
    const { client, requests } = await setup();
    const error = await failure(client.profile('../x'));
    expect(error.code).toBe('FMP_INVALID_SYMBOL');
    expect(requests()).toBe(0);
  });
});

afterAll(() => {
  // The API key must appear in no exchange, error message, stack or serialised error of this file.
  expect(transcript.length).toBeGreaterThan(20);
  for (const line of transcript) expect(line).not.toContain(KEY);
});
