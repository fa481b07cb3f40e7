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

// The walk is built in blocks of 256 sessions: each block's total is one counter-based normal draw
// and the steps inside are a Brownian bridge to it. A bar therefore needs only the block sums before
// it (≈ 100 hashes for 25 years) plus its own block, not every session since 2000, so one session of
// one symbol costs microseconds and a window never changes the values.
const BLOCK = 256;
const BLOCK_SALT = 0x5bd1e995;

function blockTotal(seed: number, block: number): number {
  const u1 = (mixSeeds(seed ^ BLOCK_SALT, block * 2) + 1) / (TWO_32 + 1);
  const u2 = mixSeeds(seed ^ BLOCK_SALT, block * 2 + 1) / TWO_32;
  return Math.sqrt(BLOCK) * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Fills `walk[k]` (k = 0..BLOCK) with the bridged walk of `block` relative to its start. */
function fillBlock(seed: number, block: number, walk: Float64Array): void {
  let state = mixSeeds(seed, block) | 0;
  let spare = Number.NaN;
  walk[0] = 0;
  for (let k = 1; k <= BLOCK; k++) {
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
    walk[k] = (walk[k - 1] as number) + z;
  }
  const gap = blockTotal(seed, block) - (walk[BLOCK] as number);
  for (let k = 1; k <= BLOCK; k++) walk[k] = (walk[k] as number) + (k / BLOCK) * gap;
}

/**
 * Bars of a model for sessions in `[from, to]`. The close is a seeded geometric random walk from the
 * first session of 2000, kept above the model's floor; open, high, low and volume come from a
 * per-session stream. Invariants: low ≤ min(open, close) ≤ max(open, close) ≤ high, prices > 0,
 * integer volumes.
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
  const price = (j: number, w: number): number =>
    (model.floorPrice + model.startPrice * Math.exp(model.drift * (j + 1) + model.volatility * w)) * factor;
  const out: SimBar[] = new Array<SimBar>(iTo - iFrom + 1);
  const walk = new Float64Array(BLOCK + 1);
  const details = new Float64Array(4);
  const firstBlock = Math.floor(Math.max(0, iFrom - 1) / BLOCK);
  let base = 0;
  for (let b = 0; b < firstBlock; b++) base += blockTotal(model.seed, b);
  // W and the close before session iFrom (0 and the start price before the first session).
  let previousW = 0;
  let prevClose = price(-1, 0);
  for (let b = firstBlock; b <= Math.floor(iTo / BLOCK); b++) {
    fillBlock(model.seed, b, walk);
    const start = b * BLOCK;
    for (let j = Math.max(start, iFrom - 1); j <= Math.min(start + BLOCK - 1, iTo); j++) {
      const w = base + (walk[j - start + 1] as number);
      const close = price(j, w);
      if (j < iFrom) {
        previousW = w;
        prevClose = close;
        continue;
      }
      const z = w - previousW;
      detailNormals(mixSeeds(model.seed, j), details);
      const open = prevClose * Math.exp(0.3 * model.volatility * (details[0] as number));
      const high = Math.max(open, close) * Math.exp(Math.abs(details[1] as number) * model.volatility * 0.6);
      const low = Math.min(open, close) * Math.exp(-Math.abs(details[2] as number) * model.volatility * 0.6);
      previousW = w;
      prevClose = close;
      const shares = (model.baseVolume * Math.exp(0.3 * (details[3] as number)) * (1 + Math.abs(z))) / factor;
      // One precision per row keeps rounding monotonic, so the invariants survive it.
      const scale = low < 1 ? 10_000 : 100;
      const o = round(open, scale);
      const c = round(close, scale);
      const h = Math.max(round(high, scale), o, c);
      const l = Math.max(Math.min(round(low, scale), o, c), 1 / scale);
      out[j - iFrom] = {
        symbol: model.symbol,
        date: index.sessions[j] as string,
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
    base += blockTotal(model.seed, b);
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
