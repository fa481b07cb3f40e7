import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import {
  CommitConflictError,
  TableAlreadyExistsError,
  TableNotFoundError,
  type LoadedTable,
  type Schema,
} from '@nasdaq-pipeline/iceberg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3FileIO } from '../s3/s3-file-io.js';
import {
  createMotoClients,
  requireMotoCommand,
  startMotoServer,
  type MotoClients,
  type MotoServer,
} from '../test-support/index.js';
import { GlueCatalog } from './glue-catalog.js';

const moto = requireMotoCommand();

const schema: Schema = {
  type: 'struct',
  schemaId: 0,
  fields: [
    { id: 1, name: 'symbol', required: true, type: 'string' },
    { id: 2, name: 'trade_date', required: true, type: 'date' },
    { id: 3, name: 'close_price', required: false, type: 'double' },
    { id: 4, name: 'volume', required: false, type: 'long' },
  ],
};

/** A metadata change as a writer would make it: new property, metadata-log entry for the base. */
function nextMetadata(base: LoadedTable, key: string) {
  return {
    ...base.metadata,
    lastUpdatedMs: base.metadata.lastUpdatedMs + 1000,
    properties: { ...base.metadata.properties, [key]: 'true' },
    metadataLog: [
      ...base.metadata.metadataLog,
      { timestampMs: base.metadata.lastUpdatedMs, metadataFile: base.metadataLocation },
    ],
  };
}

describe.skipIf(!moto)('GlueCatalog on moto_server', () => {
  let server: MotoServer;
  let clients: MotoClients;
  const setup = async (bucket: string, namespace: string) => {
    await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const io = new S3FileIO({ s3: clients.s3 });
    const catalog = new GlueCatalog({ glue: clients.glue, io, warehouse: `s3://${bucket}/warehouse` });
    expect(await catalog.createNamespace(namespace)).toBe(true);
    expect(await catalog.createNamespace(namespace)).toBe(false);
    return { io, catalog };
  };
  const glueTable = async (namespace: string, name: string) =>
    (await clients.glue.send(new GetTableCommand({ DatabaseName: namespace, Name: name }))).Table!;

  beforeAll(async () => {
    server = await startMotoServer(moto!);
    clients = createMotoClients(server.endpoint);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates an Iceberg table whose metadata_location exists, then commits and keeps other parameters', async () => {
    const { io, catalog } = await setup('glue-catalog-commit', 'nasdaq_a');
    const id = { namespace: 'nasdaq_a', name: 'fact_stock_daily_price' };
    const created = await catalog.createTable(id, { schema, properties: { 'format-version': '2' } });
    expect(created.metadataLocation).toMatch(
      /^s3:\/\/glue-catalog-commit\/warehouse\/nasdaq_a\/fact_stock_daily_price\/metadata\/00000-[0-9a-f-]{36}\.metadata\.json$/,
    );
    let table = await glueTable('nasdaq_a', 'fact_stock_daily_price');
    expect(table.TableType).toBe('EXTERNAL_TABLE');
    expect(table.Parameters).toEqual({ table_type: 'ICEBERG', metadata_location: created.metadataLocation });
    expect(table.StorageDescriptor?.Location).toBe(
      's3://glue-catalog-commit/warehouse/nasdaq_a/fact_stock_daily_price',
    );
    expect(table.StorageDescriptor?.Columns?.map((c) => `${c.Name}:${c.Type}`)).toEqual([
      'symbol:string',
      'trade_date:date',
      'close_price:double',
      'volume:bigint',
    ]);
    expect(await io.exists(created.metadataLocation)).toBe(true);

    // Someone (a console user, Lake Formation) adds a parameter: a commit must keep it.
    await clients.glue.send(
      new UpdateTableCommand({
        DatabaseName: 'nasdaq_a',
        TableInput: { ...table, Parameters: { ...table.Parameters, owner: 'data-eng' } } as never,
      }),
    );

    const loaded = await catalog.loadTable(id);
    expect(loaded.metadata.tableUuid).toBe(created.metadata.tableUuid);
    expect(loaded.metadataLocation).toBe(created.metadataLocation);
    const committed = await catalog.commitTable(loaded, nextMetadata(loaded, 'touched'));
    expect(committed.metadataLocation).toMatch(/\/metadata\/00001-[0-9a-f-]{36}\.metadata\.json$/);
    table = await glueTable('nasdaq_a', 'fact_stock_daily_price');
    expect(table.Parameters).toEqual({
      table_type: 'ICEBERG',
      owner: 'data-eng',
      metadata_location: committed.metadataLocation,
      previous_metadata_location: created.metadataLocation,
    });
    expect(await io.exists(committed.metadataLocation)).toBe(true);
    expect(committed.version).toBe(table.VersionId);

    const reloaded = await catalog.loadTable(id);
    expect(reloaded.metadata.properties['touched']).toBe('true');
    expect(reloaded.metadata.metadataLog.at(-1)?.metadataFile).toBe(created.metadataLocation);
  });

  it('rejects a commit from a stale base and removes its unreferenced metadata file', async () => {
    const { io, catalog } = await setup('glue-catalog-stale', 'nasdaq_b');
    const id = { namespace: 'nasdaq_b', name: 'dim_stock' };
    const base = await catalog.createTable(id, { schema });
    await catalog.commitTable(base, nextMetadata(base, 'writer_one'));
    await expect(catalog.commitTable(base, nextMetadata(base, 'writer_two'))).rejects.toBeInstanceOf(
      CommitConflictError,
    );
    const files: string[] = [];
    for await (const f of io.list('s3://glue-catalog-stale/warehouse/nasdaq_b/dim_stock/metadata/'))
      files.push(f.path);
    expect(files).toHaveLength(2);
    expect((await catalog.loadTable(id)).metadata.properties['writer_one']).toBe('true');
  });

  it('lists, checks, refuses duplicates and drops tables', async () => {
    const { io, catalog } = await setup('glue-catalog-list', 'nasdaq_c');
    await catalog.createTable({ namespace: 'nasdaq_c', name: 'dim_date' }, { schema });
    await catalog.createTable({ namespace: 'nasdaq_c', name: 'dim_exchange' }, { schema });
    await expect(
      catalog.createTable({ namespace: 'nasdaq_c', name: 'dim_date' }, { schema }),
    ).rejects.toBeInstanceOf(TableAlreadyExistsError);
    expect(await catalog.listTables('nasdaq_c')).toEqual([
      { namespace: 'nasdaq_c', name: 'dim_date' },
      { namespace: 'nasdaq_c', name: 'dim_exchange' },
    ]);
    expect(await catalog.tableExists({ namespace: 'nasdaq_c', name: 'nope' })).toBe(false);
    await expect(catalog.loadTable({ namespace: 'nasdaq_c', name: 'nope' })).rejects.toBeInstanceOf(
      TableNotFoundError,
    );

    await catalog.dropTable({ namespace: 'nasdaq_c', name: 'dim_date' }, { purge: true });
    expect(await catalog.tableExists({ namespace: 'nasdaq_c', name: 'dim_date' })).toBe(false);
    const left: string[] = [];
    for await (const f of io.list('s3://glue-catalog-list/warehouse/nasdaq_c/')) left.push(f.path);
    expect(left.every((p) => p.includes('/dim_exchange/'))).toBe(true);
  });
});
