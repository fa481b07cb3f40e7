import { rowsToArrow, Table, toLocalPath, type Schema } from '@nasdaq-pipeline/iceberg';
import type { MarketCalendar } from '@nasdaq-pipeline/market-calendar';
import { tableDefinitions, toIcebergSchema } from '@nasdaq-pipeline/star-schema';
import { renderReportFiles, toDqResultRows, type RunHistoryEntry } from '@nasdaq-pipeline/validation';
import type { Db } from '../warehouse/duckdb.js';
import type { Warehouse } from '../warehouse/open-warehouse.js';
import { attachWarehouse } from '../warehouse/snapshot-views.js';
import { readProfileFetchTimes, writeProfileFetchTimes } from './profile-state.js';
import type { RunDetails } from './run-pipeline.js';
import type { RunSummary } from './run-summary.js';
import { joinUri } from './uri.js';

type OpsTable = 'pipeline_runs' | 'dq_results' | 'quarantine_daily_price';

function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00Z`);
}

/** The ledger row of a run (`pipeline_runs`). */
export function ledgerRow(s: RunSummary, engine: string): Record<string, unknown> {
  return {
    run_id: s.runId,
    command: s.command,
    status: s.status,
    started_at: new Date(s.startedAt),
    finished_at: new Date(s.finishedAt),
    window_from: toDate(s.window.from),
    window_to: toDate(s.window.to),
    source: s.source,
    engine,
    symbols_requested: s.symbols.requested.length,
    symbols_failed: s.symbols.failed.length,
    bars_accepted: BigInt(Math.max(0, s.extract.bars - s.quarantine.rows)),
    bars_quarantined: BigInt(s.quarantine.rows),
    exit_code: s.exitCode,
    message: s.message,
  };
}

async function appendRows(wh: Warehouse, table: OpsTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const schema: Schema = toIcebergSchema(tableDefinitions[table]);
  const t = new Table({ catalog: wh.catalog, identifier: { namespace: wh.namespace, name: table } });
  await t.append(rowsToArrow(rows, schema));
}

/**
 * Returns the step that records a finished run whatever its outcome (DESIGN §3 step 7): the ledger row,
 * the data-quality results and the quarantined rows are appended to their operations tables (these
 * are kept even when the data tables were not published), profile fetch times are saved after a
 * published run, and the report (`report.json`, `junit.xml`, `index.html`) is written to
 * `<warehouse>/reports/<run_id>/`.
 * @returns the report folder (a local path, or the URI on S3)
 */
export function createRunRecorder(o: {
  warehouse: Warehouse;
  db: Db;
  now: () => Date;
  calendar: MarketCalendar;
}) {
  return async (summary: RunSummary, details: RunDetails): Promise<string | null> => {
    const wh = o.warehouse;
    const evaluatedAt = o.now();
    await appendRows(wh, 'pipeline_runs', [ledgerRow(summary, 'duckdb')]);
    await appendRows(wh, 'dq_results', [
      ...details.rawStageDq,
      ...toDqResultRows(summary.runId, details.expectations, evaluatedAt),
    ] as unknown as Record<string, unknown>[]);
    await appendRows(
      wh,
      'quarantine_daily_price',
      details.quarantined.map((q) => ({
        run_id: q.run_id,
        symbol: q.symbol,
        // A row whose date cannot be read is keyed on the epoch; its raw_row keeps what was received.
        trade_date: toDate(q.trade_date) ?? new Date(0),
        rule_id: q.rule_id,
        severity: q.severity,
        message: q.message,
        raw_row: q.raw_row,
        raw_path: null,
        quarantined_at: new Date(q.quarantined_at),
      })),
    );
    if (details.fetchedProfiles.length && (summary.published || summary.command === 'extract')) {
      const times = await readProfileFetchTimes(wh.io, wh.rootUri);
      for (const s of details.fetchedProfiles) times[s] = summary.startedAt;
      await writeProfileFetchTimes(wh.io, wh.rootUri, times);
    }
    // Pass-rate history of recent runs, from dq_results (this run included).
    let history: RunHistoryEntry[] = [];
    try {
      await attachWarehouse(o.db, wh);
      const r = await o.db.query(
        `SELECT run_id, CAST(min(evaluated_at) AS VARCHAR) AS at, count(*) AS total, count(*) FILTER (WHERE status = 'pass') AS passed
         FROM dq_results WHERE stage = 'tables' GROUP BY run_id ORDER BY min(evaluated_at) DESC LIMIT 20`,
      );
      history = r.rows
        .filter((row) => row['run_id'] !== summary.runId)
        .reverse()
        .map((row) => ({
          runId: String(row['run_id']),
          at: String(row['at']),
          passed: Number(row['passed']),
          total: Number(row['total']),
        }));
    } catch {
      history = [];
    }
    const { files } = renderReportFiles({
      runId: summary.runId,
      generatedAt: evaluatedAt,
      window: { from: summary.window.from, to: summary.window.to },
      results: details.expectations,
      quarantine: details.quarantined,
      warnings: details.warnings,
      refusedSymbols: summary.symbols.failed.map((f) => f.symbol),
      prices: details.closes,
      history,
      published: summary.published,
      counters: {
        command: summary.command,
        source: summary.source,
        'symbols requested': summary.symbols.requested.length,
        'symbols failed': summary.symbols.failed.length,
        'API requests': summary.extract.requests,
        'bars received': summary.extract.bars,
        'raw files': summary.extract.rawFiles,
      },
    });
    const dir = joinUri(wh.rootUri, 'reports', summary.runId);
    for (const [name, text] of Object.entries(files)) {
      await wh.io.write(joinUri(dir, name), new TextEncoder().encode(text));
    }
    return wh.target === 'local' ? toLocalPath(dir) : dir;
  };
}
