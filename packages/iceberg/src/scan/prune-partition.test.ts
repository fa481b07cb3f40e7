import { describe, expect, it } from 'vitest';
import type { PartitionSpec, Schema } from '../metadata/types.js';
import { and, eq, gt, gtEq, isIn, lt, ltEq, or } from './filter.js';
import { mightMatchPartition, validateFilter } from './prune-partition.js';

const schema: Schema = {
  type: 'struct',
  schemaId: 0,
  fields: [
    { id: 1, name: 'symbol', required: true, type: 'string' },
    { id: 2, name: 'trade_date', required: true, type: 'date' },
    { id: 3, name: 'ts', required: false, type: 'timestamptz' },
    { id: 4, name: 'qty', required: false, type: 'long' },
  ],
};
const spec = (
  transform: PartitionSpec['fields'][number]['transform'],
  sourceId: number,
  name: string,
): PartitionSpec => ({
  specId: 1,
  fields: [{ sourceId, fieldId: 1000, name, transform }],
});
// month(2024-03) = (2024-1970)*12 + 2 = 650; day(2024-03-05) = 19787
const month = spec('month', 2, 'trade_date_month');
const day = spec('day', 2, 'trade_date_day');

describe('mightMatchPartition', () => {
  it('month: equality and ranges project onto the month ordinal', () => {
    const p = { trade_date_month: 650 };
    expect(mightMatchPartition(eq('trade_date', '2024-03-05'), p, month, schema)).toBe(true);
    expect(mightMatchPartition(eq('trade_date', '2024-04-01'), p, month, schema)).toBe(false);
    expect(mightMatchPartition(gtEq('trade_date', '2024-03-31'), p, month, schema)).toBe(true);
    expect(mightMatchPartition(gt('trade_date', '2024-04-01'), p, month, schema)).toBe(false);
    // lt 2024-03-02 still includes 2024-03-01: same month, must not prune
    expect(mightMatchPartition(lt('trade_date', '2024-03-02'), p, month, schema)).toBe(true);
    expect(mightMatchPartition(lt('trade_date', '2024-03-01'), p, month, schema)).toBe(true);
    expect(mightMatchPartition(ltEq('trade_date', '2024-02-29'), p, month, schema)).toBe(false);
    expect(mightMatchPartition(isIn('trade_date', ['2023-01-01', '2024-03-10']), p, month, schema)).toBe(
      true,
    );
    expect(mightMatchPartition(isIn('trade_date', ['2023-01-01']), p, month, schema)).toBe(false);
  });

  it('day and identity: strictness kept for identity only', () => {
    expect(
      mightMatchPartition(
        eq('trade_date', new Date('2024-03-05T00:00:00Z')),
        { trade_date_day: 19787 },
        day,
        schema,
      ),
    ).toBe(true);
    expect(mightMatchPartition(lt('trade_date', '2024-03-05'), { trade_date_day: 19787 }, day, schema)).toBe(
      true,
    );
    const ident = spec('identity', 1, 'symbol');
    expect(mightMatchPartition(eq('symbol', 'AAPL'), { symbol: 'AAPL' }, ident, schema)).toBe(true);
    expect(mightMatchPartition(eq('symbol', 'MSFT'), { symbol: 'AAPL' }, ident, schema)).toBe(false);
    expect(mightMatchPartition(lt('symbol', 'AAPL'), { symbol: 'AAPL' }, ident, schema)).toBe(false);
    expect(mightMatchPartition({ op: 'isNull', column: 'symbol' }, { symbol: 'AAPL' }, ident, schema)).toBe(
      false,
    );
    expect(
      mightMatchPartition(
        { op: 'notEq', column: 'symbol', value: 'AAPL' },
        { symbol: 'AAPL' },
        ident,
        schema,
      ),
    ).toBe(true);
  });

  it('year and hour on timestamptz; truncate on long', () => {
    const year = spec('year', 3, 'ts_year');
    expect(mightMatchPartition(eq('ts', '2024-06-01T12:00:00Z'), { ts_year: 54 }, year, schema)).toBe(true);
    expect(mightMatchPartition(eq('ts', '2025-01-01T00:00:00Z'), { ts_year: 54 }, year, schema)).toBe(false);
    const hour = spec('hour', 3, 'ts_hour');
    const h = Math.floor(Date.parse('2024-03-05T10:30:00Z') / 3_600_000);
    expect(mightMatchPartition(eq('ts', '2024-03-05T10:59:59Z'), { ts_hour: h }, hour, schema)).toBe(true);
    expect(mightMatchPartition(eq('ts', '2024-03-05T11:00:00Z'), { ts_hour: h }, hour, schema)).toBe(false);
    const trunc = spec('truncate[10]', 4, 'qty_trunc');
    expect(mightMatchPartition(eq('qty', 15n), { qty_trunc: 10n }, trunc, schema)).toBe(true);
    expect(mightMatchPartition(gtEq('qty', 20), { qty_trunc: 10n }, trunc, schema)).toBe(false);
  });

  it('bucket answers only equality; and/or combine; unpartitioned columns never prune', () => {
    const bucket = spec('bucket[16]', 1, 'symbol_bucket');
    const matches = [...Array(16).keys()].filter((b) =>
      mightMatchPartition(eq('symbol', 'AAPL'), { symbol_bucket: b }, bucket, schema),
    );
    expect(matches).toHaveLength(1);
    expect(mightMatchPartition(gt('symbol', 'A'), { symbol_bucket: 3 }, bucket, schema)).toBe(true);
    const p = { trade_date_month: 650 };
    expect(mightMatchPartition(and(eq('trade_date', '2024-03-01'), eq('qty', 1)), p, month, schema)).toBe(
      true,
    );
    expect(mightMatchPartition(and(eq('trade_date', '2024-04-01'), eq('qty', 1)), p, month, schema)).toBe(
      false,
    );
    expect(
      mightMatchPartition(
        or(eq('trade_date', '2024-04-01'), eq('trade_date', '2024-03-09')),
        p,
        month,
        schema,
      ),
    ).toBe(true);
  });

  it('rejects unknown columns and unusable literals before any I/O', () => {
    expect(() => validateFilter(eq('nope', 1), schema)).toThrow(/unknown column "nope"/);
    expect(() => validateFilter(eq('trade_date', 'not a date'), schema)).toThrow(/cannot parse/);
    expect(() => validateFilter(eq('symbol', 3), schema)).toThrow(/cannot use literal/);
  });
});
