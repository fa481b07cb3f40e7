import { compileExpectation, expectationId } from './compile-expectation.js';
import type { Expectation } from './kinds/index.js';
import { describeExpected } from './describe-expected.js';
import type { Suite } from './suite.js';
import type { CompiledExpectation, ExpectationResult, RunSql, SuiteRunParams, TableRef } from './types.js';

/** Options of {@link runSuites}. */
export interface RunSuitesOptions {
  /** Runs one query, returns rows (DuckDB views over staged snapshots, or Athena). */
  runSql: RunSql;
  /** Bare table name → engine reference. Default `"<name>"`. */
  tableRef?: TableRef;
  params: SuiteRunParams;
  /** Queries in flight at once (Athena benefits; DuckDB: 1). Default 1. */
  concurrency?: number;
  /** Monotonic clock in ms for durations. Default `performance.now`. */
  clock?: () => number;
  /** Called after each expectation (progress). */
  onResult?: (result: ExpectationResult) => void;
}

/** Outcome of a suite run. */
export interface SuitesOutcome {
  results: ExpectationResult[];
  /** True when no error-severity expectation failed or errored: publishing may proceed. */
  publishable: boolean;
  /** Error-severity expectations that failed or errored. */
  blocking: ExpectationResult[];
  /** Known gaps counted by completeness (never blocking). */
  knownGapCount: number;
}

async function runOne(
  suite: string,
  e: Expectation,
  opts: Required<Pick<RunSuitesOptions, 'runSql' | 'tableRef' | 'params' | 'clock'>>,
): Promise<ExpectationResult> {
  const started = opts.clock();
  let id = e.id ?? '';
  let compiled: CompiledExpectation | undefined;
  const base = {
    suite,
    table: e.table,
    kind: e.kind,
    severity: e.severity ?? 'error',
    description: e.description ?? '',
    expected: describeExpected(e, opts.params),
  } as const;
  try {
    id = expectationId(e);
    compiled = compileExpectation(e, { tableRef: opts.tableRef, params: opts.params });
    const rows = await opts.runSql(compiled.sql);
    const v = compiled.evaluate(rows);
    return {
      expectationId: id,
      ...base,
      status: v.success ? 'passed' : 'failed',
      observedValue: v.observedValue,
      elementCount: v.elementCount,
      unexpectedCount: v.unexpectedCount,
      unexpectedPercent: v.elementCount === 0 ? 0 : (100 * v.unexpectedCount) / v.elementCount,
      knownGapCount: v.knownGapCount ?? 0,
      sampleRows: v.sampleRows,
      durationMs: Math.round((opts.clock() - started) * 1000) / 1000,
      error: null,
      sql: compiled.sql,
    };
  } catch (err) {
    // An engine or compile error must not stop the other expectations (the seed stopped at the first).
    return {
      expectationId: id || `${e.table}.${String(e.kind)}`,
      ...base,
      status: 'error',
      observedValue: null,
      elementCount: 0,
      unexpectedCount: 0,
      unexpectedPercent: 0,
      knownGapCount: 0,
      sampleRows: [],
      durationMs: Math.round((opts.clock() - started) * 1000) / 1000,
      error: err instanceof Error ? err.message : String(err),
      sql: compiled?.sql ?? '',
    };
  }
}

/**
 * Runs every expectation of every suite — each one even when earlier ones failed or errored — and
 * decides whether publishing may proceed: only `error`-severity expectations that fail (or cannot
 * run) block. Results come back in suite order. Never throws for data or engine problems.
 */
export async function runSuites(suites: readonly Suite[], options: RunSuitesOptions): Promise<SuitesOutcome> {
  const tableRef = options.tableRef ?? ((t: string) => `"${t}"`);
  const clock = options.clock ?? (() => performance.now());
  const jobs = suites.flatMap((s) => s.expectations.map((e) => ({ suite: s.name, e })));
  const results = new Array<ExpectationResult>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i] as (typeof jobs)[number];
      const r = await runOne(job.suite, job.e, {
        runSql: options.runSql,
        tableRef,
        params: options.params,
        clock,
      });
      results[i] = r;
      options.onResult?.(r);
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 1, jobs.length));
  await Promise.all(Array.from({ length: n }, worker));
  const blocking = results.filter((r) => r.severity === 'error' && r.status !== 'passed');
  return {
    results,
    publishable: blocking.length === 0,
    blocking,
    knownGapCount: results.reduce((a, r) => a + r.knownGapCount, 0),
  };
}
