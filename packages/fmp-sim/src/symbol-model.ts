import { DEFAULT_MARKETS, type MarketSpec, type SplitSpec } from './default-symbols.js';
import { createPrng, hashString } from './prng.js';
import type { SessionIndex } from './session-index.js';

/** Everything that drives one symbol's simulated market, derived from (seed, symbol) only. */
export interface SymbolModel {
  symbol: string;
  /** Seed of this symbol's random streams. */
  seed: number;
  startPrice: number;
  /** Per-session log drift and volatility. */
  drift: number;
  volatility: number;
  baseVolume: number;
  /** Splits, ascending by date. */
  splits: readonly SplitSpec[];
  /** Annual dividend yield (0 = pays none) and first ex-date. */
  dividendYield: number;
  dividendsFrom: string;
  /** Ex-dividend sessions fall every 63 sessions from this offset. */
  dividendPhase: number;
  /** Added to every simulated price, so prices stay positive after rounding. */
  floorPrice: number;
}

const SESSIONS_PER_YEAR = 252;
const SPLIT_RATIOS: readonly [number, number][] = [
  [2, 1],
  [3, 1],
  [3, 2],
  [4, 1],
];

function specFor(symbol: string, seed: number, index: SessionIndex): MarketSpec {
  const known = DEFAULT_MARKETS[symbol];
  if (known) return known;
  const rand = createPrng(hashString(`market:${symbol}`, seed));
  const startPrice = Math.round((5 + rand() ** 2 * 295) * 100) / 100;
  const splits: SplitSpec[] = [];
  if (rand() < 0.3) {
    // One split between 2003 and 2024, on a session.
    const from = index.lowerBound('2003-01-01');
    const to = index.lowerBound('2024-12-31');
    const date = index.sessions[from + Math.floor(rand() * (to - from))] as string;
    const [numerator, denominator] = SPLIT_RATIOS[Math.floor(rand() * SPLIT_RATIOS.length)] as [
      number,
      number,
    ];
    splits.push({ date, numerator, denominator });
  }
  const pays = rand() < 0.4;
  return {
    startPrice,
    annualDrift: -0.05 + rand() * 0.2,
    annualVolatility: 0.18 + rand() * 0.42,
    baseVolume: Math.round(100_000 * 10 ** (rand() * 2.5)),
    splits,
    dividendYield: pays ? Math.round((0.005 + rand() * 0.035) * 10_000) / 10_000 : 0,
    dividendsFrom: '2000-01-01',
  };
}

/**
 * The model of `symbol` under `seed`: the default symbols use their real splits and dividend habits;
 * any other symbol gets plausible parameters drawn from a stream seeded by (seed, symbol).
 */
export function buildSymbolModel(symbol: string, seed: number, index: SessionIndex): SymbolModel {
  const spec = specFor(symbol, seed, index);
  const symbolSeed = hashString(symbol, seed);
  return {
    symbol,
    seed: symbolSeed,
    startPrice: spec.startPrice,
    drift: spec.annualDrift / SESSIONS_PER_YEAR - spec.annualVolatility ** 2 / (2 * SESSIONS_PER_YEAR),
    volatility: spec.annualVolatility / Math.sqrt(SESSIONS_PER_YEAR),
    baseVolume: spec.baseVolume,
    splits: [...spec.splits].sort((a, b) => (a.date < b.date ? -1 : 1)),
    dividendYield: spec.dividendYield,
    dividendsFrom: spec.dividendsFrom,
    dividendPhase: symbolSeed % 63,
    floorPrice: Math.max(0.05, spec.startPrice * 0.02),
  };
}

/**
 * Price factor of FMP's `full` series as seen on `asOf`: splits already effective are applied to every
 * earlier row (retroactively), so only splits after `asOf` still scale the path.
 */
export function splitFactorAfter(model: SymbolModel, asOf: string): number {
  let factor = 1;
  for (const s of model.splits) if (s.date > asOf) factor *= s.numerator / s.denominator;
  return factor;
}
