import type { SplitSpec } from './default-symbols.js';
import { generateModelBars } from './generate-bars.js';
import type { SessionIndex } from './session-index.js';
import type { SymbolModel } from './symbol-model.js';

/** A dividend row as FMP's `dividends` serves it. */
export interface SimDividend {
  symbol: string;
  date: string;
  recordDate: string;
  paymentDate: string;
  declarationDate: string;
  adjDividend: number;
  dividend: number;
  yield: number;
  frequency: string;
}

const DIVIDEND_EVERY = 63;

/** Session indexes of ex-dividend dates up to `asOf` (inclusive), ascending. */
export function dividendSessionIndexes(model: SymbolModel, index: SessionIndex, asOf: string): number[] {
  if (model.dividendYield <= 0) return [];
  const first = Math.max(1, index.lowerBound(model.dividendsFrom));
  const last = index.floor(asOf);
  const out: number[] = [];
  let j = first + ((model.dividendPhase - (first % DIVIDEND_EVERY) + DIVIDEND_EVERY) % DIVIDEND_EVERY);
  for (; j <= last; j += DIVIDEND_EVERY) out.push(j);
  return out;
}

/**
 * Quarterly dividends up to `asOf`, ascending: the amount is a quarter of the yield times the previous
 * close, so the dividend-adjustment factor of each is exactly 1 − yield/4.
 */
export function simulateDividends(model: SymbolModel, index: SessionIndex, asOf: string): SimDividend[] {
  const exIndexes = dividendSessionIndexes(model, index, asOf);
  if (exIndexes.length === 0) return [];
  const first = index.sessions[(exIndexes[0] as number) - 1] as string;
  const bars = generateModelBars(model, index, first, asOf, asOf);
  const byDate = new Map(bars.map((b) => [b.date, b.close]));
  return exIndexes.map((j) => {
    const date = index.sessions[j] as string;
    const prevClose = byDate.get(index.sessions[j - 1] as string) ?? 0;
    const adjDividend = Math.round(((prevClose * model.dividendYield) / 4) * 10_000) / 10_000;
    let later = 1;
    for (const s of model.splits) if (s.date > date && s.date <= asOf) later *= s.numerator / s.denominator;
    return {
      symbol: model.symbol,
      date,
      recordDate: index.sessions[j + 1] as string,
      paymentDate: index.sessions[j + 10] as string,
      declarationDate: index.sessions[j - 10] as string,
      adjDividend,
      dividend: Math.round(adjDividend * later * 10_000) / 10_000,
      yield: Math.round(model.dividendYield * 100 * 100) / 100,
      frequency: 'Quarterly',
    };
  });
}

/** Splits effective by `asOf`, ascending. */
export function simulateSplits(model: SymbolModel, asOf: string): (SplitSpec & { symbol: string })[] {
  return model.splits.filter((s) => s.date <= asOf).map((s) => ({ symbol: model.symbol, ...s }));
}

/** Dividend-adjustment factor of a bar on session `i`: (1 − yield/4) per later ex-date up to `asOf`. */
export function dividendFactor(exIndexes: readonly number[], i: number, yieldAnnual: number): number {
  let count = 0;
  for (const j of exIndexes) if (j > i) count++;
  return (1 - yieldAnnual / 4) ** count;
}
