import type { MarketCalendar } from '@nasdaq-pipeline/market-calendar';
import { runSuites, type ExpectationResult, type KnownGap, type Suite } from '@nasdaq-pipeline/validation';
import type { Db } from '../warehouse/duckdb.js';
import type { Warehouse } from '../warehouse/open-warehouse.js';
import { attachWarehouse } from '../warehouse/snapshot-views.js';
import type { RunWindow } from './extract-plan.js';
import type { StagedTransform } from './stages.js';

/** What the table validator needs besides the staged tables. */
export interface TableValidatorOptions {
  db: Db;
  warehouse: Warehouse;
  calendar: MarketCalendar;
  window: RunWindow;
  symbols: readonly string[];
  runId: string;
  suites: readonly Suite[];
}

/**
 * Returns the run's table-validation step: DuckDB views are pointed at the STAGED snapshots (write,
 * audit, then publish), and the built-in suites run against them; every expectation runs even when
 * an earlier one failed.
 */
export function createTableValidator(o: TableValidatorOptions) {
  return async (
    staged: StagedTransform,
    extra: { emptySymbols: string[]; knownGaps: KnownGap[] },
  ): Promise<ExpectationResult[]> => {
    await attachWarehouse(o.db, o.warehouse, { stagedFiles: staged.stagedFiles });
    const sessions = o.calendar.sessionsBetween(o.window.from, o.window.to);
    const outcome = await runSuites(o.suites, {
      runSql: async (sql) => (await o.db.query(sql)).rows,
      params: {
        runId: o.runId,
        // Freshness and completeness are judged on sessions: a window ending on a weekend ends at its last session.
        window: { from: sessions[0] ?? o.window.from, to: sessions[sessions.length - 1] ?? o.window.to },
        sessions,
        symbols: o.symbols,
        emptySymbols: extra.emptySymbols,
        knownGaps: extra.knownGaps,
      },
    });
    return outcome.results;
  };
}
