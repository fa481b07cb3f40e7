/**
 * The period aggregates shared by the weekly and monthly models, over `r` (fact rows of the period).
 * Open/close are the first/last session's by date (`min_by`/`max_by`, never an unordered first/last). The
 * previous period's close is the `previous_close` of the period's first session: the previous stored session
 * lies in the previous period that has rows. `min_by` skips nulls, so a null previous_close is carried as −1
 * (prices are > 0) and turned back into null.
 */
export function periodAggregates(): string {
  return `count(*) AS trading_days,
    min_by(r.open_price, r.trade_date) AS period_open,
    max_by(r.close_price, r.trade_date) AS period_close,
    max(r.high_price) AS period_high,
    min(r.low_price) AS period_low,
    sum(r.volume) AS total_volume,
    avg(r.close_price) AS avg_close,
    stddev_samp(r.close_price) AS close_stddev,
    avg(r.daily_volatility) AS avg_daily_volatility,
    nullif(min_by(coalesce(r.previous_close, -1.0), r.trade_date), -1.0) AS previous_period_close`;
}

/**
 * Every fact row of the touched periods: all of `new_fact`, plus the rows of `stored_fact` in a touched period
 * (`touched(alias)` is the semi-join condition) that `new_fact` does not replace. `@` in `columns` is the alias.
 * In a rebuild `new_fact` holds every row, so it is read alone.
 */
export function touchedFactRows(
  touched: (alias: string) => string,
  columns: string,
  rebuild = false,
): string {
  if (rebuild) return `SELECT ${columns.replaceAll('@', 'n')} FROM new_fact n`;
  return `SELECT ${columns.replaceAll('@', 'n')} FROM new_fact n
  UNION ALL
  SELECT ${columns.replaceAll('@', 'f')} FROM stored_fact f
  WHERE ${touched('f')}
    AND NOT EXISTS (SELECT 1 FROM new_fact n WHERE n.symbol = f.symbol AND n.trade_date = f.trade_date)`;
}

/** Columns of {@link periodAggregates}. */
const PERIOD_COLUMNS =
  'trading_days, period_open, period_close, period_high, period_low, total_volume, avg_close, close_stddev, avg_daily_volatility, previous_period_close';

/** The Monday that starts the ISO week of fact row `a`. */
export function weekStartOf(a: string): string {
  return `CAST(date_trunc('WEEK', ${a}.trade_date) AS DATE)`;
}

/**
 * Rebuild only: the weekly and the monthly aggregates of every `new_fact` row in one scan (GROUPING SETS), bound
 * as `period_groups` for both period models to select from (each read every fact file once before; one scan
 * saved ~0.5 s of a 3,000-symbol × 10-year rebuild, BENCHMARKS.md, star-schema, session 5). `is_month` tells the
 * two sets apart. A month carries its last session's stock_key, and the monthly model joins the sector to that
 * one key instead of to every session; keys are positive, so −1 carries a null key through `max_by`.
 */
export function periodGroupsModel(): string {
  return `SELECT r.symbol, r.week_start, r.year, r.month,
    grouping(r.week_start) AS is_month,
    max(r.trade_date) AS period_end,
    ${periodAggregates()},
    nullif(max_by(coalesce(r.stock_key, -1), r.trade_date), -1) AS last_stock_key,
    avg(r.market_cap) AS avg_market_cap
  FROM (
    SELECT n.symbol, n.trade_date, n.stock_key, n.open_price, n.high_price, n.low_price, n.close_price, n.volume,
      n.daily_volatility, n.previous_close, n.market_cap,
      ${weekStartOf('n')} AS week_start, year(n.trade_date) AS year, month(n.trade_date) AS month
    FROM new_fact n
  ) r
  GROUP BY GROUPING SETS ((r.symbol, r.week_start), (r.symbol, r.year, r.month))`;
}

/**
 * A rebuild's period rows from `period_groups` (`month`: the monthly set, else the weekly), with the columns of
 * {@link periodAggregates} plus `extra` (`p` is the alias; `s` when `join` adds one).
 */
export function periodGroupRows(month: boolean, keys: string, extra = '', join = ''): string {
  return `SELECT ${keys}, ${PERIOD_COLUMNS.split(', ')
    .map((c) => `p.${c}`)
    .join(', ')}${extra}
  FROM period_groups p${join}
  WHERE p.is_month = ${month ? 1 : 0}`;
}
