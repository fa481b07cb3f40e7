import type { CompiledExpectation, CompileContext, Evaluation, ExpectationBase } from '../types.js';
import { extractSamples, toNumber } from '../values.js';

/** How one expectation kind validates its parameters and compiles to SQL. */
export interface ExpectationKind<E extends ExpectationBase & { kind: string }> {
  kind: E['kind'];
  /** One line for docs and reports. */
  summary: string;
  /** JSON Schema of the kind-specific properties (merged into the suite schema). */
  properties: Record<string, object>;
  /** Kind-specific required properties. */
  required: readonly string[];
  /** Columns named in the default id. */
  idColumns(e: E): string[];
  /** Compiles to one SQL query. */
  compile(e: E, id: string, ctx: CompileContext): Omit<CompiledExpectation, 'id'>;
}

/**
 * Verdict of a row-level expectation: passes when (total − unexpected) / total ≥ mostly (an empty
 * table passes vacuously here; row-count expectations guard against empty batches).
 */
export function evaluateRowLevel(rows: readonly Record<string, unknown>[], mostly = 1): Evaluation {
  const first = rows[0] ?? {};
  const total = toNumber(first['dq_total']);
  const unexpected = toNumber(first['dq_unexpected']);
  const ratio = total === 0 ? 1 : (total - unexpected) / total;
  return {
    // tolerance against 0.1 + 0.2 style float drift in the ratio
    success: ratio + 1e-12 >= mostly,
    observedValue: total === 0 ? 0 : (100 * unexpected) / total,
    elementCount: total,
    unexpectedCount: unexpected,
    sampleRows: extractSamples(rows),
  };
}
