import type { ColumnStats, IcebergValue, PrimitiveTypeName } from '@nasdaq-pipeline/iceberg';
import type { TableDefinition } from '../tables/table-definition.js';
import type { WrittenFileStats } from './table-store.js';

/** A `MAP` value as `@duckdb/node-api` renders it in JSON rows. */
type JsonMap<V> = readonly { readonly key: string; readonly value: V }[] | null;

/** One row of `COPY … TO … (FORMAT parquet, RETURN_STATS)`, read with `getRowObjectsJson()`. */
export interface ReturnStatsRow {
  readonly filename: string;
  readonly count: string;
  readonly file_size_bytes: string;
  readonly column_statistics: JsonMap<JsonMap<string>>;
  readonly partition_keys: JsonMap<string>;
}

// DuckDB keeps at most 256 bytes of a string statistic: longer values are cut (and a cut maximum incremented).
// Such a bound is valid but inexact; like the footer path, leave it out.
const MAX_EXACT_STRING_BYTES = 200;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:([+-])(\d{2})(?::?(\d{2}))?)?$/;

function days(y: string, m: string, d: string): number {
  const t = new Date(0);
  t.setUTCFullYear(Number(y), Number(m) - 1, Number(d)); // (Date.UTC reads years 0–99 as 1900–1999)
  return t.getTime() / 86_400_000;
}

function micros(text: string): bigint | undefined {
  const t = TIMESTAMP.exec(text);
  if (!t) return undefined;
  const [, y = '', mo = '', d = '', h, mi, s, frac = '', sign, oh = '0', om = '0'] = t;
  const seconds = days(y, mo, d) * 86_400 + Number(h) * 3600 + Number(mi) * 60 + Number(s);
  const offset = (Number(oh) * 3600 + Number(om) * 60) * (sign === '-' ? -1 : 1);
  return BigInt(seconds - offset) * 1_000_000n + BigInt(frac.padEnd(6, '0'));
}

/**
 * The Iceberg value of a DuckDB statistic rendered as text (`RETURN_STATS`), or `undefined` when it is not an
 * exact, finite value of `type` (an infinite date, a NaN, a cut string, a type without a single-value form here).
 */
export function statValue(type: PrimitiveTypeName, text: string): IcebergValue | undefined {
  switch (type) {
    case 'boolean':
      return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : undefined;
    case 'int':
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case 'long':
      return /^-?\d+$/.test(text) ? BigInt(text) : undefined;
    case 'float':
    case 'double': {
      const v = Number(text);
      return Number.isFinite(v) && text.trim() !== '' ? v : undefined;
    }
    case 'date': {
      const [, y = '', m = '', d = ''] = DATE.exec(text) ?? [];
      return y ? days(y, m, d) : undefined;
    }
    case 'timestamp':
    case 'timestamptz':
      return micros(text);
    case 'string':
      return new TextEncoder().encode(text).byteLength > MAX_EXACT_STRING_BYTES ? undefined : text;
    default:
      return undefined;
  }
}

function entries<V>(map: JsonMap<V>): Map<string, V> {
  return new Map((map ?? []).map((e) => [e.key, e.value]));
}

/** Column name of a `column_statistics` key (DuckDB quotes it: `"trade_date"`). */
function columnName(key: string): string {
  return key.startsWith('"') && key.endsWith('"') ? key.slice(1, -1).replaceAll('""', '"') : key;
}

/**
 * The metrics DuckDB reported for one file it wrote of `table`, keyed by field id: sizes, value and null counts,
 * and exact bounds. A file that holds only nulls in a column has no bounds for it; a floating-point column that
 * holds a NaN gets none either.
 */
export function writtenFileStats(row: ReturnStatsRow, table: TableDefinition): WrittenFileStats {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const columns = new Map<number, ColumnStats>();
  for (const [key, value] of entries(row.column_statistics)) {
    const column = byName.get(columnName(key));
    if (!column) continue;
    const s = entries(value);
    const num = (k: string): bigint | undefined => {
      const v = s.get(k);
      return v !== undefined && /^\d+$/.test(v) ? BigInt(v) : undefined;
    };
    const min = s.get('min');
    const max = s.get('max');
    const lower = min === undefined ? undefined : statValue(column.type, min);
    const upper = max === undefined ? undefined : statValue(column.type, max);
    const bounded = lower !== undefined && upper !== undefined && s.get('has_nan') !== 'true';
    const size = num('column_size_bytes');
    const valueCount = num('num_values');
    const nullCount = num('null_count');
    columns.set(column.id, {
      ...(size !== undefined ? { size } : {}),
      ...(valueCount !== undefined ? { valueCount } : {}),
      ...(nullCount !== undefined ? { nullCount } : {}),
      ...(bounded ? { lower, upper } : {}),
    });
  }
  return { recordCount: BigInt(row.count), fileSizeInBytes: BigInt(row.file_size_bytes), columns };
}

/** The value of partition column `name` DuckDB reported for a file of a `PARTITION_BY` write. */
export function partitionKeyOf(row: ReturnStatsRow, name: string): string | undefined {
  return entries(row.partition_keys).get(name);
}
