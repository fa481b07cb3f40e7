import { nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import type { KnownGap } from '../records/types.js';
import type { SuiteRunParams } from './types.js';

/** Inputs of {@link buildSuiteRunParams}. */
export interface SuiteRunParamsInput {
  runId: string;
  /** The run's window (sessions, inclusive). */
  window: { from: string; to: string };
  /** Symbols requested. */
  symbols: readonly string[];
  /** Symbols FMP answered `[]` for. */
  emptySymbols?: readonly string[];
  /** Known gaps from `validateBars` (quarantine). */
  knownGaps?: readonly KnownGap[];
  /** Symbols FMP refused (plan, 4xx after retries). */
  refusedSymbols?: readonly string[];
  /** Default `window`. */
  scope?: 'window' | 'all';
  /** Calendar giving the expected sessions; default the NASDAQ calendar (pass one with extraClosures). */
  calendar?: { sessionsBetween(from: string, to: string): string[] };
}

/** Builds {@link SuiteRunParams}, listing the window's sessions from the market calendar. */
export function buildSuiteRunParams(input: SuiteRunParamsInput): SuiteRunParams {
  const calendar = input.calendar ?? nasdaqCalendar;
  return {
    runId: input.runId,
    window: { ...input.window },
    sessions: calendar.sessionsBetween(input.window.from, input.window.to),
    symbols: [...input.symbols],
    emptySymbols: [...(input.emptySymbols ?? [])],
    knownGaps: [...(input.knownGaps ?? [])],
    refusedSymbols: [...(input.refusedSymbols ?? [])],
    scope: input.scope ?? 'window',
  };
}
