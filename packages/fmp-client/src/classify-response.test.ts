import { describe, expect, it } from 'vitest';
import { classifyResponse } from './classify-response.js';
import {
  FmpAuthError,
  FmpBandwidthError,
  FmpLegacyEndpointError,
  FmpPlanError,
  FmpRateLimitError,
  FmpServerError,
  FmpSuspendedError,
} from './errors.js';
import type { FmpPlan } from './types.js';

function classify(status: number, body: string, plan: FmpPlan = 'premium') {
  return classifyResponse({ status, body, plan, request: 'profile?symbol=AAPL', endpoint: 'profile' });
}

describe('classifyResponse', () => {
  it('passes a 2xx data payload', () => {
    expect(classify(200, '[{"symbol":"AAPL"}]')).toBeNull();
    expect(classify(200, '[]')).toBeNull();
    expect(classify(200, '{"symbol":"AAPL","historical":[]}')).toBeNull();
  });

  it('reads a plain-text 402 per endpoint and per symbol', () => {
    const endpoint = classify(
      402,
      'Restricted Endpoint: This endpoint is not available under your current subscription',
    );
    expect(endpoint).toBeInstanceOf(FmpPlanError);
    expect((endpoint as FmpPlanError).scope).toBe('endpoint');
    const symbol = classify(
      402,
      "Premium Query Parameter: 'Special Endpoint : This value set for 'symbol' is not available under your current subscription",
    );
    expect((symbol as FmpPlanError).scope).toBe('symbol');
    expect(symbol?.transient).toBe(false);
    expect(symbol?.message).toContain('profile?symbol=AAPL');
  });

  it('reads a restriction sent with 403 as a plan error', () => {
    expect(
      classify(403, 'Restricted Endpoint: not available under your current subscription'),
    ).toBeInstanceOf(FmpPlanError);
  });

  it('reads legacy, suspended, invalid key, bandwidth and limit bodies', () => {
    expect(classify(403, '{"Error Message":"Legacy Endpoint : Due to Legacy endpoints…"}')).toBeInstanceOf(
      FmpLegacyEndpointError,
    );
    expect(classify(403, '{"Error Message":"Account suspended."}')).toBeInstanceOf(FmpSuspendedError);
    expect(classify(401, '{"Error Message":"Invalid API KEY. Feel free…"}')).toBeInstanceOf(FmpAuthError);
    expect(classify(429, '{"Error Message":"Bandwidth Limit Reach ."}')).toBeInstanceOf(FmpBandwidthError);
    expect(classify(429, '{"Error Message":"Limit Reach . Please upgrade"}')).toBeInstanceOf(
      FmpRateLimitError,
    );
  });

  it('reads the old 200 + "Invalid API KEY" as an auth error', () => {
    expect(classify(200, '{"Error Message":"Invalid API KEY. Please retry"}')).toBeInstanceOf(FmpAuthError);
  });

  it('makes a per-minute 429 transient and a free-plan (daily) 429 not', () => {
    const paid = classify(429, 'Limit Reach', 'starter') as FmpRateLimitError;
    const free = classify(429, 'Limit Reach', 'free') as FmpRateLimitError;
    expect([paid.window, paid.transient]).toEqual(['minute', true]);
    expect([free.window, free.transient]).toEqual(['day', false]);
  });

  it('falls back on the status', () => {
    expect(classify(401, '')).toBeInstanceOf(FmpAuthError);
    expect((classify(402, 'pay') as FmpPlanError).scope).toBe('endpoint');
    const s500 = classify(500, 'boom');
    expect(s500).toBeInstanceOf(FmpServerError);
    expect(s500?.transient).toBe(true);
    expect(classify(503, '<html>')?.transient).toBe(true);
    const s404 = classify(404, 'nope');
    expect(s404).toBeInstanceOf(FmpServerError);
    expect(s404?.transient).toBe(false);
    expect(classify(302, '')?.message).toMatch(/redirect refused/);
  });

  it('does not match error words inside a large data payload', () => {
    const big = JSON.stringify([{ symbol: 'X', description: 'Limit Reach '.repeat(1000), message: 'x' }]);
    expect(classify(200, big)).toBeNull();
  });
});
