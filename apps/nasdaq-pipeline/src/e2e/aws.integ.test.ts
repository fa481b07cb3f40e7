// End-to-end on the AWS target: the BUILT CLI runs `--target aws` against moto_server (S3, Glue, Athena)
// started on a free port on 127.0.0.1. Skips with a message when moto is missing, except with CI=true.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetTableCommand, GetTablesCommand } from '@aws-sdk/client-glue';
import {
  GetQueryExecutionCommand,
  ListQueryExecutionsCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMotoServer, type MotoAthenaResult } from '@nasdaq-pipeline/aws/test-support';
import { GlueCatalog, S3FileIO } from '@nasdaq-pipeline/aws';
import { planScan, readRows } from '@nasdaq-pipeline/iceberg';
import { spawnCli, type Spawned } from './spawn-cli.js';

const moto = useMotoServer({ beforeAll, afterAll, hookTimeoutMs: 120_000 });
const NOW = '2025-06-17T22:00:00Z';
// Credentials a leak would show: moto accepts any; no command may print them.
const AWS_KEY_ID = 'AKIAE2ENOTAREALKEY42';
const AWS_SECRET = 'e2e-aws-secret-9f3b7c1d-never-print-me';
const FMP_KEY = 'e2e-fmp-key-5a8e2d60-never-print-me';

