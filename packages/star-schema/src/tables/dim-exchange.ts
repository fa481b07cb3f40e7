import { column, type TableDefinition } from './table-definition.js';

/** A row of `dim_exchange`. */
export interface DimExchangeRow {
  exchange_key: number;
  exchange_code: string;
  exchange_name: string;
  country: string | null;
  timezone: string | null;
}

/** `dim_exchange` [exchange_code]: the exchanges listed stocks trade on. */
export const dimExchange: TableDefinition = {
  name: 'dim_exchange',
  kind: 'dimension',
  doc: 'Exchanges: the known US venues plus any code seen in company profiles.',
  columns: [
    column(1, 'exchange_key', 'int', true),
    column(2, 'exchange_code', 'string', true),
    column(3, 'exchange_name', 'string', true),
    column(4, 'country', 'string'),
    column(5, 'timezone', 'string'),
  ],
  keyColumns: ['exchange_code'],
  partition: null,
  sortColumns: ['exchange_code'],
};
