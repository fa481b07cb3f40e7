import type { ExtractItem } from './extract-plan.js';
import type { RawExchangeLike } from './raw-zone.js';

/** Typed result of one FMP call, as `@nasdaq-pipeline/fmp-client` returns it. */
export interface FmpCallResult<T> {
  rows: T[];
  raw: RawExchangeLike[];
}

/** The part of the FMP client the extract stage uses. */
export interface ExtractClient {
  historicalEod(q: { symbol: string; from: string; to: string }): Promise<FmpCallResult<unknown>>;
  profile(symbol: string): Promise<FmpCallResult<Record<string, unknown>>>;
  splits(symbol: string): Promise<FmpCallResult<{ date: string; numerator: number; denominator: number }>>;
}

/** What the extract stage produced for one symbol. */
export interface SymbolExtract {
  symbol: string;
  item: ExtractItem;
  /** Raw bar objects parsed from the bodies of successful history responses, as received. */
  rawBars: Record<string, unknown>[];
  /** FMP answered `[]` for the whole window. */
  empty: boolean;
  profile: Record<string, unknown> | null;
  splits: { date: string; numerator: number; denominator: number }[];
  /** Set when the symbol failed (plan refusal, 4xx after retries, …). */
  error: Error | null;
}

/** Options of {@link runExtractStage}. */
export interface ExtractStageOptions {
  client: ExtractClient;
  /** Symbols whose profile is missing or stale. */
  profilesWanted: ReadonlySet<string>;
  /** Symbols whose splits are checked. */
  splitsWanted: ReadonlySet<string>;
  /** Parallel symbols (the client also bounds requests in flight). */
  concurrency: number;
  /** Errors that must stop the whole run (bandwidth, suspension, auth) rather than one symbol. */
  isFatal: (e: unknown) => boolean;
  onSymbolDone?: (s: SymbolExtract) => void;
}

/** Parses the bar rows out of a history response body (stable array or legacy `{historical: […]}`). */
export function barsFromBody(body: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  if (Array.isArray(parsed)) return parsed as Record<string, unknown>[];
  if (parsed && typeof parsed === 'object') {
    const h = (parsed as { historical?: unknown; symbol?: unknown }).historical;
    if (Array.isArray(h)) {
      const symbol = (parsed as { symbol?: unknown }).symbol;
      return (h as Record<string, unknown>[]).map((r) => ({ symbol, ...r }));
    }
  }
  return [];
}

/**
 * Extracts every planned symbol: history (raw rows kept exactly as received, for validation), plus
 * profile and splits where wanted. A symbol's failure is recorded and the others go on; a fatal error
 * (bandwidth, suspension, bad key) is rethrown so the run stops.
 */
export async function runExtractStage(
  items: readonly ExtractItem[],
  options: ExtractStageOptions,
): Promise<SymbolExtract[]> {
  const out: SymbolExtract[] = new Array(items.length);
  let next = 0;
  let fatal: unknown = null;
  const worker = async () => {
    while (fatal === null && next < items.length) {
      const index = next++;
      const item = items[index] as ExtractItem;
      const result: SymbolExtract = {
        symbol: item.symbol,
        item,
        rawBars: [],
        empty: false,
        profile: null,
        splits: [],
        error: null,
      };
      try {
        const history = await options.client.historicalEod({
          symbol: item.symbol,
          from: item.from,
          to: item.to,
        });
        for (const ex of history.raw) if (ex.status === 200) result.rawBars.push(...barsFromBody(ex.body));
        result.empty = result.rawBars.length === 0 && history.rows.length === 0;
        if (options.splitsWanted.has(item.symbol))
          result.splits = (await options.client.splits(item.symbol)).rows;
        if (options.profilesWanted.has(item.symbol))
          result.profile = (await options.client.profile(item.symbol)).rows[0] ?? null;
      } catch (e) {
        if (options.isFatal(e)) {
          fatal = e;
          break;
        }
        result.error = e as Error;
      }
      out[index] = result;
      options.onSymbolDone?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker));
  if (fatal !== null) throw fatal;
  return out;
}
