import { nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import { describe, expect, it } from 'vitest';
import { createSimFetch, type SimFetchOptions } from './create-sim-fetch.js';

const FRIDAY_EVENING = () => new Date('2025-06-13T22:00:00Z');
const BASE = 'https://financialmodelingprep.com/stable';

async function get(path: string, options: SimFetchOptions = {}, init?: RequestInit) {
  const fetch = createSimFetch({ now: FRIDAY_EVENING, ...options });
  const response = await fetch(`${BASE}/${path}`, init);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

describe('createSimFetch', () => {
  it('serves full bars newest first with FMP field names, only sessions up to now', async () => {
    const r = await get('historical-price-eod/full?symbol=AAPL&from=2025-06-01&to=2025-06-30');
    expect(r.status).toBe(200);
    const rows = JSON.parse(r.body) as Record<string, unknown>[];
    expect(rows.map((x) => x['date'])).toEqual(
      nasdaqCalendar.sessionsBetween('2025-06-01', '2025-06-13').reverse(),
    );
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'symbol',
      'date',
      'open',
      'high',
      'low',
      'close',
      'volume',
      'change',
      'changePercent',
      'vwap',
    ]);
  });

  it('serves a live partial bar for today while the session is open', async () => {
    const now = () => new Date('2025-06-16T15:00:00Z');
    const open = JSON.parse(
      (await get('historical-price-eod/full?symbol=AAPL&from=2025-06-13&to=2025-06-16', { now })).body,
    );
    const closed = JSON.parse(
      (
        await get('historical-price-eod/full?symbol=AAPL&from=2025-06-13&to=2025-06-16', {
          now: () => new Date('2025-06-16T21:00:00Z'),
        })
      ).body,
    );
    expect(open[0].date).toBe('2025-06-16');
    expect(open[0].volume).toBeLessThan(closed[0].volume);
    expect(open[1]).toEqual(closed[1]);
  });

  it('ends an early-close session at 13:00 New York time', async () => {
    const q = 'historical-price-eod/full?symbol=AAPL&from=2025-11-28&to=2025-11-28';
    const noon = JSON.parse((await get(q, { now: () => new Date('2025-11-28T17:00:00Z') })).body);
    const after = JSON.parse((await get(q, { now: () => new Date('2025-11-28T18:05:00Z') })).body);
    const evening = JSON.parse((await get(q, { now: () => new Date('2025-11-28T23:00:00Z') })).body);
    expect(noon[0].volume).toBeLessThan(after[0].volume);
    expect(after).toEqual(evening);
  });

  it('gives identical bytes for the same seed', async () => {
    const path = 'historical-price-eod/full?symbol=ABCD&from=2020-01-01&to=2025-06-13';
    const a = await get(path, { seed: 5 });
    const b = await get(path, { seed: 5 });
    const c = await get(path, { seed: 6 });
    expect(a.body).toBe(b.body);
    expect(a.body).not.toBe(c.body);
  });

  it('answers [] for symbols outside a fixed universe, and for malformed ones', async () => {
    expect((await get('profile?symbol=TSLA', { symbols: ['AAPL'] })).body).toBe('[]');
    expect((await get('profile?symbol=aapl')).body).toBe('[]');
    expect(JSON.parse((await get('profile?symbol=TSLA')).body)[0].symbol).toBe('TSLA');
  });

  it('uses real sectors for the default symbols', async () => {
    const [nvda] = JSON.parse((await get('profile?symbol=NVDA')).body);
    expect([nvda.companyName, nvda.sector, nvda.industry]).toEqual([
      'NVIDIA Corporation',
      'Technology',
      'Semiconductors',
    ]);
  });

  it('serves dividend-adjusted bars at or below the full ones', async () => {
    const q = 'symbol=INTC&from=2024-01-01&to=2024-03-31';
    const full = JSON.parse((await get(`historical-price-eod/full?${q}`)).body);
    const adj = JSON.parse((await get(`historical-price-eod/dividend-adjusted?${q}`)).body);
    expect(Object.keys(adj[0])).toEqual([
      'symbol',
      'date',
      'adjOpen',
      'adjHigh',
      'adjLow',
      'adjClose',
      'volume',
    ]);
    expect(adj.every((a: { adjClose: number }, i: number) => a.adjClose <= full[i].close)).toBe(true);
    expect(adj[adj.length - 1].adjClose).toBeLessThan(full[full.length - 1].close);
  });

  it('answers eod-bulk as CSV with every universe symbol', async () => {
    const r = await get('eod-bulk?date=2025-06-13', { symbols: ['AAPL', 'BRK-B'] });
    expect(r.type).toContain('text/csv');
    const lines = r.body.trim().split('\n');
    expect(lines[0]).toBe('symbol,date,open,low,high,close,adjClose,volume');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['AAPL', 'BRK-B']);
    expect((await get('eod-bulk?date=2025-06-14')).body.trim().split('\n')).toHaveLength(1);
  });

  it('gates by plan with FMP bodies', async () => {
    const bulk = await get('eod-bulk?date=2025-06-13', { plan: 'premium' });
    expect([bulk.status, bulk.body.startsWith('Restricted Endpoint')]).toEqual([402, true]);
    const symbol = await get('historical-price-eod/full?symbol=TSLA', { plan: 'free' });
    expect([symbol.status, symbol.body.startsWith('Premium Query Parameter')]).toEqual([402, true]);
    expect((await get('historical-price-eod/full?symbol=AAPL', { plan: 'free' })).status).toBe(200);
  });

  it('checks the key when configured (header or query), and refuses legacy paths', async () => {
    expect((await get('quote?symbol=AAPL', { apiKey: 'k1' })).status).toBe(401);
    expect((await get('quote?symbol=AAPL', { apiKey: 'k1' }, { headers: { apikey: 'k1' } })).status).toBe(
      200,
    );
    expect((await get('quote?symbol=AAPL&apikey=k1', { apiKey: 'k1' })).status).toBe(200);
    const fetch = createSimFetch();
    const legacy = await fetch('https://x/api/v3/quote/AAPL');
    expect(legacy.status).toBe(403);
    expect(await legacy.text()).toContain('Legacy Endpoint');
  });

  it('enforces the plan call limit with 429 Limit Reach', async () => {
    const fetch = createSimFetch({ plan: 'free', now: FRIDAY_EVENING, clock: () => 0 });
    const statuses: number[] = [];
    for (let i = 0; i < 252; i++) statuses.push((await fetch(`${BASE}/quote?symbol=AAPL`)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(250);
    expect(statuses.slice(250)).toEqual([429, 429]);
  });

  it('injects transport faults: reset throws like undici, timeout waits for the abort signal', async () => {
    const reset = createSimFetch({ faults: [{ kind: 'reset' }] });
    await expect(reset(`${BASE}/quote?symbol=AAPL`)).rejects.toThrow(TypeError);
    const hang = createSimFetch({ faults: [{ kind: 'timeout' }] });
    const started = Date.now();
    await expect(hang(`${BASE}/quote?symbol=AAPL`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('injects data faults into end-of-day payloads', async () => {
    const q = 'historical-price-eod/full?symbol=AAPL&from=2025-06-02&to=2025-06-13';
    const clean = JSON.parse((await get(q)).body) as Record<string, unknown>[];
    const swapped = JSON.parse((await get(q, { faults: [{ kind: 'high-below-low' }] })).body) as Record<
      string,
      number
    >[];
    expect(swapped.some((r) => (r['high'] as number) < (r['low'] as number))).toBe(true);
    const negative = JSON.parse((await get(q, { faults: [{ kind: 'negative-price' }] })).body) as Record<
      string,
      number
    >[];
    expect(negative.some((r) => (r['low'] as number) < 0)).toBe(true);
    const future = JSON.parse((await get(q, { faults: [{ kind: 'future-date' }] })).body) as Record<
      string,
      string
    >[];
    expect(future[0]?.['date']).toBe('2025-06-16');
    expect(future).toHaveLength(clean.length + 1);
    const truncated = await get(q, { faults: [{ kind: 'truncated' }] });
    expect(() => JSON.parse(truncated.body)).toThrow();
    expect((await get(q, { faults: [{ kind: 'empty' }] })).body).toBe('');
  });

  it('adds a partial bar for today and wraps rows in the legacy shape on request', async () => {
    const now = () => new Date('2025-06-16T21:00:00Z');
    const q = 'historical-price-eod/full?symbol=AAPL&from=2025-06-10&to=2025-06-16';
    const partial = JSON.parse((await get(q, { now, faults: [{ kind: 'partial-today' }] })).body) as Record<
      string,
      unknown
    >[];
    const clean = JSON.parse((await get(q, { now })).body) as Record<string, unknown>[];
    expect(partial).toHaveLength(clean.length);
    expect(partial[0]?.['date']).toBe('2025-06-16');
    expect(partial[0]).not.toEqual(clean[0]);
    const legacy = JSON.parse((await get(q, { now, faults: [{ kind: 'legacy-shape' }] })).body) as {
      symbol: string;
      historical: Record<string, unknown>[];
    };
    expect(legacy.symbol).toBe('AAPL');
    expect(legacy.historical.map((r) => r['date'])).toEqual(clean.map((r) => r['date']));
    expect(legacy.historical[0]).not.toHaveProperty('symbol');
  });
});
