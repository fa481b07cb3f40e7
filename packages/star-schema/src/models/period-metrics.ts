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
