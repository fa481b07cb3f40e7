import { addDays, daysInMonth, startOfIsoWeek } from '@nasdaq-pipeline/market-calendar';
import { composeQuery, dateLiteral, quoteIdent } from '../sql.js';
import type { ExpectationBase } from '../types.js';
import { evaluateRowLevel, type ExpectationKind } from './kind.js';

/**
 * A weekly or monthly aggregate table agrees with the fact table it summarises: per (symbol, period)
 * the same trading days, total volume, high, low, first open and last close; no period missing on
 * either side.
 */
export interface ReconcileExpectation extends ExpectationBase {
  kind: 'expect_aggregate_to_reconcile';
  period: 'week' | 'month';
  /** Default `fact_stock_daily_price`. */
  factTable?: string;
}

/**
 * Compiles {@link ReconcileExpectation}. Periods are keyed by their start date with
 * `date_trunc('week' | 'month', …)` (ISO weeks start on Monday on both DuckDB and Trino);
 * `min_by`/`max_by` pick the first open and last close by date on both engines.
 */
export const reconcileKind: ExpectationKind<ReconcileExpectation> = {
  kind: 'expect_aggregate_to_reconcile',
  summary: 'aggregate rows match the fact table (counts, volume sums, highs, lows, open, close)',
  properties: { period: { enum: ['week', 'month'] }, factTable: { type: 'string' } },
  required: ['period'],
  idColumns: (e) => [e.period],
  compile(e, id, { tableRef, params }) {
    const p = e.period;
    quoteIdent(p, id);
    // Window scope: the periods the window touches, whole (a touched period is recomputed whole).
    let factWhere = '';
    let aggWhere = '';
    if (params.scope !== 'all') {
      const { from, to } = params.window;
      const start = p === 'week' ? startOfIsoWeek(from) : `${from.slice(0, 8)}01`;
      const end =
        p === 'week'
          ? addDays(startOfIsoWeek(to), 6)
          : `${to.slice(0, 8)}${String(daysInMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7)))).padStart(2, '0')}`;
      const range = `BETWEEN ${dateLiteral(start, id)} AND ${dateLiteral(end, id)}`;
      factWhere = ` WHERE "trade_date" ${range}`;
      aggWhere = ` WHERE "${p}_start" ${range}`;
    }
    const fact = tableRef(e.factTable ?? 'fact_stock_daily_price');
    const agg = tableRef(e.table);
    const measures = [
      'trading_days',
      'total_volume',
      'period_high',
      'period_low',
      'period_open',
      'period_close',
    ];
    const mismatch = measures.map((m) => `a.${m} IS DISTINCT FROM f.${m}`).join(' OR ');
    const pairs = measures.map((m) => `a.${m} AS agg_${m}, f.${m} AS fact_${m}`).join(', ');
    return {
      sql: composeQuery({
        ctes: [
          `dq_fact AS (\n  SELECT "symbol", CAST(date_trunc('${p}', "trade_date") AS DATE) AS period_start,\n` +
            `    COUNT(*) AS trading_days, SUM("volume") AS total_volume, MAX("high_price") AS period_high,\n` +
            `    MIN("low_price") AS period_low, min_by("open_price", "trade_date") AS period_open,\n` +
            `    max_by("close_price", "trade_date") AS period_close\n` +
            `  FROM ${fact}${factWhere} GROUP BY "symbol", CAST(date_trunc('${p}', "trade_date") AS DATE)\n)`,
          `dq_agg AS (\n  SELECT "symbol", "${p}_start" AS period_start, "trading_days" AS trading_days,\n` +
            `    "total_volume" AS total_volume, "${p}_high" AS period_high, "${p}_low" AS period_low,\n` +
            `    "${p}_open" AS period_open, "${p}_close" AS period_close\n  FROM ${agg}${aggWhere}\n)`,
          `dq_joined AS (\n  SELECT COALESCE(a."symbol", f."symbol") AS "symbol",\n` +
            `    COALESCE(a.period_start, f.period_start) AS period_start,\n` +
            `    CASE WHEN a."symbol" IS NULL THEN 'missing in aggregate' WHEN f."symbol" IS NULL THEN 'no fact rows'\n` +
            `      WHEN ${mismatch} THEN 'values differ' ELSE 'ok' END AS problem,\n    ${pairs}\n` +
            `  FROM dq_agg a FULL OUTER JOIN dq_fact f ON a."symbol" = f."symbol" AND a.period_start = f.period_start\n)`,
        ],
        bad: `SELECT * FROM dq_joined WHERE problem <> 'ok'`,
        orderBy: '"symbol", period_start',
        stats:
          `SELECT COUNT(*) AS dq_total, COALESCE(SUM(CASE WHEN problem <> 'ok' THEN 1 ELSE 0 END), 0) AS dq_unexpected\n` +
          `FROM dq_joined`,
      }),
      evaluate: (rows) => evaluateRowLevel(rows, e.mostly),
    };
  },
};
