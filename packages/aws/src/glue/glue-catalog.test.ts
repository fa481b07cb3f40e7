import { GetTableCommand, GlueClient, UpdateTableCommand } from '@aws-sdk/client-glue';
import {
  CommitConflictError,
  CommitStateUnknownError,
  newTableMetadata,
  serializeTableMetadata,
  type FileInfo,
  type FileIO,
  type LoadedTable,
} from '@nasdaq-pipeline/iceberg';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { GlueCatalog } from './glue-catalog.js';

/** FileIO over a Map, enough for catalog unit tests. */
class MemoryFileIO implements FileIO {
  readonly files = new Map<string, Uint8Array>();
  async read(path: string) {
    const bytes = this.files.get(path);
    if (!bytes) throw new Error(`missing ${path}`);
    return bytes;
  }
  async readRange(path: string, offset: number, length: number) {
    return (await this.read(path)).subarray(offset, offset + length);
  }
  async size(path: string) {
    return (await this.read(path)).byteLength;
  }
  async write(path: string, bytes: Uint8Array) {
    this.files.set(path, bytes);
  }
  async createExclusive(path: string, bytes: Uint8Array) {
    if (this.files.has(path)) return false;
    this.files.set(path, bytes);
    return true;
  }
  async exists(path: string) {
    return this.files.has(path);
  }
  async *list(prefix: string): AsyncIterable<FileInfo> {
    for (const [path, b] of this.files)
      if (path.startsWith(prefix)) yield { path, size: b.byteLength, lastModified: new Date(0) };
  }
  async delete(paths: readonly string[]) {
    for (const p of paths) this.files.delete(p);
  }
}

const glueMock = mockClient(GlueClient);
const glue = new GlueClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const location = 's3://lake/wh/nasdaq/fact';
const baseLocation = `${location}/metadata/00003-11111111-1111-4111-8111-111111111111.metadata.json`;
const metadata = newTableMetadata({
  location,
  schema: {
    type: 'struct',
    schemaId: 0,
    fields: [{ id: 1, name: 'symbol', required: true, type: 'string' }],
  },
  tableUuid: '22222222-2222-4222-8222-222222222222',
  nowMs: 1_700_000_000_000,
});
const base: LoadedTable = {
  identifier: { namespace: 'nasdaq', name: 'fact' },
  metadata,
  metadataLocation: baseLocation,
  version: '7',
};
const glueTable = (versionId: string, metadataLocation = baseLocation) => ({
  Table: {
    Name: 'fact',
    DatabaseName: 'nasdaq',
    VersionId: versionId,
    Parameters: { table_type: 'ICEBERG', metadata_location: metadataLocation, lake_formation: 'keep-me' },
    StorageDescriptor: { Location: location },
  },
});
const concurrent = () =>
  Object.assign(new Error('Update table failed due to concurrent modifications.'), {
    name: 'ConcurrentModificationException',
  });
const setup = () => {
  const io = new MemoryFileIO();
  io.files.set(baseLocation, new TextEncoder().encode(serializeTableMetadata(metadata)));
  const sleeps: number[] = [];
  const catalog = new GlueCatalog({
    glue,
    io,
    warehouse: 's3://lake/wh',
    randomUUID: () => '33333333-3333-4333-8333-333333333333',
    sleep: async (ms) => void sleeps.push(ms),
  });
  return { io, catalog, sleeps };
};
const newLocation = `${location}/metadata/00004-33333333-3333-4333-8333-333333333333.metadata.json`;

afterEach(() => glueMock.reset());

describe('GlueCatalog.commitTable (mocked Glue: VersionId conflicts moto does not enforce)', () => {
  it('retries UpdateTable with the fresh VersionId after ConcurrentModificationException', async () => {
    const { io, catalog, sleeps } = setup();
    glueMock
      .on(GetTableCommand)
      .resolvesOnce(glueTable('7'))
      .resolvesOnce(glueTable('8'))
      .resolves(glueTable('9', newLocation));
    glueMock.on(UpdateTableCommand).rejectsOnce(concurrent()).resolves({});
    const committed = await catalog.commitTable(base, { ...metadata, properties: { touched: 'yes' } });

    const calls = glueMock.commandCalls(UpdateTableCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.VersionId)).toEqual(['7', '8']);
    expect(calls[1]).toMatchObject({
      DatabaseName: 'nasdaq',
      SkipArchive: true,
      TableInput: {
        Name: 'fact',
        TableType: 'EXTERNAL_TABLE',
        Parameters: {
          table_type: 'ICEBERG',
          lake_formation: 'keep-me',
          metadata_location: newLocation,
          previous_metadata_location: baseLocation,
        },
      },
    });
    expect(sleeps).toHaveLength(1);
    expect(committed).toMatchObject({ metadataLocation: newLocation, version: '9' });
    expect(io.files.has(newLocation)).toBe(true);
  });

  it('gives up with CommitConflictError when the pointer moved, deleting the unreferenced file', async () => {
    const { io, catalog } = setup();
    glueMock
      .on(GetTableCommand)
      .resolvesOnce(glueTable('7'))
      .resolves(glueTable('8', `${location}/metadata/00004-other.metadata.json`));
    glueMock.on(UpdateTableCommand).rejects(concurrent());
    await expect(catalog.commitTable(base, metadata)).rejects.toBeInstanceOf(CommitConflictError);
    expect(glueMock.commandCalls(UpdateTableCommand)).toHaveLength(1);
    expect(io.files.has(newLocation)).toBe(false);
  });

  it('gives up after maxCommitRetries concurrent modifications', async () => {
    const { catalog } = setup();
    glueMock.on(GetTableCommand).resolves(glueTable('7'));
    glueMock.on(UpdateTableCommand).rejects(concurrent());
    await expect(catalog.commitTable(base, metadata)).rejects.toBeInstanceOf(CommitConflictError);
    expect(glueMock.commandCalls(UpdateTableCommand)).toHaveLength(5);
  });

  it('reports an unknown outcome (and keeps the file) when UpdateTable fails without an answer', async () => {
    const { io, catalog } = setup();
    glueMock.on(GetTableCommand).resolves(glueTable('7'));
    glueMock
      .on(UpdateTableCommand)
      .rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }));
    await expect(catalog.commitTable(base, metadata)).rejects.toBeInstanceOf(CommitStateUnknownError);
    expect(io.files.has(newLocation)).toBe(true);
  });
});
