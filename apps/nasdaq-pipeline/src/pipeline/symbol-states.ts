import type { Db } from '../warehouse/duckdb.js';
import type { SymbolState } from './extract-plan.js';

/**
 * Reads what the warehouse holds per symbol (first and last stored trade_date) from the
 * `fact_stock_daily_price` view; symbols without rows are absent from the map.
 */
export async function readSymbolStates(db: Db, hasFact: boolean): Promise<Map<string, SymbolState>> {
  const states = new Map<string, SymbolState>();
  if (!hasFact) return states;
  const r = await db.query(
    'SELECT symbol, CAST(min(trade_date) AS VARCHAR) AS first_date, CAST(max(trade_date) AS VARCHAR) AS last_date FROM fact_stock_daily_price GROUP BY symbol',
  );
  for (const row of r.rows) {
    const symbol = String(row['symbol']);
    states.set(symbol, { symbol, firstDate: String(row['first_date']), lastDate: String(row['last_date']) });
  }
  return states;
}
