/**
 * Convert one Athena result cell (always a string, or absent for SQL NULL) to a JS value by its column type
 * (`ColumnInfo.Type`, Trino type names):
 * - `tinyint`, `smallint`, `integer`/`int` → `number`; `bigint` → `number` when safe, else `bigint`
 * - `double`, `real`/`float`, `decimal` → `number` (`NaN`/`Infinity` spelled as Athena spells them)
 * - `boolean` → `boolean`
 * - `date` → `'YYYY-MM-DD'` string, unchanged (no time zone to get wrong)
 * - `timestamp` → `Date` (Athena prints UTC wall time `2024-01-02 15:04:05.123`);
 *   `timestamp with time zone` → `Date` (`… UTC` or an offset/zone suffix)
 * - everything else (`varchar`, `char`, `json`, `array`, `map`, `row`, `varbinary`, …) → the string as is
 */
export function convertAthenaValue(value: string | undefined, type: string): unknown {
  if (value === undefined) return null;
  const t = type.toLowerCase().replace(/\(.*$/, '').trim();
  switch (t) {
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'int':
      return Number(value);
    case 'bigint': {
      const big = BigInt(value);
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(big)
        : big;
    }
    case 'double':
    case 'real':
    case 'float':
    case 'decimal':
      return parseFloatValue(value);
    case 'boolean':
      return value === 'true';
    case 'timestamp':
      return parseTimestamp(value);
    case 'timestamp with time zone':
      return parseTimestamp(value);
    default:
      return t.startsWith('timestamp') ? parseTimestamp(value) : value;
  }
}

function parseFloatValue(value: string): number {
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return Number(value);
}

function parseTimestamp(value: string): Date | string {
  // `2024-01-02 15:04:05.123`, optionally followed by ` UTC`, ` Z`, ` +02:00` or an IANA zone name.
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?:\s*(UTC|Z|[+-]\d{2}:?\d{2}))?$/.exec(
    value.trim(),
  );
  if (!m?.[2]) return value;
  const fraction = m[2].replace(/(\.\d{3})\d+$/, '$1');
  const zone = m[3] === undefined || m[3] === 'UTC' || m[3] === 'Z' ? 'Z' : m[3];
  const date = new Date(`${m[1]}T${fraction}${zone}`);
  return Number.isNaN(date.getTime()) ? value : date;
}
