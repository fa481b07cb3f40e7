import { GetObjectCommand } from '@aws-sdk/client-s3';
import { GetJobCommand, GetJobRunCommand, GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import {
  buildPartitionSpec,
  CommitConflictError,
  readRows,
  rowsToArrow,
  Table,
  TableAlreadyExistsError,
  TableNotFoundError,
  type LoadedTable,
  type Schema,
} from '@nasdaq-pipeline/iceberg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3FileIO } from '../s3/s3-file-io.js';
import { useMotoServer } from '../test-support/index.js';
import { GlueCatalog } from './glue-catalog.js';
import { GlueJobRunner } from './glue-job-runner.js';

// One moto_server for every Glue test of this package; each test uses its own bucket, database and job names.
const moto = useMotoServer({ beforeAll, afterAll });

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

describe.skipIf(!moto.available)('Glue on moto_server', () => {
  describe('GlueCatalog', () => {
    const setup = async (bucketPrefix: string, namespace: string) => {
      const warehouse = `s3://${await moto.createBucket(bucketPrefix)}/warehouse`;
      const io = new S3FileIO({ s3: moto.clients.s3 });
      const catalog = new GlueCatalog({ glue: moto.clients.glue, io, warehouse });
      expect(await catalog.createNamespace(namespace)).toBe(true);
      expect(await catalog.createNamespace(namespace)).toBe(false);
      return { io, catalog, warehouse };
    };
    const glueTable = async (namespace: string, name: string) =>
      (await moto.clients.glue.send(new GetTableCommand({ DatabaseName: namespace, Name: name }))).Table!;

    it('creates an Iceberg table whose metadata_location exists, then commits and keeps other parameters', async () => {
      const { io, catalog, warehouse } = await setup('glue-catalog-commit', 'nasdaq_a');
      const id = { namespace: 'nasdaq_a', name: 'fact_stock_daily_price' };
      const created = await catalog.createTable(id, { schema, properties: { 'format-version': '2' } });
      expect(
        created.metadataLocation.startsWith(`${warehouse}/nasdaq_a/fact_stock_daily_price/metadata/`),
      ).toBe(true);
      expect(created.metadataLocation).toMatch(/\/metadata\/00000-[0-9a-f-]{36}\.metadata\.json$/);
      let table = await glueTable('nasdaq_a', 'fact_stock_daily_price');
      expect(table.TableType).toBe('EXTERNAL_TABLE');
      expect(table.Parameters).toEqual({
        table_type: 'ICEBERG',
        metadata_location: created.metadataLocation,
      });
      expect(table.StorageDescriptor?.Location).toBe(`${warehouse}/nasdaq_a/fact_stock_daily_price`);
      expect(table.StorageDescriptor?.Columns?.map((c) => `${c.Name}:${c.Type}`)).toEqual([
        'symbol:string',
        'trade_date:date',
        'close_price:double',
        'volume:bigint',
      ]);
      expect(await io.exists(created.metadataLocation)).toBe(true);

      // Someone (a console user, Lake Formation) adds a parameter: a commit must keep it.
      await moto.clients.glue.send(
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
      const { io, catalog, warehouse } = await setup('glue-catalog-stale', 'nasdaq_b');
      const id = { namespace: 'nasdaq_b', name: 'dim_stock' };
      const base = await catalog.createTable(id, { schema });
      await catalog.commitTable(base, nextMetadata(base, 'writer_one'));
      await expect(catalog.commitTable(base, nextMetadata(base, 'writer_two'))).rejects.toBeInstanceOf(
        CommitConflictError,
      );
      const files: string[] = [];
      for await (const f of io.list(`${warehouse}/nasdaq_b/dim_stock/metadata/`)) files.push(f.path);
      expect(files).toHaveLength(2);
      expect((await catalog.loadTable(id)).metadata.properties['writer_one']).toBe('true');
    });

    it('lists, checks, refuses duplicates and drops tables', async () => {
      const { io, catalog, warehouse } = await setup('glue-catalog-list', 'nasdaq_c');
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
      for await (const f of io.list(`${warehouse}/nasdaq_c/`)) left.push(f.path);
      expect(left.every((p) => p.includes('/dim_exchange/'))).toBe(true);
    });
  });

  describe('GlueJobRunner', () => {
    const input = (bucket: string, jobName: string) => ({
      runId: '01JRUNGLUE',
      warehouse: `s3://${bucket}/warehouse`,
      namespace: 'nasdaq',
      roleArn: 'arn:aws:iam::123456789012:role/nasdaq-pipeline-glue',
      jobName,
      models: [
        {
          name: 'fact_stock_daily_price',
          targetTable: 'fact_stock_daily_price',
          statements: [
            'MERGE INTO fact_stock_daily_price t USING staged s ON t.symbol = s.symbol WHEN MATCHED THEN UPDATE SET *',
          ],
        },
      ],
    });

    it('uploads script and spec, creates the job, starts a run and polls it to SUCCEEDED', async () => {
      const bucket = await moto.createBucket('glue-lifecycle');
      // moto reports STARTING, then RUNNING, then SUCCEEDED, one state per GetJobRun.
      await moto.server.setTransition('glue::job_run', { progression: 'manual', times: 1 });
      const polled: number[] = [];
      const runner = new GlueJobRunner({
        s3: moto.clients.s3,
        glue: moto.clients.glue,
        sleep: async (ms) => {
          polled.push(ms);
        },
      });
      const outcome = await runner.run(input(bucket, 'nasdaq-transform-a'));
      if (outcome.dryRun) throw new Error('expected a real run');
      expect(outcome.jobDefinition).toBe('created');
      expect(outcome.state).toBe('SUCCEEDED');
      expect(polled.length).toBeGreaterThanOrEqual(1);

      const script = await moto.clients.s3.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: outcome.plan.script.uri.replace(`s3://${bucket}/`, ''),
        }),
      );
      expect(await script.Body!.transformToString()).toContain('def run_models(spark, spec)');
      const spec = await moto.clients.s3.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: 'warehouse/_glue/jobs/01JRUNGLUE/job-spec.json',
        }),
      );
      expect(JSON.parse(await spec.Body!.transformToString())).toMatchObject({
        version: 1,
        namespace: 'nasdaq',
      });

      const { Job: job } = await moto.clients.glue.send(new GetJobCommand({ JobName: 'nasdaq-transform-a' }));
      expect(job?.GlueVersion).toBe('5.0');
      expect(job?.Command?.ScriptLocation).toBe(outcome.plan.script.uri);
      expect(job?.DefaultArguments?.['--datalake-formats']).toBe('iceberg');
      const { JobRun: run } = await moto.clients.glue.send(
        new GetJobRunCommand({ JobName: 'nasdaq-transform-a', RunId: outcome.jobRunId }),
      );
      expect(run?.Arguments).toMatchObject({
        '--pipeline_job_spec': `s3://${bucket}/warehouse/_glue/jobs/01JRUNGLUE/job-spec.json`,
        '--pipeline_run_id': '01JRUNGLUE',
      });

      // Same definition next time: the job is reused as is.
      const again = await runner.run(input(bucket, 'nasdaq-transform-a'));
      expect(again.dryRun === false && again.jobDefinition).toBe('unchanged');
      await moto.server.setTransition('glue::job_run', { progression: 'immediate' });
    });

    it('dry run returns the plan and creates nothing', async () => {
      const runner = new GlueJobRunner({ s3: moto.clients.s3, glue: moto.clients.glue });
      const outcome = await runner.run(input('glue-dry-run-bucket-never-created', 'nasdaq-transform-dry'), {
        dryRun: true,
      });
      expect(outcome.dryRun).toBe(true);
      expect(outcome.plan.job.Name).toBe('nasdaq-transform-dry');
      await expect(
        moto.clients.glue.send(new GetJobCommand({ JobName: 'nasdaq-transform-dry' })),
      ).rejects.toMatchObject({
        name: 'EntityNotFoundException',
      });
    });
  });

  describe('Iceberg tables through GlueCatalog + S3FileIO', () => {
    it('creates a partitioned table, appends through two Table objects, upserts, and reads it back', async () => {
      const bucket = await moto.createBucket('glue-iceberg-roundtrip');
      const io = new S3FileIO({ s3: moto.clients.s3 });
      const catalog = new GlueCatalog({
        glue: moto.clients.glue,
        io,
        warehouse: `s3://${bucket}/warehouse`,
      });
      await catalog.createNamespace('nasdaq_rt');
      const identifier = { namespace: 'nasdaq_rt', name: 'fact_stock_daily_price' };
      const factSchema: Schema = { ...schema, identifierFieldIds: [1, 2] };
      const table = await Table.create(
        { catalog, identifier },
        {
          schema: factSchema,
          partitionSpec: buildPartitionSpec(factSchema, [{ column: 'trade_date', transform: 'month' }]),
        },
      );
      const bar = (symbol: string, date: string, close: number, volume: number) => ({
        symbol,
        trade_date: new Date(`${date}T00:00:00Z`),
        close_price: close,
        volume: BigInt(volume),
      });
      await table.append(
        rowsToArrow(
          [bar('AAPL', '2024-01-02', 185.64, 82488700), bar('AAPL', '2024-02-01', 186.86, 64885400)],
          factSchema,
        ),
      );
      // A second Table object on the same catalog entry sees the first one's commits. (Concurrent commits are not
      // tested on moto: it accepts stale VersionIds, so two racing UpdateTable calls can both "win"; the mocked
      // Glue tests cover ConcurrentModificationException, and the stale-base test above covers a moved pointer.)
      const other = new Table({ catalog, identifier });
      await other.append(rowsToArrow([bar('MSFT', '2024-01-02', 370.87, 25258600)], factSchema));
      await table.append(rowsToArrow([bar('NVDA', '2024-01-02', 48.17, 411254000)], factSchema));
      await table.upsert(rowsToArrow([bar('AAPL', '2024-01-02', 185.0, 1)], factSchema), [
        'symbol',
        'trade_date',
      ]);

      const loaded = await catalog.loadTable(identifier);
      const { Table: glue } = await moto.clients.glue.send(
        new GetTableCommand({ DatabaseName: 'nasdaq_rt', Name: 'fact_stock_daily_price' }),
      );
      if (!glue) throw new Error('Glue table missing');
      expect(glue.Parameters?.['table_type']).toBe('ICEBERG');
      expect(glue.Parameters?.['metadata_location']).toBe(loaded.metadataLocation);
      expect(loaded.metadataLocation).toMatch(/\/metadata\/00004-[0-9a-f-]{36}\.metadata\.json$/);
      expect(await io.exists(loaded.metadataLocation)).toBe(true);
      expect(await io.exists(glue.Parameters!['previous_metadata_location']!)).toBe(true);
      expect(loaded.metadata.snapshots).toHaveLength(4);

      const rows = await readRows(io, await table.scan());
      const simple = rows
        .map(
          (r) =>
            `${String(r['symbol'])} ${(r['trade_date'] as Date).toISOString().slice(0, 10)} ${String(r['close_price'])} ${String(r['volume'])}`,
        )
        .sort();
      expect(simple).toEqual([
        'AAPL 2024-01-02 185 1',
        'AAPL 2024-02-01 186.86 64885400',
        'MSFT 2024-01-02 370.87 25258600',
        'NVDA 2024-01-02 48.17 411254000',
      ]);
      const dataFiles: string[] = [];
      for await (const f of io.list(`s3://${bucket}/warehouse/nasdaq_rt/fact_stock_daily_price/data/`))
        dataFiles.push(f.path);
      expect(dataFiles.some((p) => p.includes('trade_date_month=2024-02'))).toBe(true);
    });
  });
});
