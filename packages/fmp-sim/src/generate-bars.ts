import { type MarketCalendar, nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import { mixSeeds } from './prng.js';
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

// A cheap bounded normal (Irwin–Hall of three uniforms, scaled to unit variance) for bar details,
// from a xorshift32 stream seeded per session so a bar never depends on which bars were asked for.
function detailNormals(daySeed: number, out: Float64Array): void {
  let x = daySeed | 0 || 0x9e3779b9;
  for (let k = 0; k < out.length; k++) {
    let sum = 0;
    for (let j = 0; j < 3; j++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      sum += (x >>> 0) / TWO_32;
    }
    out[k] = (sum - 1.5) * 2;
  }
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
  // mulberry32 inlined, Box–Muller pairs: the walk from 2000 is the hot loop of big benchmarks.
  let state = model.seed | 0;
  let spare = Number.NaN;
  const details = new Float64Array(4);
  const logFloor = Math.log(model.floorPrice);
  let logPrice = Math.log(model.startPrice);
  const out: SimBar[] = new Array<SimBar>(iTo - iFrom + 1);
  for (let i = 0; i <= iTo; i++) {
    let z: number;
    if (Number.isNaN(spare)) {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u1 = (((t ^ (t >>> 14)) >>> 0) + 1) / (TWO_32 + 1);
      state = (state + 0x6d2b79f5) | 0;
      t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u2 = ((t ^ (t >>> 14)) >>> 0) / TWO_32;
      const r = Math.sqrt(-2 * Math.log(u1));
      z = r * Math.cos(2 * Math.PI * u2);
      spare = r * Math.sin(2 * Math.PI * u2);
    } else {
      z = spare;
      spare = Number.NaN;
    }
    const previous = logPrice;
    logPrice += model.drift + model.volatility * z;
    if (logPrice < logFloor) logPrice = 2 * logFloor - logPrice;
    if (i < iFrom) continue;
    detailNormals(mixSeeds(model.seed, i), details);
    const prevClose = Math.exp(previous) * factor;
    const close = Math.exp(logPrice) * factor;
    const open = prevClose * Math.exp(0.3 * model.volatility * (details[0] as number));
    const high = Math.max(open, close) * Math.exp(Math.abs(details[1] as number) * model.volatility * 0.6);
    const low = Math.min(open, close) * Math.exp(-Math.abs(details[2] as number) * model.volatility * 0.6);
    const shares = (model.baseVolume * Math.exp(0.3 * (details[3] as number)) * (1 + Math.abs(z))) / factor;
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
