/** SQL dialects a model renders for. */
export type DialectName = 'duckdb' | 'spark';

/**
 * The few constructs whose spelling differs between DuckDB and Spark SQL 3.x. Everything else in a model is
 * written once in the common subset (window functions, `min_by`/`max_by`, `stddev_samp`, `date_trunc`, CASE…).
 */
export interface Dialect {
  readonly name: DialectName;
  /** ISO 8601 week-numbering year of a DATE. */
  isoYear(date: string): string;
  /** ISO 8601 week (1–53) of a DATE. */
  isoWeek(date: string): string;
  /** ISO day of week, 1 = Monday … 7 = Sunday. */
  isoDayOfWeek(date: string): string;
  /** English month name (`January`). */
  monthName(date: string): string;
  /** English day name (`Monday`). */
  dayName(date: string): string;
  /** DATE minus a whole number of days. */
  subtractDays(date: string, days: number): string;
  /** `a` and `b` differ, nulls compared as values. */
  isDistinct(a: string, b: string): string;
  /** Deterministic positive 52-bit key from a string expression (first 13 hex digits of its MD5). */
  hashKey(text: string): string;
  /**
   * Whole days from 1970-01-01 to a DATE, as an integer: the window ordering shared by ROWS frames and a RANGE
   * frame of `n PRECEDING` days (one sort; cheaper to sort and search than a DATE or TIMESTAMP key).
   */
  dayNumber(date: string): string;
  /** Cast to the engine type of Iceberg `timestamptz`. */
  toTimestamptz(value: string): string;
  /** A string literal of `value`. */
  string(value: string): string;
}

/** DuckDB spelling. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  isoYear: (d) => `isoyear(${d})`,
  isoWeek: (d) => `weekofyear(${d})`,
  isoDayOfWeek: (d) => `isodow(${d})`,
  monthName: (d) => `monthname(${d})`,
  dayName: (d) => `dayname(${d})`,
  subtractDays: (d, n) => `(${d} - ${n})`,
  isDistinct: (a, b) => `(${a} IS DISTINCT FROM ${b})`,
  hashKey: (t) => `CAST(concat('0x', substr(md5(${t}), 1, 13)) AS BIGINT)`,
  dayNumber: (d) => `CAST(${d} - DATE '1970-01-01' AS INTEGER)`,
  toTimestamptz: (v) => `CAST(${v} AS TIMESTAMPTZ)`,
  string: (v) => `'${v.replaceAll("'", "''")}'`,
};

/** Spark SQL 3.x spelling (Glue 4/5). */
export const sparkDialect: Dialect = {
  name: 'spark',
  isoYear: (d) => `extract(YEAROFWEEK FROM ${d})`,
  isoWeek: (d) => `weekofyear(${d})`,
  isoDayOfWeek: (d) => `(weekday(${d}) + 1)`,
  monthName: (d) => `date_format(${d}, 'MMMM')`,
  dayName: (d) => `date_format(${d}, 'EEEE')`,
  subtractDays: (d, n) => `date_sub(${d}, ${n})`,
  isDistinct: (a, b) => `(NOT (${a} <=> ${b}))`,
  hashKey: (t) => `CAST(conv(substr(md5(${t}), 1, 13), 16, 10) AS BIGINT)`,
  dayNumber: (d) => `datediff(${d}, DATE '1970-01-01')`,
  // Spark's TIMESTAMP is instant semantics (session time zone), which Iceberg maps to timestamptz.
  toTimestamptz: (v) => `CAST(${v} AS TIMESTAMP)`,
  // Spark string literals take backslash escapes.
  string: (v) => `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,
};

/** The dialect of `name`. */
export function dialectOf(name: DialectName): Dialect {
  return name === 'duckdb' ? duckdbDialect : sparkDialect;
}