describe.skipIf(!moto.available)('nasdaq-pipeline --target aws (moto)', { timeout: 600_000 }, () => {
  let dir: string;
  let bucket: string;
  let warehouse: string;
  const env = () => ({
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: AWS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: AWS_SECRET,
    AWS_REGION: 'us-east-1',
    FMP_API_KEY: FMP_KEY,
    NASDAQ_PIPELINE_NOW: NOW,
  });
  const expectNoSecrets = (r: Spawned) => {
    for (const secret of [AWS_KEY_ID, AWS_SECRET, FMP_KEY]) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
  };
  const cli = async (args: string[]): Promise<Spawned> => {
    const r = await spawnCli(['--target', 'aws', '--warehouse', warehouse, ...args], {
      cwd: dir,
      env: env(),
    });
    expectNoSecrets(r);
    return r;
  };

  beforeAll(async () => {
    bucket = await moto.createBucket('np-e2e-lake');
    warehouse = `s3://${bucket}/wh`;
    dir = await mkdtemp(path.join(tmpdir(), 'np-aws-e2e-'));
  });

  it('runs end to end: raw zone and Iceberg tables on S3, registered in Glue, readable by our reader', async () => {
    const r = await cli(['--json', 'run', '--symbols', 'AAPL,MSFT', '--source', 'sample']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { status: string; published: boolean };
    expect(s).toMatchObject({ status: 'ok', published: true });

    const { clients } = moto;
    const raw = await clients.s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: 'wh/raw/fmp/historical-price-eod/full/' }),
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
    const key = location.replace(`s3://${bucket}/`, '');
    await expect(clients.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).resolves.toBeTruthy();

    const io = new S3FileIO({ s3: clients.s3 });
    const catalog = new GlueCatalog({ glue: clients.glue, io, warehouse });
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
    expect(doc.warehouse).toBe(warehouse);
    expect(doc.tables.find((x) => x.table === 'dim_stock')?.rows).toBe(2);
  });

  it('a run killed between two table swaps is finished by the next command (S3 journal, dead lock taken over)', async () => {
    // Its own warehouse and Glue database (a Glue database maps to one warehouse).
    const killedWarehouse = `s3://${bucket}/wh-killed`;
    const cwd = await mkdtemp(path.join(tmpdir(), 'np-aws-e2e-killed-'));
    await writeFile(path.join(cwd, 'nasdaq-pipeline.yaml'), 'namespace: nasdaq_killed\n');
    const at = (args: string[], extra: Record<string, string> = {}) =>
      spawnCli(['--target', 'aws', '--warehouse', killedWarehouse, ...args], {
        cwd,
        env: { ...env(), ...extra },
      });
    const killed = await at(['run', '--symbols', 'AAPL,MSFT', '--source', 'sample'], {
      NASDAQ_PIPELINE_CHAOS_KILL_AT: 'publish#7', // before the last swap, the fact table's
    });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const journal = { Bucket: bucket, Key: 'wh-killed/.nasdaq-pipeline.publish.json' };
    await expect(moto.clients.s3.send(new HeadObjectCommand(journal))).resolves.toBeTruthy();
    // The killed run's S3 lock is far from expiry; its process is gone from this host, so it is taken over.
    const t = await at(['--json', 'tables']);
    expectNoSecrets(t);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stderr).toMatch(/1 tables published now \(fact_stock_daily_price\), 6 already published/);
    await expect(moto.clients.s3.send(new HeadObjectCommand(journal))).rejects.toThrow();
    const doc = JSON.parse(t.stdout) as { tables: { table: string; rows: number }[] };
    expect(doc.tables.find((x) => x.table === 'fact_stock_daily_price')?.rows).toBeGreaterThan(400);
  });

  it('transform --engine glue --dry-run prints the job it would create and submit', async () => {
    const r = await cli(['--json', 'transform', '--engine', 'glue', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { dryRun: boolean; plan: unknown };
    expect(out.dryRun).toBe(true);
    expect(JSON.stringify(out.plan)).toContain('--datalake-formats');
  });

  // moto's Athena runs no SQL: each execution takes the next result set queued through its API, in start order.
  const executionIds = async () =>
    (await moto.clients.athena.send(new ListQueryExecutionsCommand({}))).QueryExecutionIds ?? [];
  const newExecutions = async (before: readonly string[]) => {
    const ids = (await executionIds()).filter((id) => !before.includes(id));
    const found = await Promise.all(
      ids.map((id) => moto.clients.athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }))),
    );
    return found.map((f) => f.QueryExecution ?? {});
  };

  describe('query --target aws (Athena)', () => {
    const sql =
      "SELECT symbol, trade_date, close_price, volume FROM fact_stock_daily_price WHERE trade_date = DATE '2025-06-17' ORDER BY symbol";
    const prices = () =>
      athenaResult(
        [
          ['symbol', 'varchar'],
          ['trade_date', 'date'],
          ['close_price', 'double'],
          ['volume', 'bigint'],
        ],
        [
          ['AAPL', '2025-06-17', '195.64', '38856200'],
          ['MSFT', '2025-06-17', '478.04', null],
        ],
      );

    it('sends the SQL to Athena in the warehouse database and prints its rows as a table, JSON or CSV', async () => {
      const before = await executionIds();
      await moto.server.setAthenaResults([prices(), prices(), prices()]);

      const table = await cli(['query', sql]);
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toBe(
        [
          'symbol  trade_date  close_price    volume',
          '------  ----------  -----------  --------',
          'AAPL    2025-06-17       195.64  38856200',
          'MSFT    2025-06-17       478.04      NULL',
          '(2 rows)',
          '',
        ].join('\n'),
      );
      expect(table.stderr).toMatch(/Athena scanned \d+\.\d{2} MB/);

      const json = await cli(['query', '--format', 'json', sql]);
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual([
        { symbol: 'AAPL', trade_date: '2025-06-17', close_price: 195.64, volume: 38856200 },
        { symbol: 'MSFT', trade_date: '2025-06-17', close_price: 478.04, volume: null },
      ]);

      const csv = await cli(['query', '--format', 'csv', sql]);
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout).toBe(
        'symbol,trade_date,close_price,volume\nAAPL,2025-06-17,195.64,38856200\nMSFT,2025-06-17,478.04,\n',
      );

      const sent = await newExecutions(before);
      expect(sent).toHaveLength(3);
      for (const e of sent) {
        expect(e.Query).toBe(sql);
        expect(e.QueryExecutionContext?.Database).toBe('nasdaq');
        expect(e.WorkGroup).toBe('primary');
        expect(e.ResultConfiguration?.OutputLocation).toContain(`${warehouse}/_athena-results/`);
      }
    });

    it('refuses a writing statement with exit 2 before it reaches Athena', async () => {
      const before = await executionIds();
      for (const write of [
        "DELETE FROM fact_stock_daily_price WHERE symbol = 'AAPL'",
        '/* SELECT */ DROP TABLE dim_stock',
      ]) {
        const r = await cli(['query', write]);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain('query is read-only');
        expect(r.stdout).toBe('');
      }
      expect(await newExecutions(before)).toEqual([]);
    });

    it('names the Athena query that failed, with its SQL, and exits 1', async () => {
      // moto never fails a query by itself: hold the execution QUEUED, then cancel it as someone in the Athena
      // console would. The runner treats CANCELLED like FAILED; FAILED with Athena's reason is covered by
      // commands/query-athena-failure.test.ts (a stub Athena client).
      await moto.server.setTransition('athena::execution', { progression: 'manual', times: 1_000_000 });
      try {
        const before = await executionIds();
        const failing = 'SELECT count(*) AS n FROM fact_stock_daily_price';
        const running = cli(['query', failing]);
        let id: string | undefined;
        for (let i = 0; i < 300 && !id; i++) {
          id = (await executionIds()).find((x) => !before.includes(x));
          if (!id) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        if (!id) throw new Error('the CLI never started an Athena query');
        await moto.clients.athena.send(new StopQueryExecutionCommand({ QueryExecutionId: id }));
        const r = await running;
        expect(r.code, r.stderr).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(`error: athena: query ${id} CANCELLED`);
        expect(r.stderr).toContain(`SQL: ${failing}`);
      } finally {
        await moto.server.setTransition('athena::execution', { progression: 'immediate' });
      }
    });
  });

  describe('validate --stage tables --target aws (expectations run on Athena)', () => {
    const suite = [
      'name: athena-e2e',
      'expectations:',
      '  - id: fact.rows',
      '    kind: expect_table_row_count_to_be_between',
      '    table: fact_stock_daily_price',
      '    min: 1',
      '    dateColumn: trade_date',
      '  - id: fact.close_not_null',
      '    kind: expect_column_values_to_not_be_null',
      '    table: fact_stock_daily_price',
      '    column: close_price',
      '    dateColumn: trade_date',
      '',
    ].join('\n');
    const validate = async () => {
      await writeFile(path.join(dir, 'athena-suite.yaml'), suite);
      await writeFile(
        path.join(dir, 'athena-validate.yaml'),
        'validation:\n  builtIn: false\n  suites: [athena-suite.yaml]\n',
      );
      return cli(['--config', 'athena-validate.yaml', '--json', 'validate', '--stage', 'tables']);
    };
    // In query order: the last published session, the symbols held, then one result per expectation.
    const resultsFor = (closeNulls: number): MotoAthenaResult[] => [
      athenaResult([['d', 'varchar']], [['2025-06-17']]),
      athenaResult([['symbol', 'varchar']], [['AAPL'], ['MSFT']]),
      athenaResult([['dq_total', 'bigint']], [['2']]),
      athenaResult(
        [
          ['dq_total', 'bigint'],
          ['dq_unexpected', 'bigint'],
          ['dq_sampled', 'integer'],
          ['symbol', 'varchar'],
          ['trade_date', 'date'],
          ['close_price', 'double'],
        ],
        closeNulls === 0
          ? [['2', '0', null, null, null, null]]
          : [['2', String(closeNulls), '1', 'MSFT', '2025-06-17', null]],
      ),
    ];
    interface Report {
      ok: boolean;
      tables: {
        expectationId: string;
        status: string;
        observedValue: unknown;
        unexpectedCount: number;
        sampleRows: unknown[];
        sql: string;
      }[];
    }

    it('exits 0 with every expectation passed when Athena returns clean results', async () => {
      const before = await executionIds();
      await moto.server.setAthenaResults(resultsFor(0));
      const r = await validate();
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.ok).toBe(true);
      expect(report.tables.map((t) => [t.expectationId, t.status, t.observedValue])).toEqual([
        ['fact.rows', 'passed', 2],
        ['fact.close_not_null', 'passed', 0],
      ]);
      // The expectations ran on Athena, against the Glue table, for the session Athena reported as the last.
      const sent = (await newExecutions(before)).map((e) => e.Query ?? '');
      expect(sent).toHaveLength(4);
      expect(sent.slice(2)).toEqual(report.tables.map((t) => t.sql));
      for (const q of sent.slice(2)) {
        expect(q).toContain('"nasdaq"."fact_stock_daily_price"');
        expect(q).toContain('2025-06-17');
      }
    });

    it('exits 3 and reports the failed expectation with its offending rows', async () => {
      await moto.server.setAthenaResults(resultsFor(1));
      const r = await validate();
      expect(r.code, r.stderr).toBe(3);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.ok).toBe(false);
      expect(report.tables.map((t) => [t.expectationId, t.status])).toEqual([
        ['fact.rows', 'passed'],
        ['fact.close_not_null', 'failed'],
      ]);
      expect(report.tables[1]).toMatchObject({
        unexpectedCount: 1,
        observedValue: 50,
        sampleRows: [{ symbol: 'MSFT', trade_date: '2025-06-17', close_price: null }],
      });
    });
  });
});

/** A result set for moto's Athena queue: the header row Athena sends first for a SELECT, then the rows. */
function athenaResult(
  columns: readonly (readonly [name: string, type: string])[],
  rows: readonly (readonly (string | null)[])[],
): MotoAthenaResult {
  const row = (cells: readonly (string | null)[]) => ({
    Data: cells.map((v) => (v === null ? {} : { VarCharValue: v })),
  });
  return {
    rows: [row(columns.map(([name]) => name)), ...rows.map(row)],
    column_info: columns.map(([name, type]) => ({
      Name: name,
      Label: name,
      Type: type,
      Nullable: 'UNKNOWN',
      CaseSensitive: false,
    })),
  };
}
