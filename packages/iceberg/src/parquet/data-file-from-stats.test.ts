import { describe, expect, it } from 'vitest';
import { serializeSingleValue } from '../metadata/single-value.js';
import type { Schema } from '../metadata/types.js';
import { byMonthSpec, priceSchema } from '../test-support/price-table.js';
import { dataFileFromStats, type ColumnStats } from './data-file-from-stats.js';

const schema: Schema = {
  ...priceSchema,
  fields: [...priceSchema.fields, { id: 4, name: 'amount', required: false, type: 'decimal(10, 2)' }],
};
const jan2 = 19724; // 2024-01-02
const jan31 = 19753; // 2024-01-31

function stats(columns: [number, ColumnStats][]) {
  return {
    path: 's3://b/t/data/f.parquet',
    recordCount: 3n,
    fileSizeInBytes: 1234n,
    columns: new Map(columns),
  };
}
const required: [number, ColumnStats][] = [
  [1, { size: 40n, valueCount: 3n, nullCount: 0n, lower: 'AAPL', upper: 'MSFT' }],
  [2, { size: 20n, valueCount: 3n, nullCount: 0n, lower: jan2, upper: jan31 }],
];

describe('dataFileFromStats', () => {
  it('registers a file from its writer-reported metrics: counts, sizes and Appendix D bounds', () => {
    const f = dataFileFromStats(
      stats([...required, [3, { size: 30n, valueCount: 3n, nullCount: 1n, lower: 185.25, upper: 400.5 }]]),
      { schema, spec: byMonthSpec },
    );
    expect(f.recordCount).toBe(3n);
    expect(f.fileSizeInBytes).toBe(1234n);
    expect(f.columnSizes).toEqual(
      new Map([
        [1, 40n],
        [2, 20n],
        [3, 30n],
      ]),
    );
    expect(f.nullValueCounts?.get(3)).toBe(1n);
    expect(f.lowerBounds?.get(1)).toEqual(new TextEncoder().encode('AAPL'));
    expect(f.upperBounds?.get(2)).toEqual(serializeSingleValue('date', jan31));
    expect(f.lowerBounds?.get(3)).toEqual(serializeSingleValue('double', 185.25));
    // The partition comes from the bounds: January 2024 is month 648 since 1970-01.
    expect(f.partition).toEqual({ trade_date_month: 648 });
    expect(f.splitOffsets).toBeUndefined();
  });

  it('leaves out what it was not told, and never bounds a decimal', () => {
    const f = dataFileFromStats(
      stats([
        ...required,
        [3, { size: 30n, valueCount: 3n }],
        [4, { size: 9n, valueCount: 3n, nullCount: 0n, lower: 1n, upper: 5n }],
      ]),
      { schema, partition: { trade_date_month: 648 }, spec: byMonthSpec },
    );
    expect(f.nullValueCounts?.has(3)).toBe(false);
    expect(f.lowerBounds?.has(3)).toBe(false);
    expect(f.lowerBounds?.has(4)).toBe(false);
    expect(f.valueCounts?.get(4)).toBe(3n);
  });

  it('rejects a file without a required column, and one that spans two partitions', () => {
    expect(() => dataFileFromStats(stats([required[0]!]), { schema, spec: byMonthSpec })).toThrow(
      /lacks required column trade_date \(field id 2\)/,
    );
    const feb1 = jan31 + 1;
    expect(() =>
      dataFileFromStats(
        stats([required[0]!, [2, { valueCount: 3n, nullCount: 0n, lower: jan2, upper: feb1 }]]),
        {
          schema,
          spec: byMonthSpec,
        },
      ),
    ).toThrow(/spans several trade_date_month partitions/);
  });
});
