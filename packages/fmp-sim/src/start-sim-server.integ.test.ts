import { afterEach, describe, expect, it } from 'vitest';
import { type SimServer, startSimServer } from './start-sim-server.js';

let server: SimServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('startSimServer', () => {
  it('listens on 127.0.0.1 with a /stable root, answers FMP paths and counts requests', async () => {
    server = await startSimServer({ now: () => new Date('2025-06-13T22:00:00Z') });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/stable$/);
    const r = await fetch(`${server.url}/quote?symbol=AAPL`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(((await r.json()) as { symbol: string }[])[0]?.symbol).toBe('AAPL');
    expect(server.requests()).toBe(1);
  });

  it('delays answers by the configured latency', async () => {
    server = await startSimServer({ latencyMs: 60 });
    const started = performance.now();
    await (await fetch(`${server.url}/quote?symbol=AAPL`)).text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('resets the connection for a reset fault', async () => {
    server = await startSimServer({ faults: [{ kind: 'reset' }] });
    await expect(fetch(`${server.url}/quote?symbol=AAPL`)).rejects.toThrow(/fetch failed/);
  });

  it('closes promptly with a hung request outstanding', async () => {
    server = await startSimServer({ faults: [{ kind: 'timeout' }] });
    const pending = fetch(`${server.url}/quote?symbol=AAPL`).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    server = null;
    expect(await pending).toBeInstanceOf(Error);
  });

  it('serves 401 with FMP wording when a key is required and missing', async () => {
    server = await startSimServer({ apiKey: 'secret' });
    const r = await fetch(`${server.url}/profile?symbol=AAPL`);
    expect(r.status).toBe(401);
    expect(await r.text()).toContain('Invalid API KEY');
  });

  it('sends identical bytes for the same seed across servers', async () => {
    const path = 'historical-price-eod/full?symbol=QWER&from=2024-01-01&to=2025-06-13';
    const bodies: string[] = [];
    for (const seed of [11, 11, 12]) {
      const s = await startSimServer({ seed, now: () => new Date('2025-06-13T22:00:00Z') });
      bodies.push(await (await fetch(`${s.url}/${path}`)).text());
      await s.close();
    }
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[0]).not.toBe(bodies[2]);
  });
});
