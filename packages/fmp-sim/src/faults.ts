import { SimConfigError } from './errors.js';
import { hashString, mixSeeds } from './prng.js';

/** Faults that replace the whole response. */
export const RESPONSE_FAULTS = [
  'rate-limit',
  'rate-limit-retry-after',
  'bandwidth',
  'suspended',
  'invalid-key',
  'invalid-key-200',
  'restricted-endpoint',
  'premium-symbol',
  'legacy-endpoint',
  'http-500',
  'http-502',
  'http-503',
  'timeout',
  'reset',
  'html',
] as const;

/** Faults that damage an otherwise correct body. */
export const BODY_FAULTS = ['malformed-json', 'truncated', 'empty'] as const;

/** Faults that alter rows of an end-of-day payload (other endpoints ignore them). */
export const DATA_FAULTS = [
  'wrong-types',
  'nulls',
  'negative-price',
  'high-below-low',
  'duplicate-date',
  'conflicting-date',
  'future-date',
  'partial-today',
  'float-volume',
  'legacy-shape',
] as const;

/** Every fault kind the simulator can inject. */
export type FaultKind =
  (typeof RESPONSE_FAULTS)[number] | (typeof BODY_FAULTS)[number] | (typeof DATA_FAULTS)[number];

/** One rule of a faults file. */
export interface FaultRule {
  /** Endpoint path below `/stable/` (`historical-price-eod/full`), or a prefix ending in `*`; all when absent. */
  endpoint?: string;
  /** Symbol (exact, as sent) the rule applies to; all when absent. */
  symbol?: string;
  kind: FaultKind;
  /** Chance each matching request is hit, 0–1 (default 1). Drawn from the seed: reproducible. */
  probability?: number;
  /** Fire at most this many times (default unlimited). */
  times?: number;
}

const ALL_KINDS: ReadonlySet<string> = new Set([...RESPONSE_FAULTS, ...BODY_FAULTS, ...DATA_FAULTS]);

/**
 * Validates a parsed faults file (a JSON/YAML list of rules).
 * @throws {SimConfigError} naming the first bad rule
 */
export function validateFaults(value: unknown): FaultRule[] {
  if (!Array.isArray(value))
    throw new SimConfigError('faults must be a list of {endpoint?, symbol?, kind, probability?, times?}');
  return value.map((rule: unknown, i) => {
    const where = `faults[${i}]`;
    if (typeof rule !== 'object' || rule === null) throw new SimConfigError(`${where} must be an object`);
    const r = rule as Record<string, unknown>;
    for (const key of Object.keys(r)) {
      if (!['endpoint', 'symbol', 'kind', 'probability', 'times'].includes(key)) {
        throw new SimConfigError(`${where} has unknown field "${key}"`);
      }
    }
    if (typeof r['kind'] !== 'string' || !ALL_KINDS.has(r['kind'])) {
      throw new SimConfigError(
        `${where}.kind must be one of ${[...ALL_KINDS].join(', ')}; got ${JSON.stringify(r['kind'])}`,
      );
    }
    const out: FaultRule = { kind: r['kind'] as FaultKind };
    if (r['endpoint'] !== undefined) {
      if (typeof r['endpoint'] !== 'string') throw new SimConfigError(`${where}.endpoint must be a string`);
      out.endpoint = r['endpoint'];
    }
    if (r['symbol'] !== undefined) {
      if (typeof r['symbol'] !== 'string') throw new SimConfigError(`${where}.symbol must be a string`);
      out.symbol = r['symbol'];
    }
    if (r['probability'] !== undefined) {
      const p = r['probability'];
      if (typeof p !== 'number' || !(p >= 0 && p <= 1))
        throw new SimConfigError(`${where}.probability must be in [0, 1]`);
      out.probability = p;
    }
    if (r['times'] !== undefined) {
      const t = r['times'];
      if (typeof t !== 'number' || !Number.isInteger(t) || t < 0)
        throw new SimConfigError(`${where}.times must be an integer ≥ 0`);
      out.times = t;
    }
    return out;
  });
}

/** Decides, per request, which faults fire. */
export interface FaultInjector {
  /** Kinds firing for this request, in rule order. */
  draw(endpoint: string, symbol: string | null): FaultKind[];
}

function endpointMatches(pattern: string | undefined, endpoint: string): boolean {
  if (pattern === undefined) return true;
  return pattern.endsWith('*') ? endpoint.startsWith(pattern.slice(0, -1)) : pattern === endpoint;
}

/**
 * A seeded fault injector. Each draw depends on (seed, rule, endpoint, symbol, how many requests for
 * that endpoint and symbol came before), never on the interleaving of other requests, so a run
 * with concurrency still meets the same faults for the same symbol.
 */
export function createFaultInjector(rules: readonly FaultRule[], seed: number): FaultInjector {
  const fired = rules.map(() => 0);
  const seen = new Map<string, number>();
  return {
    draw(endpoint, symbol) {
      const key = `${endpoint}|${symbol ?? ''}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const kinds: FaultKind[] = [];
      rules.forEach((rule, i) => {
        if (!endpointMatches(rule.endpoint, endpoint)) return;
        if (rule.symbol !== undefined && rule.symbol !== symbol) return;
        if (rule.times !== undefined && (fired[i] ?? 0) >= rule.times) return;
        const p = rule.probability ?? 1;
        if (p < 1 && mixSeeds(mixSeeds(seed, i), hashString(`${key}|${n}`)) / 4294967296 >= p) return;
        fired[i] = (fired[i] ?? 0) + 1;
        kinds.push(rule.kind);
      });
      return kinds;
    },
  };
}
