import type { Dialect } from './dialect.js';

/**
 * Helper model `affected_symbols(symbol, from_date)`: per symbol, the first session whose fact row must be
 * recomputed — the earliest staged bar that is new or differs from the stored row (OHLCV or source), or the
 * first date whose dim_stock version changed (`stock_changes`). A bar identical to its stored row changes
 * nothing, so rerunning an unchanged day rewrites nothing.
 */
export function factChangesModel(d: Dialect): string {
  const differs = [
    d.isDistinct('f.open_price', 'CAST(b.open AS DOUBLE)'),
    d.isDistinct('f.high_price', 'CAST(b.high AS DOUBLE)'),
    d.isDistinct('f.low_price', 'CAST(b.low AS DOUBLE)'),
    d.isDistinct('f.close_price', 'CAST(b.close AS DOUBLE)'),
    d.isDistinct('f.volume', 'CAST(b.volume AS BIGINT)'),
    d.isDistinct('f.source', 'b.source'),
  ].join('\n    OR ');
  return `SELECT symbol, min(from_date) AS from_date
FROM (
  SELECT b.symbol, CAST(b.date AS DATE) AS from_date
  FROM staged_bars b
  LEFT JOIN stored_fact f ON f.symbol = b.symbol AND f.trade_date = CAST(b.date AS DATE)
  WHERE f.symbol IS NULL
    OR ${differs}
  UNION ALL
  SELECT symbol, from_date FROM stock_changes
) c
GROUP BY symbol`;
}
