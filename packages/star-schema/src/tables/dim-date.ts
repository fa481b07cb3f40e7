import { column, type TableDefinition } from './table-definition.js';

/** A row of `dim_date`. Dates are `YYYY-MM-DD`. */
export interface DimDateRow {
  date_key: number;
  date: string;
  year: number;
  quarter: number;
  month: number;
  month_name: string;
  day_of_month: number;
  /** ISO day of week, 1 = Monday … 7 = Sunday. */
  day_of_week: number;
  day_name: string;
  iso_year: number;
  iso_week: number;
  is_weekend: boolean;
  is_trading_day: boolean;
  is_early_close: boolean;
  holiday_name: string | null;
}

/** `dim_date` [date_key]: one row per calendar day, Jan 1 of the earliest data year to Dec 31 of next year. */
export const dimDate: TableDefinition = {
  name: 'dim_date',
  kind: 'dimension',
  doc: 'Calendar days with the NASDAQ trading calendar; covers Jan 1 of the earliest data year to Dec 31 of next year.',
  columns: [
    column(1, 'date_key', 'int', true, 'YYYYMMDD'),
    column(2, 'date', 'date', true),
    column(3, 'year', 'int', true),
    column(4, 'quarter', 'int', true),
    column(5, 'month', 'int', true),
    column(6, 'month_name', 'string', true),
    column(7, 'day_of_month', 'int', true),
    column(8, 'day_of_week', 'int', true, '1 = Monday … 7 = Sunday'),
    column(9, 'day_name', 'string', true),
    column(10, 'iso_year', 'int', true),
    column(11, 'iso_week', 'int', true),
    column(12, 'is_weekend', 'boolean', true),
    column(13, 'is_trading_day', 'boolean', true),
    column(14, 'is_early_close', 'boolean', true),
    column(15, 'holiday_name', 'string'),
  ],
  keyColumns: ['date_key'],
  partition: null,
  sortColumns: ['date_key'],
};
