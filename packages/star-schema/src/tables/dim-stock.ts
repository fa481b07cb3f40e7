import { column, type TableDefinition } from './table-definition.js';

/** Market-cap tier of `dim_stock.market_cap_tier`. */
export type MarketCapTier = 'Mega' | 'Large' | 'Mid' | 'Small' | 'Micro';

/** A row of `dim_stock` (one SCD2 version). */
export interface DimStockRow {
  /** One per version; a deterministic 52-bit hash of (symbol, valid_from). */
  stock_key: number;
  symbol: string;
  company_name: string | null;
  exchange: string | null;
  exchange_full_name: string | null;
  sector: string | null;
  industry: string | null;
  country: string | null;
  currency: string | null;
  ipo_date: string | null;
  market_cap: number | null;
  market_cap_tier: MarketCapTier | null;
  is_actively_trading: boolean | null;
  valid_from: string;
  /** `null` for the current version. */
  valid_to: string | null;
  is_current: boolean;
}

/** `dim_stock` [symbol, valid_from]: company profiles, SCD type 2. */
export const dimStock: TableDefinition = {
  name: 'dim_stock',
  kind: 'dimension',
  doc: 'Company profiles as SCD type 2: a change in any descriptive column opens a new version.',
  columns: [
    column(1, 'stock_key', 'long', true, 'one per version: hash of (symbol, valid_from)'),
    column(2, 'symbol', 'string', true),
    column(3, 'company_name', 'string'),
    column(4, 'exchange', 'string'),
    column(5, 'exchange_full_name', 'string'),
    column(6, 'sector', 'string'),
    column(7, 'industry', 'string'),
    column(8, 'country', 'string'),
    column(9, 'currency', 'string'),
    column(10, 'ipo_date', 'date'),
    column(11, 'market_cap', 'long'),
    column(
      12,
      'market_cap_tier',
      'string',
      false,
      'Mega ≥ 200B, Large ≥ 10B, Mid ≥ 2B, Small ≥ 300M, Micro < 300M',
    ),
    column(13, 'is_actively_trading', 'boolean'),
    column(14, 'valid_from', 'date', true),
    column(15, 'valid_to', 'date', false, 'exclusive; null = current version'),
    column(16, 'is_current', 'boolean', true),
  ],
  keyColumns: ['symbol', 'valid_from'],
  partition: null,
  sortColumns: ['symbol', 'valid_from'],
};
