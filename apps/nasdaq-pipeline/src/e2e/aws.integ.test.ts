// End-to-end on the AWS target: the BUILT CLI runs `--target aws` against moto_server (S3, Glue, Athena)
// started on a free port on 127.0.0.1. Skips with a message when moto is missing, except with CI=true.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetTableCommand, GetTablesCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMotoClients,
  requireMotoCommand,
  startMotoServer,
  type MotoServer,
} from '@nasdaq-pipeline/aws/test-support';
import { GlueCatalog, S3FileIO } from '@nasdaq-pipeline/aws';
import { planScan, readRows } from '@nasdaq-pipeline/iceberg';
import { spawnCli, type Spawned } from './spawn-cli.js';

const moto = requireMotoCommand();
const NOW = '2025-06-17T22:00:00Z';
const BUCKET = 'np-e2e-lake';
const WAREHOUSE = `s3://${BUCKET}/wh`;

describe.skipIf(!moto)('nasdaq-pipeline --target aws (moto)', { timeout: 600_000 }, () => {
  let server: MotoServer;
  let dir: string;
  const env = () => ({
    AWS_ENDPOINT_URL: server.endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    NASDAQ_PIPELINE_NOW: NOW,
  });
  const cli = (args: string[]): Promise<Spawned> =>
    spawnCli(['--target', 'aws', '--warehouse', WAREHOUSE, ...args], { cwd: dir, env: env() });

  beforeAll(async () => {
    server = await startMotoServer(moto!);
    const clients = createMotoClients(server.endpoint);
    await clients.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    dir = await mkdtemp(path.join(tmpdir(), 'np-aws-e2e-'));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('runs end to end: raw zone and Iceberg tables on S3, registered in Glue, readable by our reader', async () => {
    const r = await cli(['--json', 'run', '--symbols', 'AAPL,MSFT', '--source', 'sample']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { status: string; published: boolean };
    expect(s).toMatchObject({ status: 'ok', published: true });

    const clients = createMotoClients(server.endpoint);
    const raw = await clients.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'wh/raw/fmp/historical-price-eod/full/' }),
    );
    expect((raw.Contents ?? []).some((o) => o.Key?.endsWith('/_manifest.json'))).toBe(true);

    const tables = await clients.glue.send(new GetTablesCommand({ DatabaseName: 'nasdaq' }));
    const names = (tables.TableList ?? []).map((t) => t.Name).sort();
    expect(names).toEqual(expect.arrayContaining(['dim_stock', 'fact_stock_daily_price', 'pipeline_runs']));
    const fact = await clients.glue.send(
      new GetTableCommand({ DatabaseName: 'nasdaq', Name: 'fact_stock_daily_price' }),
    );
    expect(fact.Table?.Parameters?.['table_type']).toBe('ICEBERG');
    const location = fact.Table?.Parameters?.['metadata_location'] ?? '';
    const key = location.replace(`s3://${BUCKET}/`, '');
    await expect(clients.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).resolves.toBeTruthy();

    const io = new S3FileIO({ s3: clients.s3 });
    const catalog = new GlueCatalog({ glue: clients.glue, io, warehouse: WAREHOUSE });
    const loaded = await catalog.loadTable({ namespace: 'nasdaq', name: 'fact_stock_daily_price' });
    const rows = await readRows(io, await planScan(loaded.metadata, io), {
      columns: ['symbol', 'trade_date'],
    });
    expect(new Set(rows.map((x) => x['symbol']))).toEqual(new Set(['AAPL', 'MSFT']));
    expect(rows.length).toBeGreaterThan(400);
  });

  it('a rerun is an idempotent no-op, and tables lists the Glue tables', async () => {
    const r = await cli(['--json', 'run', '--symbols', 'AAPL,MSFT', '--source', 'sample']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { status: string }).status).toBe('up_to_date');
    const t = await cli(['--json', 'tables']);
    expect(t.code, t.stderr).toBe(0);
    const doc = JSON.parse(t.stdout) as { warehouse: string; tables: { table: string; rows: number }[] };
    expect(doc.warehouse).toBe(WAREHOUSE);
    expect(doc.tables.find((x) => x.table === 'dim_stock')?.rows).toBe(2);
  });

  it('transform --engine glue --dry-run prints the job it would create and submit', async () => {
    const r = await cli(['--json', 'transform', '--engine', 'glue', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { dryRun: boolean; plan: unknown };
    expect(out.dryRun).toBe(true);
    expect(JSON.stringify(out.plan)).toContain('--datalake-formats');
  });
});
