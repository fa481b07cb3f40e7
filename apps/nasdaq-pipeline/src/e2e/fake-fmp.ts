import { startSimServer, type FaultRule, type SimServer } from '@nasdaq-pipeline/fmp-sim';

/**
 * The fake FMP server of the end-to-end tests: fmp-sim over HTTP on 127.0.0.1, premium plan, seed 11, the test's
 * key and clock, optionally injecting faults.
 */
export function startFakeFmp(o: {
  apiKey: string;
  now: () => string;
  faults?: FaultRule[];
}): Promise<SimServer> {
  return startSimServer({
    port: 0,
    host: '127.0.0.1',
    seed: 11,
    plan: 'premium',
    apiKey: o.apiKey,
    now: () => new Date(o.now()),
    faults: o.faults ?? [],
  });
}
