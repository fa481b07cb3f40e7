import type { PartitionSpec, Schema } from '../metadata/types.js';

/** The daily-price schema the tests write and read: symbol and trade_date required, an optional close. */
export const priceSchema: Schema = {
  type: 'struct',
  schemaId: 0,
  fields: [
    { id: 1, name: 'symbol', required: true, type: 'string' },
    { id: 2, name: 'trade_date', required: true, type: 'date' },
    { id: 3, name: 'close', required: false, type: 'double' },
  ],
};

/** Partitioning of {@link priceSchema} by `month(trade_date)` (partition field 1000). */
export const byMonthSpec: PartitionSpec = {
  specId: 0,
  fields: [{ sourceId: 2, fieldId: 1000, name: 'trade_date_month', transform: 'month' }],
};
