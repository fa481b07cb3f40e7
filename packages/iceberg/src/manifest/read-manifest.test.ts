import { describe, expect, it } from 'vitest';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import { rebaseFileIO } from '../scan/rebase-file-io.js';
import { fixtureTable, haveFixtures } from '../test-support/fixtures.js';
import { readManifestList } from './read-manifest-list.js';
import { readManifest, readManifestWithHeader } from './read-manifest.js';

const javaIo = () =>
  rebaseFileIO(new LocalFileIO(), [
    { from: 's3a://hyperparam-iceberg/java/bunnies', to: toFileUri(fixtureTable('java/bunnies')) },
    { from: 's3a://hyperparam-iceberg/spark/bunnies', to: toFileUri(fixtureTable('spark/bunnies')) },
    {
      from: 's3a://hyperparam-iceberg/spark/rename_column',
      to: toFileUri(fixtureTable('spark/rename_column')),
    },
  ]);

describe.skipIf(!haveFixtures())('manifest readers on engine-written files', () => {
  it('reads Java manifest lists (504–506 named added_data_files_count…) by field id', async () => {
    const list = await readManifestList(
      javaIo(),
      's3a://hyperparam-iceberg/java/bunnies/metadata/snap-9158179788527662767-1-a01399a1-e864-4562-b921-c8cb56e6e4a9.avro',
    );
    expect(list).toHaveLength(4);
    expect(list[0]).toMatchObject({
      content: 0,
      sequenceNumber: 3n,
      addedSnapshotId: 9158179788527662767n,
      addedFilesCount: 1,
      existingFilesCount: 0,
      addedRowsCount: 1n,
      partitions: [],
    });
    expect(list.map((m) => m.content)).toEqual([0, 0, 1, 1]);
  });

  it('resolves inherited snapshot ids and sequence numbers from the list entry', async () => {
    const io = javaIo();
    const list = await readManifestList(
      io,
      's3a://hyperparam-iceberg/java/bunnies/metadata/snap-9158179788527662767-1-a01399a1-e864-4562-b921-c8cb56e6e4a9.avro',
    );
    const eqDeletes = list[2];
    if (!eqDeletes) throw new Error('missing manifest');
    const { header, entries } = await readManifestWithHeader(io, eqDeletes.manifestPath, eqDeletes);
    expect(header).toMatchObject({ content: 'deletes', partitionSpecId: 0, formatVersion: 2 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      status: 1,
      snapshotId: 9158179788527662767n,
      sequenceNumber: 3n,
      fileSequenceNumber: 3n,
      partitionSpecId: 0,
      dataFile: { content: 2, equalityIds: [1], recordCount: 1n, fileFormat: 'PARQUET' },
    });
    await expect(readManifest(io, eqDeletes.manifestPath)).rejects.toThrow(/no sequence number/);
  });

  it('decodes partition tuples (bucket int, identity date as days, null) and metric maps', async () => {
    const io = javaIo();
    const [m] = await readManifestList(
      io,
      's3a://hyperparam-iceberg/spark/rename_column/metadata/snap-5276958600260276572-1-abf62b15-903b-40b6-9e6b-26bcdceac9b3.avro',
    );
    if (!m) throw new Error('missing manifest');
    const entries = await readManifest(io, m.manifestPath, m);
    const parts = entries
      .map((e) => e.dataFile.partition)
      .sort((a, b) => Number(a['id_bucket']) - Number(b['id_bucket']));
    expect(parts).toEqual([
      { id_bucket: 0, date: 18993 },
      { id_bucket: 2, date: 18994 },
      { id_bucket: 3, date: null },
    ]);
    const f = entries[0]?.dataFile;
    expect(f?.valueCounts?.get(1)).toBeTypeOf('bigint');
    expect(f?.lowerBounds?.get(2)).toBeInstanceOf(Uint8Array);
  });

  it('keeps explicit sequence numbers of DELETED entries (Spark overwrite)', async () => {
    const io = javaIo();
    const entries = await readManifest(
      io,
      's3a://hyperparam-iceberg/spark/bunnies/metadata/91d5eea0-314d-4056-8818-59b825cbd38a-m0.avro',
    );
    expect(entries[0]).toMatchObject({ status: 2, snapshotId: 2701171901096418979n, sequenceNumber: 1n });
  });
});
