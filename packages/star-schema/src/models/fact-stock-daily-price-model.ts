import type { Dialect } from './dialect.js';
import type { ModelOptions } from './index.js';
import { provenanceConstants } from './provenance.js';

/**
 * `fact_stock_daily_price` rows of every `affected_symbols` symbol from its `from_date` on, computed over the
 * symbol's stored history (`stored_fact`) with the staged bars (`staged_bars`) replacing stored rows of the same
 * session. Formulas: DESIGN §5.
 *
 * Every window orders by the trade date's day number (an integer), so the ROWS frames and the 364-day RANGE frame
 * share one sort: an INTERVAL frame over a DATE order key added a second sort, and a TIMESTAMP key sorted and
 * searched about 15 % slower than the integer. close_price is required, so a symbol's session number
 * (`row_number`) says whether a 50/200-row frame is full (cheaper than counting each frame). The SCD2 join uses
 * `coalesce(valid_to, DATE '9999-12-31')` so it stays an equi-join on symbol with a range filter (an
 * `OR valid_to IS NULL` became a nested-loop join). In a rebuild (`o.rebuild`) the staged bars are the whole
 * history: every row of every staged symbol, no stored rows; with `o.stagedProvenance` its provenance is written
 * as constants after the windows.
 */
export function factStockDailyPriceModel(d: Dialect, o: ModelOptions = {}): string {
  const w = (frame: string) => `OVER (PARTITION BY symbol ORDER BY dn ${frame})`.replace(' )', ')');
  const rows = (n: number) => w(`ROWS BETWEEN ${n - 1} PRECEDING AND CURRENT ROW`);
  const year = w('RANGE BETWEEN 364 PRECEDING AND CURRENT ROW');
  const constant = o.rebuild ? o.stagedProvenance : undefined;
  const provenance = constant ? provenanceConstants(d, constant) : 'x.source, x.run_id, x.ingested_at';
  return `WITH merged AS (
  SELECT b.symbol, CAST(b.date AS DATE) AS trade_date,
    CAST(b.open AS DOUBLE) AS open_price, CAST(b.high AS DOUBLE) AS high_price,
    CAST(b.low AS DOUBLE) AS low_price, CAST(b.close AS DOUBLE) AS close_price,
    CAST(b.volume AS BIGINT) AS volume${constant ? '' : `, b.source, b.run_id, ${d.toTimestamptz('b.ingested_at')} AS ingested_at`}
  FROM staged_bars b${
    o.rebuild
      ? ''
      : `
  WHERE b.symbol IN (SELECT symbol FROM affected_symbols)
  UNION ALL
  SELECT f.symbol, f.trade_date, f.open_price, f.high_price, f.low_price, f.close_price, f.volume,
    f.source, f.run_id, f.ingested_at
  FROM stored_fact f
  WHERE f.symbol IN (SELECT symbol FROM affected_symbols)
    AND NOT EXISTS (
      SELECT 1 FROM staged_bars b WHERE b.symbol = f.symbol AND CAST(b.date AS DATE) = f.trade_date
    )`
  }
),
windowed AS (
  SELECT m.*,
    lag(close_price) ${w('')} AS previous_close,
    row_number() ${w('')} AS n,
    avg(close_price) ${rows(50)} AS avg50,
    avg(close_price) ${rows(200)} AS avg200,
    max(high_price) ${year} AS year_high_52w,
    min(low_price) ${year} AS year_low_52w
  FROM (SELECT merged.*, ${d.dayNumber('trade_date')} AS dn FROM merged) m
)
SELECT
  x.symbol,
  x.trade_date,
  year(x.trade_date) * 10000 + month(x.trade_date) * 100 + day(x.trade_date) AS date_key,
  s.stock_key,
  x.open_price, x.high_price, x.low_price, x.close_price, x.volume,
  (x.high_price + x.low_price + x.close_price) / 3 AS typical_price,
  x.previous_close,
  x.close_price - x.previous_close AS price_change,
  100 * (x.close_price - x.previous_close) / x.previous_close AS change_percentage,
  ln(x.close_price / x.previous_close) AS log_return,
  100 * (x.high_price - x.low_price) / x.low_price AS daily_volatility,
  CASE WHEN x.n >= 50 THEN x.avg50 END AS price_avg_50d,
  CASE WHEN x.n >= 200 THEN x.avg200 END AS price_avg_200d,
  x.year_high_52w,
  x.year_low_52w,
  s.market_cap,
  ${provenance}
FROM windowed x${o.rebuild ? '' : '\nJOIN affected_symbols a ON a.symbol = x.symbol AND x.trade_date >= a.from_date'}
LEFT JOIN all_dim_stock s
  ON s.symbol = x.symbol
  AND x.trade_date >= s.valid_from
  AND x.trade_date < coalesce(s.valid_to, DATE '9999-12-31')`;
}
