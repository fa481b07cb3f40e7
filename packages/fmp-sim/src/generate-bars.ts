import { type MarketCalendar, nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import { drawNormal, createPrng, mixSeeds } from './prng.js';
import { getSessionIndex, type SessionIndex } from './session-index.js';
import { buildSymbolModel, splitFactorAfter, type SymbolModel } from './symbol-model.js';

/** One bar exactly as FMP's stable `historical-price-eod/full` serves it. */
export interface SimBar {
  symbol: string;
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** close − open of the same day, as FMP computes it. */
  change: number;
  changePercent: number;
  /** FMP's "vwap": the typical price (H+L+C)/3. */
  vwap: number;
}

/** Options of {@link generateBars}. */
export interface GenerateBarsOptions {
  /** Seed of the simulated market (default 0). Same seed, same bars, byte for byte. */
  seed?: number;
  /** Date the series is seen from (default `to`): splits up to it are applied retroactively. */
  asOf?: string;
  /** Trading calendar (default the NASDAQ calendar). */
  calendar?: MarketCalendar;
}

const TWO_32 = 4294967296;

function round(value: number, scale: number): number {
  return Math.round(value * scale) / scale;
}

// A cheap bounded normal (Irwin–Hall of three uniforms, scaled to unit variance) for bar details.
function detailNormal(seed: number, k: number): number {
  const a = mixSeeds(seed, k * 3) / TWO_32;
  const b = mixSeeds(seed, k * 3 + 1) / TWO_32;
  const c = mixSeeds(seed, k * 3 + 2) / TWO_32;
  return (a + b + c - 1.5) * 2;
}

/**
 * Bars of a model for sessions in `[from, to]`. The close follows a seeded geometric random walk from
 * the first session of 2000 (so a bar never depends on the requested window); open, high, low and
 * volume come from a per-session stream. Invariants: low ≤ min(open, close) ≤ max(open, close) ≤ high,
 * prices > 0, integer volumes.
 */
export function generateModelBars(
  model: SymbolModel,
  index: SessionIndex,
  from: string,
  to: string,
  asOf: string,
): SimBar[] {
  const iFrom = index.lowerBound(from);
  const iTo = index.floor(to);
  if (iTo < iFrom) return [];
  const factor = splitFactorAfter(model, asOf);
  const uniform = createPrng(model.seed);
  const logFloor = Math.log(model.floorPrice);
  let logPrice = Math.log(model.startPrice);
  const out: SimBar[] = new Array<SimBar>(iTo - iFrom + 1);
  for (let i = 0; i <= iTo; i++) {
    const z = drawNormal(uniform);
    const previous = logPrice;
    logPrice += model.drift + model.volatility * z;
    if (logPrice < logFloor) logPrice = 2 * logFloor - logPrice;
    if (i < iFrom) continue;
    const daySeed = mixSeeds(model.seed, i);
    const prevClose = Math.exp(previous) * factor;
    const close = Math.exp(logPrice) * factor;
    const open = prevClose * Math.exp(0.3 * model.volatility * detailNormal(daySeed, 0));
    const high =
      Math.max(open, close) * Math.exp(Math.abs(detailNormal(daySeed, 1)) * model.volatility * 0.6);
    const low =
      Math.min(open, close) * Math.exp(-Math.abs(detailNormal(daySeed, 2)) * model.volatility * 0.6);
    const shares = (model.baseVolume * Math.exp(0.3 * detailNormal(daySeed, 3)) * (1 + Math.abs(z))) / factor;
    // One precision per row keeps rounding monotonic, so the invariants survive it.
    const scale = low < 1 ? 10_000 : 100;
    const o = round(open, scale);
    const c = round(close, scale);
    const h = Math.max(round(high, scale), o, c);
    const l = Math.max(Math.min(round(low, scale), o, c), 1 / scale);
    out[i - iFrom] = {
      symbol: model.symbol,
      date: index.sessions[i] as string,
      open: o,
      high: h,
      low: l,
      close: c,
      volume: Math.max(1, Math.round(shares)),
      change: round(c - o, 10_000),
      changePercent: round(((c - o) / o) * 100, 100_000),
      vwap: round((h + l + c) / 3, 10_000),
    };
  }
  return out;
}

/**
 * Simulated end-of-day bars of `symbol` for every NASDAQ session in `[from, to]`, ascending, as FMP's
 * split-adjusted `full` series would show them on `asOf`. Deterministic in (seed, symbol); fast enough
 * for benchmarks (millions of bars per second per core).
 */
export function generateBars(
  symbol: string,
  from: string,
  to: string,
  options: GenerateBarsOptions = {},
): SimBar[] {
  const calendar = options.calendar ?? nasdaqCalendar;
  const index = getSessionIndex(calendar);
  const model = buildSymbolModel(symbol, options.seed ?? 0, index);
  return generateModelBars(model, index, from, to, options.asOf ?? to);
}
