import { describe, expect, it } from 'vitest';
import { serializeSingleValue } from '../metadata/single-value.js';
import type { ManifestFile, PartitionSpec, Schema } from '../metadata/types.js';
import { eq, gt, gtEq, isIn, lt } from './filter.js';
import { mightMatchManifest } from './prune-manifest.js';

const schema: Schema = {
  type: 'struct',
  schemaId: 0,
  fields: [
    { id: 1, name: 'symbol', required: true, type: 'string' },
    { id: 2, name: 'trade_date', required: true, type: 'date' },
  ],
};
const spec: PartitionSpec = {
  specId: 0,
  fields: [{ sourceId: 2, fieldId: 1000, name: 'trade_date_month', transform: 'month' }],
};
const manifest = (lo: number | undefined, hi: number | undefined, containsNull = false): ManifestFile => ({
  manifestPath: 'm.avro',
  manifestLength: 1n,
  partitionSpecId: 0,
  content: 0,
  sequenceNumber: 1n,
  minSequenceNumber: 1n,
  addedSnapshotId: 1n,
  addedFilesCount: 1,
  existingFilesCount: 0,
  deletedFilesCount: 0,
  addedRowsCount: 1n,
  existingRowsCount: 0n,
  deletedRowsCount: 0n,
  partitions: [
    {
      containsNull,
      ...(lo !== undefined ? { lowerBound: serializeSingleValue('int', lo) } : {}),
      ...(hi !== undefined ? { upperBound: serializeSingleValue('int', hi) } : {}),
    },
  ],
});

describe('mightMatchManifest', () => {
  // months 650..652 = 2024-03..2024-05
  const m = manifest(650, 652);
  it('keeps manifests whose partition range overlaps and skips the others', () => {
    expect(mightMatchManifest(eq('trade_date', '2024-04-15'), m, spec, schema)).toBe(true);
    expect(mightMatchManifest(eq('trade_date', '2024-06-01'), m, spec, schema)).toBe(false);
    expect(mightMatchManifest(gtEq('trade_date', '2024-05-31'), m, spec, schema)).toBe(true);
    expect(mightMatchManifest(gt('trade_date', '2024-06-01'), m, spec, schema)).toBe(false);
    expect(mightMatchManifest(lt('trade_date', '2024-03-02'), m, spec, schema)).toBe(true);
    expect(mightMatchManifest(lt('trade_date', '2024-02-01'), m, spec, schema)).toBe(false);
    expect(mightMatchManifest(isIn('trade_date', ['2023-01-01', '2024-05-05']), m, spec, schema)).toBe(true);
    expect(mightMatchManifest(isIn('trade_date', ['2023-01-01']), m, spec, schema)).toBe(false);
  });

  it('never prunes on columns without partition fields, missing summaries, or null checks it cannot decide', () => {
    expect(mightMatchManifest(eq('symbol', 'AAPL'), m, spec, schema)).toBe(true);
    expect(mightMatchManifest(eq('trade_date', '2030-01-01'), { ...m, partitions: [] }, spec, schema)).toBe(
      true,
    );
    expect(mightMatchManifest({ op: 'isNull', column: 'trade_date' }, m, spec, schema)).toBe(false);
    expect(
      mightMatchManifest({ op: 'isNull', column: 'trade_date' }, manifest(650, 650, true), spec, schema),
    ).toBe(true);
    expect(
      mightMatchManifest(eq('trade_date', '2024-03-01'), manifest(undefined, undefined, true), spec, schema),
    ).toBe(false);
  });
});
