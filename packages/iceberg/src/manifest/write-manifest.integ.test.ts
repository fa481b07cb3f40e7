import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import type { DataFile } from '../metadata/types.js';
import { readManifest } from './read-manifest.js';
import { readManifestList } from './read-manifest-list.js';
import { writeManifest, writeManifestList } from './write-manifest.js';
import { byMonthSpec, priceSchema } from '../test-support/price-table.js';

const schema = priceSchema;
const spec = byMonthSpec;
const BIG = 9007199254740993n;

function file(name: string, month: number): DataFile {
  return {
    content: 0,
    filePath: `file:///t/data/${name}.parquet`,
    fileFormat: 'PARQUET',
    partition: { trade_date_month: month },
    recordCount: 10n,
    fileSizeInBytes: 1234n,
    columnSizes: new Map([[1, 100n]]),
    valueCounts: new Map([
      [1, 10n],
      [3, 10n],
    ]),
    nullValueCounts: new Map([
      [1, 0n],
      [3, 1n],
    ]),
    nanValueCounts: new Map([[3, 0n]]),
    lowerBounds: new Map([[1, new TextEncoder().encode('AAPL')]]),
    upperBounds: new Map([[1, new TextEncoder().encode('MSFT')]]),
    splitOffsets: [4n],
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'iceberg-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const io = new LocalFileIO();
const python = '/usr/bin/python3';
const hasPythonAvro =
  existsSync(python) &&
  (() => {
    try {
      execFileSync(python, ['-c', 'import avro'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

describe('manifest writer', async () => {
  const manifestPath = toFileUri(path.join(dir, 'm0.avro'));
  const listPath = toFileUri(path.join(dir, 'snap.avro'));
  const mf = await writeManifest({
    io,
    path: manifestPath,
    schema,
    spec,
    content: 0,
    snapshotId: BIG,
    sequenceNumber: 7n,
    entries: [
      { status: 1, snapshotId: BIG, dataFile: file('a', 650) },
      { status: 0, snapshotId: 5n, sequenceNumber: 3n, fileSequenceNumber: 3n, dataFile: file('b', 648) },
      { status: 2, snapshotId: BIG, sequenceNumber: 2n, fileSequenceNumber: 2n, dataFile: file('c', 649) },
    ],
  });
  await writeManifestList({ io, path: listPath, snapshotId: BIG, sequenceNumber: 7n, manifests: [mf] });

  it('returns an exact list entry: length, counts by status, min sequence of live entries', async () => {
    expect(mf.manifestLength).toBe(BigInt(await io.size(manifestPath)));
    expect(mf).toMatchObject({
      addedFilesCount: 1,
      existingFilesCount: 1,
      deletedFilesCount: 1,
      addedRowsCount: 10n,
      minSequenceNumber: 3n,
      addedSnapshotId: BIG,
    });
    expect(mf.partitions![0]).toMatchObject({ containsNull: false });
  });

  it('round-trips through the read side with inheritance and 64-bit ids', async () => {
    const [listed] = await readManifestList(io, listPath);
    expect(listed).toEqual(mf);
    const entries = await readManifest(io, manifestPath, listed);
    expect(entries.map((e) => [e.status, e.snapshotId, e.sequenceNumber])).toEqual([
      [1, BIG, 7n],
      [0, 5n, 3n],
      [2, BIG, 2n],
    ]);
    expect(entries[0]!.dataFile.partition).toEqual({ trade_date_month: 650 });
    expect(entries[0]!.dataFile.lowerBounds?.get(1)).toEqual(new TextEncoder().encode('AAPL'));
  });

  it.skipIf(!hasPythonAvro && !process.env['CI'])(
    'decodes with a second Avro implementation (Debian python3-avro) with the spec names, ids and headers',
    () => {
      // Skipped locally when python3-avro is missing: `apt-get install -y python3-avro`.
      const script = `
import json, sys
from avro.datafile import DataFileReader
from avro.io import DatumReader
def dump(p):
    r = DataFileReader(open(p, 'rb'), DatumReader())
    meta = {k: v.decode() for k, v in r.meta.items()}
    recs = list(r)
    return {'meta': meta, 'recs': recs}
out = {'m': dump(sys.argv[1]), 'l': dump(sys.argv[2])}
print(json.dumps(out, default=lambda b: list(b) if isinstance(b, (bytes, bytearray)) else str(b)))
`;
      const out = JSON.parse(
        execFileSync(python, ['-W', 'ignore', '-c', script, manifestPath.slice(7), listPath.slice(7)], {
          encoding: 'utf8',
        }),
      );
      const meta = out.m.meta;
      expect(meta['format-version']).toBe('2');
      expect(meta['content']).toBe('data');
      expect(meta['partition-spec-id']).toBe('0');
      expect(meta['schema-id']).toBe('0');
      expect(JSON.parse(meta['partition-spec'])).toEqual([
        { name: 'trade_date_month', transform: 'month', 'source-id': 2, 'field-id': 1000 },
      ]);
      expect(meta['avro.codec']).toBe('deflate');
      const avroSchema = JSON.parse(meta['avro.schema']);
      const ids = (fields: { name: string; 'field-id': number }[]): Record<string, number> =>
        Object.fromEntries(fields.map((f) => [f.name, f['field-id']]));
      expect(avroSchema.name).toBe('manifest_entry');
      expect(ids(avroSchema.fields)).toEqual({
        status: 0,
        snapshot_id: 1,
        sequence_number: 3,
        file_sequence_number: 4,
        data_file: 2,
      });
      const r2 = avroSchema.fields[4].type;
      expect(r2.name).toBe('r2');
      expect(ids(r2.fields)).toEqual({
        content: 134,
        file_path: 100,
        file_format: 101,
        partition: 102,
        record_count: 103,
        file_size_in_bytes: 104,
        column_sizes: 108,
        value_counts: 109,
        null_value_counts: 110,
        nan_value_counts: 137,
        lower_bounds: 125,
        upper_bounds: 128,
        key_metadata: 131,
        split_offsets: 132,
        equality_ids: 135,
        sort_order_id: 140,
        referenced_data_file: 143,
      });
      expect(r2.fields[3].type).toMatchObject({
        name: 'r102',
        fields: [{ name: 'trade_date_month', 'field-id': 1000 }],
      });
      expect(out.m.recs[0]).toMatchObject({
        status: 1,
        snapshot_id: Number(BIG),
        sequence_number: null,
        data_file: {
          file_path: 'file:///t/data/a.parquet',
          record_count: 10,
          partition: { trade_date_month: 650 },
        },
      });
      expect(out.m.recs[0].data_file.null_value_counts).toEqual([
        { key: 1, value: 0 },
        { key: 3, value: 1 },
      ]);
      // Python ints are arbitrary precision: the id survives exactly.
      expect(
        execFileSync(
          python,
          [
            '-W',
            'ignore',
            '-c',
            `from avro.datafile import DataFileReader\nfrom avro.io import DatumReader\nprint(next(iter(DataFileReader(open('${listPath.slice(7)}','rb'), DatumReader())))['added_snapshot_id'])`,
          ],
          { encoding: 'utf8' },
        ).trim(),
      ).toBe(String(BIG));
      const lmeta = out.l.meta;
      expect(lmeta).toMatchObject({
        'snapshot-id': String(BIG),
        'parent-snapshot-id': 'null',
        'sequence-number': '7',
        'format-version': '2',
      });
      const listSchema = JSON.parse(lmeta['avro.schema']);
      expect(listSchema.name).toBe('manifest_file');
      expect(ids(listSchema.fields)).toEqual({
        manifest_path: 500,
        manifest_length: 501,
        partition_spec_id: 502,
        content: 517,
        sequence_number: 515,
        min_sequence_number: 516,
        added_snapshot_id: 503,
        added_files_count: 504,
        existing_files_count: 505,
        deleted_files_count: 506,
        added_rows_count: 512,
        existing_rows_count: 513,
        deleted_rows_count: 514,
        partitions: 507,
        key_metadata: 519,
      });
      expect(out.l.recs[0]).toMatchObject({
        manifest_path: manifestPath,
        sequence_number: 7,
        min_sequence_number: 3,
        added_files_count: 1,
      });
      expect(out.l.recs[0].partitions[0].contains_null).toBe(false);
    },
  );
});
