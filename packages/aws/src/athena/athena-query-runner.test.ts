import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AthenaQueryFailedError, AwsTimeoutError } from '../errors.js';
import { AthenaQueryRunner } from './athena-query-runner.js';

const athenaMock = mockClient(AthenaClient);
const athena = new AthenaClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});
const noSleep = async () => undefined;
const cols = [
  { Name: 'symbol', Type: 'varchar' },
  { Name: 'close_price', Type: 'double' },
];
const row = (...v: (string | undefined)[]) => ({
  Data: v.map((x) => (x === undefined ? {} : { VarCharValue: x })),
});

afterEach(() => athenaMock.reset());

describe('AthenaQueryRunner (mocked client)', () => {
  it('polls until SUCCEEDED, drops the header row and pages through results', async () => {
    athenaMock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athenaMock
      .on(GetQueryExecutionCommand)
      .resolvesOnce({ QueryExecution: { Status: { State: 'QUEUED' } } })
      .resolvesOnce({ QueryExecution: { Status: { State: 'RUNNING' } } })
      .resolves({
        QueryExecution: {
          Status: { State: 'SUCCEEDED' },
          StatementType: 'DML',
          Statistics: { DataScannedInBytes: 2048, EngineExecutionTimeInMillis: 900 },
        },
      });
    athenaMock
      .on(GetQueryResultsCommand, { NextToken: undefined })
      .resolves({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: cols },
          Rows: [row('symbol', 'close_price'), row('AAPL', '187.5')],
        },
        NextToken: 'page-2',
      })
      .on(GetQueryResultsCommand, { NextToken: 'page-2' })
      .resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: cols }, Rows: [row('MSFT', undefined)] } });
    const delays: number[] = [];
    const runner = new AthenaQueryRunner({
      athena,
      database: 'nasdaq',
      workGroup: 'pipeline',
      outputLocation: 's3://results/athena/',
      sleep: async (ms) => {
        delays.push(ms);
      },
    });

    const result = await runner.execute('SELECT symbol, close_price FROM fact_stock_daily_price');
    expect(result.rows).toEqual([
      { symbol: 'AAPL', close_price: 187.5 },
      { symbol: 'MSFT', close_price: null },
    ]);
    expect(result.dataScannedBytes).toBe(2048);
    expect(delays).toEqual([500, 750]);
    expect(athenaMock.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input).toEqual({
      QueryString: 'SELECT symbol, close_price FROM fact_stock_daily_price',
      WorkGroup: 'pipeline',
      QueryExecutionContext: { Database: 'nasdaq', Catalog: 'AwsDataCatalog' },
      ResultConfiguration: { OutputLocation: 's3://results/athena/' },
    });
    expect(runner.usage).toEqual({ queries: 1, dataScannedBytes: 2048 });
    expect(runner.tableRef('dim_date')).toBe('"nasdaq"."dim_date"');
  });

  it('throws AthenaQueryFailedError with the state-change reason', async () => {
    athenaMock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-2' });
    athenaMock.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        Status: {
          State: 'FAILED',
          StateChangeReason: "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved",
          AthenaError: { ErrorCategory: 2 },
        },
      },
    });
    const error = await new AthenaQueryRunner({ athena, sleep: noSleep })
      .query('SELECT nope FROM dim_date')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AthenaQueryFailedError);
    expect((error as AthenaQueryFailedError).stateChangeReason).toContain("Column 'nope' cannot be resolved");
    expect((error as AthenaQueryFailedError).transient).toBe(false);
    expect((error as Error).message).toContain('q-2 FAILED');
    expect((error as Error).message).toContain('SELECT nope FROM dim_date');
  });

  it('stops the query and throws AwsTimeoutError after the timeout', async () => {
    athenaMock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-3' });
    athenaMock.on(GetQueryExecutionCommand).resolves({ QueryExecution: { Status: { State: 'RUNNING' } } });
    athenaMock.on(StopQueryExecutionCommand).resolves({});
    let clock = 0;
    const runner = new AthenaQueryRunner({
      athena,
      timeoutMs: 10_000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    await expect(runner.query('SELECT 1')).rejects.toBeInstanceOf(AwsTimeoutError);
    expect(athenaMock.commandCalls(StopQueryExecutionCommand)[0]!.args[0].input).toEqual({
      QueryExecutionId: 'q-3',
    });
  });

  it('stops the query when the caller aborts', async () => {
    athenaMock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-4' });
    athenaMock.on(GetQueryExecutionCommand).resolves({ QueryExecution: { Status: { State: 'RUNNING' } } });
    athenaMock.on(StopQueryExecutionCommand).resolves({});
    const controller = new AbortController();
    const runner = new AthenaQueryRunner({ athena, poll: { initialDelayMs: 5 } });
    const pending = runner.execute('SELECT 1', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user pressed Ctrl-C')), 20);
    await expect(pending).rejects.toThrow('user pressed Ctrl-C');
    expect(athenaMock.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
  });
});
