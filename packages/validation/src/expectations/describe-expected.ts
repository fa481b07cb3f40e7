import type { Expectation } from './kinds/index.js';
import type { SuiteRunParams } from './types.js';

const BASE_FIELDS = new Set(['id', 'kind', 'table', 'severity', 'description']);

/**
 * The expectation's parameters as shown in reports and `dq_results.expected_value`, with the run's
 * values the kind depends on (the window's last session, how many symbols × sessions are expected).
 */
export function describeExpected(e: Expectation, params: SuiteRunParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (!BASE_FIELDS.has(k)) out[k] = v;
  if (e.kind === 'expect_table_to_be_fresh') out['latest'] = params.window.to;
  if (e.kind === 'expect_sessions_to_be_complete') {
    const empty = new Set(params.emptySymbols ?? []);
    out['window'] = params.window;
    out['symbols'] = new Set(params.symbols.filter((s) => !empty.has(s))).size;
    out['sessions'] = params.sessions.length;
    out['knownGaps'] = params.knownGaps?.length ?? 0;
    out['refusedSymbols'] = params.refusedSymbols?.length ?? 0;
  }
  if (e.kind === 'expect_table_row_count_to_be_between' && e.min === undefined) out['min'] = 1;
  return out;
}
