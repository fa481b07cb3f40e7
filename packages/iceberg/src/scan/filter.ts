/**
 * Scan filters: a small predicate language over column names of the read schema, used for partition
 * pruning (inclusive projection through partition transforms, spec "Scan Planning").
 */

/** A literal a filter compares with: dates as `YYYY-MM-DD` strings or `Date`, timestamps as `Date`/ISO string/µs bigint. */
export type FilterLiteral = number | bigint | string | boolean | Date | Uint8Array;

/** A predicate over columns of the table schema (by current column name). */
export type ScanFilter =
  | {
      readonly op: 'eq' | 'notEq' | 'lt' | 'ltEq' | 'gt' | 'gtEq';
      readonly column: string;
      readonly value: FilterLiteral;
    }
  | { readonly op: 'in'; readonly column: string; readonly values: readonly FilterLiteral[] }
  | { readonly op: 'isNull' | 'notNull'; readonly column: string }
  | { readonly op: 'and' | 'or'; readonly filters: readonly ScanFilter[] };

/** `column = value`. */
export const eq = (column: string, value: FilterLiteral): ScanFilter => ({ op: 'eq', column, value });
/** `column >= value`. */
export const gtEq = (column: string, value: FilterLiteral): ScanFilter => ({ op: 'gtEq', column, value });
/** `column <= value`. */
export const ltEq = (column: string, value: FilterLiteral): ScanFilter => ({ op: 'ltEq', column, value });
/** `column > value`. */
export const gt = (column: string, value: FilterLiteral): ScanFilter => ({ op: 'gt', column, value });
/** `column < value`. */
export const lt = (column: string, value: FilterLiteral): ScanFilter => ({ op: 'lt', column, value });
/** `column IN (values)`. */
export const isIn = (column: string, values: readonly FilterLiteral[]): ScanFilter => ({
  op: 'in',
  column,
  values,
});
/** Every filter holds. */
export const and = (...filters: ScanFilter[]): ScanFilter => ({ op: 'and', filters });
/** Some filter holds. */
export const or = (...filters: ScanFilter[]): ScanFilter => ({ op: 'or', filters });
