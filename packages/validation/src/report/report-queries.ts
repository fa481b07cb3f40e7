import { dateLiteral, literal } from '../expectations/sql.js';
import type { TableRef } from '../expectations/types.js';
import { toNumber, toPlainValue } from '../expectations/values.js';
import type { ClosePoint, RunHistoryEntry } from './types.js';

/**
 * SQL (DuckDB and Athena alike) for the report's price charts: closes of `fact_stock_daily_price`
 * from `from` to `to`, optionally for some symbols. For a one-day window pass a longer `from`
 * (e.g. 60 sessions back) so the charts show a line.
 */
export function compileClosePricesQuery(options: {
  tableRef: TableRef;
  from: string;
  to: string;
  symbols?: readonly string[];
}): string {
  const only = options.symbols?.length
    ? ` AND "symbol" IN (${options.symbols.map((s) => literal(s)).join(', ')})`
    : '';
  return (
    `SELECT "symbol", CAST("trade_date" AS VARCHAR) AS "date", "close_price" AS "close"\n` +
    `FROM ${options.tableRef('fact_stock_daily_price')}\n` +
    `WHERE "trade_date" BETWEEN ${dateLiteral(options.from)} AND ${dateLiteral(options.to)}${only}\n` +
    `ORDER BY "symbol", "trade_date"`
  );
}

/** Rows of {@link compileClosePricesQuery} as chart points. */
export function toClosePoints(rows: readonly Record<string, unknown>[]): ClosePoint[] {
  return rows.map((r) => ({
    symbol: String(r['symbol']),
    date: String(toPlainValue(r['date'])).slice(0, 10),
    close: toNumber(r['close']),
  }));
}

/** SQL for the pass-rate history: the last `limit` runs of table-stage results in `dq_results`. */
export function compileRunHistoryQuery(options: { tableRef: TableRef; limit?: number }): string {
  const limit = Math.max(1, Math.floor(options.limit ?? 30));
  return (
    `SELECT "run_id", CAST(MIN("evaluated_at") AS VARCHAR) AS "at",\n` +
    `  SUM(CASE WHEN "status" = 'pass' THEN 1 ELSE 0 END) AS "passed", COUNT(*) AS "total"\n` +
    `FROM ${options.tableRef('dq_results')}\nWHERE "stage" = 'tables'\n` +
    `GROUP BY "run_id"\nORDER BY MIN("evaluated_at") DESC\nLIMIT ${limit}`
  );
}

/** Rows of {@link compileRunHistoryQuery}, oldest first. */
export function toRunHistory(rows: readonly Record<string, unknown>[]): RunHistoryEntry[] {
  return rows
    .map((r) => ({
      runId: String(r['run_id']),
      at: String(toPlainValue(r['at'])),
      passed: toNumber(r['passed']),
      total: toNumber(r['total']),
    }))
    .reverse();
}
