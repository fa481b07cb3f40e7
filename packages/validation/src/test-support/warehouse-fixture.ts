// Test-only: a tiny star schema (DESIGN §5 names and types) in DuckDB, consistent by construction.
import { sessionsBetween } from '@nasdaq-pipeline/market-calendar';
import type { SuiteRunParams } from '../expectations/types.js';
import type { DuckDbHarness } from './duckdb-runner.js';

/** Window of the fixture: four NASDAQ weeks of June 2025 (Juneteenth closed). */
export const FIXTURE_WINDOW = { from: '2025-06-02', to: '2025-06-27' } as const;
/** Symbols of the fixture. */
export const FIXTURE_SYMBOLS = ['AAPL', 'MSFT'] as const;

/** Run parameters matching the fixture. */
export function fixtureParams(over: Partial<SuiteRunParams> = {}): SuiteRunParams {
  return {
    runId: '01JTESTRUN0000000000000000',
    window: { ...FIXTURE_WINDOW },
    sessions: sessionsBetween(FIXTURE_WINDOW.from, FIXTURE_WINDOW.to),
    symbols: [...FIXTURE_SYMBOLS],
    ...over,
  };
}

/** Deterministic daily bars of the fixture, for charts and record-rule tests. */
export function fixtureBars(): {
  symbol: string;
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}[] {
  const out = [];
  const sessions = sessionsBetween(FIXTURE_WINDOW.from, FIXTURE_WINDOW.to);
  for (const [k, symbol] of FIXTURE_SYMBOLS.entries()) {
    let close = 100 + 300 * k;
    for (const [i, date] of sessions.entries()) {
      const open = close;
      close = Math.round(open * (1 + 0.01 * Math.sin(i + k)) * 100) / 100;
      const high = Math.max(open, close) + 1;
      const low = Math.min(open, close) - 1;
      out.push({ symbol, date, open, high, low, close, volume: 1_000_000 + 1000 * i + k });
    }
  }
  return out;
}

/** Creates dim_date, dim_stock, the fact table and the three aggregates in `db`. */
export async function createFixtureWarehouse(db: DuckDbHarness): Promise<void> {
  const rows = fixtureBars()
    .map((b) => `('${b.symbol}', DATE '${b.date}', ${b.open}, ${b.high}, ${b.low}, ${b.close}, ${b.volume})`)
    .join(',\n');
  await db.exec(`
    CREATE TABLE dim_date AS
      SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER) AS date_key, CAST(d AS DATE) AS date,
             CAST(year(d) AS INTEGER) AS year, CAST(month(d) AS INTEGER) AS month,
             CAST(isoyear(d) AS INTEGER) AS iso_year, CAST(weekofyear(d) AS INTEGER) AS iso_week
      FROM generate_series(TIMESTAMP '2025-01-01', TIMESTAMP '2026-12-31', INTERVAL 1 DAY) t(d);
    CREATE TABLE dim_stock (stock_key BIGINT, symbol VARCHAR, company_name VARCHAR, sector VARCHAR,
      market_cap_tier VARCHAR, valid_from DATE, valid_to DATE, is_current BOOLEAN);
    INSERT INTO dim_stock VALUES
      (1, 'AAPL', 'Apple Inc.', 'Technology', 'Mega', DATE '2025-01-01', NULL, TRUE),
      (2, 'MSFT', 'Microsoft Corporation', 'Technology', 'Mega', DATE '2025-01-01', NULL, TRUE);
    CREATE TABLE raw_bars (symbol VARCHAR, trade_date DATE, open_price DOUBLE, high_price DOUBLE,
      low_price DOUBLE, close_price DOUBLE, volume BIGINT);
    INSERT INTO raw_bars VALUES ${rows};
    CREATE TABLE fact_stock_daily_price AS
      SELECT b.symbol, b.trade_date, CAST(strftime(b.trade_date, '%Y%m%d') AS INTEGER) AS date_key,
             s.stock_key, b.open_price, b.high_price, b.low_price, b.close_price, b.volume,
             (b.high_price + b.low_price + b.close_price) / 3 AS typical_price,
             lag(b.close_price) OVER (PARTITION BY b.symbol ORDER BY b.trade_date) AS previous_close,
             ln(b.close_price / lag(b.close_price) OVER (PARTITION BY b.symbol ORDER BY b.trade_date)) AS log_return,
             'sample' AS source, '01JTESTRUN0000000000000000' AS run_id
      FROM raw_bars b JOIN dim_stock s ON s.symbol = b.symbol;
    CREATE TABLE agg_stock_weekly_metrics AS
      SELECT symbol, CAST(isoyear(trade_date) AS INTEGER) AS iso_year, CAST(weekofyear(trade_date) AS INTEGER) AS iso_week,
             CAST(date_trunc('week', trade_date) AS DATE) AS week_start, MAX(trade_date) AS week_end,
             CAST(COUNT(*) AS INTEGER) AS trading_days, arg_min(open_price, trade_date) AS week_open,
             arg_max(close_price, trade_date) AS week_close, MAX(high_price) AS week_high,
             MIN(low_price) AS week_low, CAST(SUM(volume) AS BIGINT) AS total_volume
      FROM fact_stock_daily_price GROUP BY ALL;
    CREATE TABLE agg_stock_monthly_metrics AS
      SELECT symbol, CAST(year(trade_date) AS INTEGER) AS year, CAST(month(trade_date) AS INTEGER) AS month,
             CAST(date_trunc('month', trade_date) AS DATE) AS month_start,
             CAST(COUNT(*) AS INTEGER) AS trading_days, arg_min(open_price, trade_date) AS month_open,
             arg_max(close_price, trade_date) AS month_close, MAX(high_price) AS month_high,
             MIN(low_price) AS month_low, CAST(SUM(volume) AS BIGINT) AS total_volume
      FROM fact_stock_daily_price GROUP BY ALL;
    CREATE TABLE agg_sector_performance AS
      SELECT f.trade_date, s.sector, CAST(COUNT(*) AS INTEGER) AS num_stocks
      FROM fact_stock_daily_price f JOIN dim_stock s USING (stock_key) GROUP BY ALL;
  `);
}
