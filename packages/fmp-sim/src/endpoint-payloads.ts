import type { NasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import {
  dividendFactor,
  dividendSessionIndexes,
  simulateDividends,
  simulateSplits,
} from './corporate-actions.js';
import { generateModelBars, type SimBar } from './generate-bars.js';
import { hashString } from './prng.js';
import type { SessionIndex } from './session-index.js';
import { simulatedProfile } from './simulated-profile.js';
import type { SymbolModel } from './symbol-model.js';

/** What the market looks like at the simulator's `now`. */
export interface Horizon {
  /** Latest session served (today's once it has opened). */
  last: string;
  /** Set while today's session is open: the share of it that has elapsed (0–1). */
  partial: { date: string; fraction: number } | null;
  /** Today in America/New_York. */
  today: string;
  nowMs: number;
}

/** Per-request context of the payload builders. */
export interface PayloadContext {
  index: SessionIndex;
  calendar: NasdaqCalendar;
  horizon: Horizon;
  model(symbol: string): SymbolModel;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** Today's bar as it looks `fraction` of the way through the session (a live, partial bar). */
export function toPartialBar(bar: SimBar, fraction: number): SimBar {
  const close = round2(bar.open + (bar.close - bar.open) * fraction);
  const high = round2(Math.max(bar.open, close) + (bar.high - Math.max(bar.open, bar.close)) * fraction);
  const low = round2(Math.min(bar.open, close) - (Math.min(bar.open, bar.close) - bar.low) * fraction);
  return {
    ...bar,
    close,
    high: Math.max(high, bar.open, close),
    low: Math.min(low, bar.open, close),
    volume: Math.max(1, Math.round(bar.volume * fraction)),
    change: round2(close - bar.open),
    changePercent: Math.round(((close - bar.open) / bar.open) * 100 * 100_000) / 100_000,
    vwap: Math.round(((high + low + close) / 3) * 10_000) / 10_000,
  };
}

/** Bars in `[from, to]` served at the horizon: nothing after it, today's bar partial while open. Ascending. */
export function servedBars(ctx: PayloadContext, symbol: string, from: string, to: string): SimBar[] {
  const { horizon } = ctx;
  const end = to < horizon.last ? to : horizon.last;
  const bars = generateModelBars(ctx.model(symbol), ctx.index, from, end, horizon.last);
  const lastBar = bars[bars.length - 1];
  if (horizon.partial && lastBar && lastBar.date === horizon.partial.date) {
    bars[bars.length - 1] = toPartialBar(lastBar, horizon.partial.fraction);
  }
  return bars;
}

/** `historical-price-eod/dividend-adjusted` rows (ascending) from `full` bars. */
export function toDividendAdjusted(
  ctx: PayloadContext,
  symbol: string,
  bars: readonly SimBar[],
): Record<string, unknown>[] {
  const model = ctx.model(symbol);
  const exIndexes = dividendSessionIndexes(model, ctx.index, ctx.horizon.last);
  const scale = (v: number, f: number): number => Math.round(v * f * 10_000) / 10_000;
  return bars.map((b) => {
    const f = dividendFactor(exIndexes, ctx.index.floor(b.date), model.dividendYield);
    return {
      symbol: b.symbol,
      date: b.date,
      adjOpen: scale(b.open, f),
      adjHigh: scale(b.high, f),
      adjLow: scale(b.low, f),
      adjClose: scale(b.close, f),
      volume: b.volume,
    };
  });
}

interface Stats {
  last: SimBar;
  previousClose: number;
  yearHigh: number;
  yearLow: number;
  avg50: number;
  avg200: number;
  avgVolume: number;
}

function stats(ctx: PayloadContext, symbol: string): Stats | null {
  const i = ctx.index.floor(ctx.horizon.last);
  const from = ctx.index.sessions[Math.max(0, i - 251)] as string;
  const bars = servedBars(ctx, symbol, from, ctx.horizon.last);
  const last = bars[bars.length - 1];
  if (!last) return null;
  const closes = bars.map((b) => b.close);
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    last,
    previousClose: bars[bars.length - 2]?.close ?? last.open,
    yearHigh: Math.max(...bars.map((b) => b.high)),
    yearLow: Math.min(...bars.map((b) => b.low)),
    avg50: round2(mean(closes.slice(-50))),
    avg200: round2(mean(closes.slice(-200))),
    avgVolume: Math.round(mean(bars.slice(-60).map((b) => b.volume))),
  };
}

/** A `profile` row (stable field names; `fullTimeEmployees` and `cik` are strings as FMP sends them). */
export function buildProfile(ctx: PayloadContext, symbol: string): Record<string, unknown> | null {
  const s = stats(ctx, symbol);
  if (!s) return null;
  const info = simulatedProfile(symbol);
  const model = ctx.model(symbol);
  const change = round2(s.last.close - s.previousClose);
  return {
    symbol,
    price: s.last.close,
    marketCap: Math.round(s.last.close * info.sharesOutstanding),
    beta: Math.round((0.6 + (hashString(`beta:${symbol}`) % 1400) / 1000) * 1000) / 1000,
    lastDividend: round2(s.last.close * model.dividendYield),
    range: `${s.yearLow}-${s.yearHigh}`,
    change,
    changePercentage: Math.round((change / s.previousClose) * 100 * 100_000) / 100_000,
    volume: s.last.volume,
    averageVolume: s.avgVolume,
    companyName: info.companyName,
    currency: info.currency,
    cik: info.cik,
    isin: info.isin,
    cusip: info.cusip,
    exchangeFullName: info.exchangeFullName,
    exchange: info.exchange,
    industry: info.industry,
    website: info.website,
    description: `${info.companyName} (simulated) operates in ${info.industry.toLowerCase()}.`,
    ceo: info.ceo,
    sector: info.sector,
    country: info.country,
    fullTimeEmployees: info.fullTimeEmployees,
    phone: '000-000-0000',
    address: '1 Simulated Way',
    city: info.city,
    state: info.state,
    zip: '00000',
    image: `https://images.financialmodelingprep.com/symbol/${symbol}.png`,
    ipoDate: info.ipoDate,
    defaultImage: false,
    isEtf: false,
    isActivelyTrading: true,
    isAdr: false,
    isFund: false,
  };
}

/** A `quote` row. */
export function buildQuote(ctx: PayloadContext, symbol: string): Record<string, unknown> | null {
  const s = stats(ctx, symbol);
  if (!s) return null;
  const info = simulatedProfile(symbol);
  const change = round2(s.last.close - s.previousClose);
  return {
    symbol,
    name: info.companyName,
    price: s.last.close,
    changePercentage: Math.round((change / s.previousClose) * 100 * 100_000) / 100_000,
    change,
    volume: s.last.volume,
    dayLow: s.last.low,
    dayHigh: s.last.high,
    yearHigh: s.yearHigh,
    yearLow: s.yearLow,
    marketCap: Math.round(s.last.close * info.sharesOutstanding),
    priceAvg50: s.avg50,
    priceAvg200: s.avg200,
    exchange: info.exchange,
    open: s.last.open,
    previousClose: s.previousClose,
    timestamp: Math.floor(ctx.horizon.nowMs / 1000),
  };
}

/** `splits` rows up to the horizon, newest first. */
export function buildSplits(ctx: PayloadContext, symbol: string): Record<string, unknown>[] {
  return simulateSplits(ctx.model(symbol), ctx.horizon.last)
    .reverse()
    .map((s) => ({ ...s }));
}

/** `dividends` rows up to the horizon, newest first. */
export function buildDividends(ctx: PayloadContext, symbol: string): Record<string, unknown>[] {
  return simulateDividends(ctx.model(symbol), ctx.index, ctx.horizon.last)
    .reverse()
    .map((d) => ({ ...d }));
}

/** `historical-market-capitalization` rows, ascending. */
export function buildMarketCaps(
  ctx: PayloadContext,
  symbol: string,
  from: string,
  to: string,
): Record<string, unknown>[] {
  const shares = simulatedProfile(symbol).sharesOutstanding;
  return servedBars(ctx, symbol, from, to).map((b) => ({
    symbol,
    date: b.date,
    marketCap: Math.round(b.close * shares),
  }));
}

/** `eod-bulk` CSV: every universe symbol's bar on `date` (header only when no session is served). */
export function buildBulkCsv(ctx: PayloadContext, universe: readonly string[], date: string): string {
  const lines = ['symbol,date,open,low,high,close,adjClose,volume'];
  if (date <= ctx.horizon.last && ctx.calendar.isSession(date)) {
    for (const symbol of universe) {
      const bar = servedBars(ctx, symbol, date, date)[0];
      if (!bar) continue;
      lines.push(
        [bar.symbol, bar.date, bar.open, bar.low, bar.high, bar.close, bar.close, bar.volume]
          .map(String)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `nasdaq-constituent` rows. */
export function buildConstituents(universe: readonly string[]): Record<string, unknown>[] {
  return universe.map((symbol) => {
    const info = simulatedProfile(symbol);
    return {
      symbol,
      name: info.companyName,
      sector: info.sector,
      subSector: info.industry,
      headQuarter: `${info.city}, ${info.state}`,
      dateFirstAdded: null,
      cik: info.cik,
      founded: info.ipoDate.slice(0, 4),
    };
  });
}

/** `holidays-by-exchange` rows for NASDAQ from the calendar: closures and shortened days, ascending. */
export function buildHolidays(
  ctx: PayloadContext,
  exchange: string,
  from: string,
  to: string,
): Record<string, unknown>[] {
  if (exchange !== 'NASDAQ' && exchange !== 'NYSE') return [];
  const closed = ctx.calendar.holidaysBetween(from, to).map((h) => ({
    exchange,
    date: h.date,
    name: h.name,
    isClosed: true,
    adjOpenTime: null,
    adjCloseTime: null,
  }));
  const early = ctx.calendar.earlyClosesBetween(from, to).map((e) => ({
    exchange,
    date: e.date,
    name: 'Early Close',
    isClosed: false,
    adjOpenTime: null,
    adjCloseTime: e.closeTime,
  }));
  return [...closed, ...early].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
