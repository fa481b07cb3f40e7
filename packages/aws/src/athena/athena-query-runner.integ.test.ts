import {
  CreateWorkGroupCommand,
  GetQueryExecutionCommand,
  ListQueryExecutionsCommand,
} from '@aws-sdk/client-athena';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMotoServer } from '../test-support/index.js';
import { AthenaQueryRunner } from './athena-query-runner.js';

const moto = useMotoServer({ beforeAll, afterAll });
const noSleep = async () => undefined;

describe.skipIf(!moto.available)('AthenaQueryRunner on moto_server', () => {
  it('submits the SQL to the workgroup and database, polls, and converts the seeded result set', async () => {
    await moto.clients.athena.send(
      new CreateWorkGroupCommand({
        Name: 'nasdaq-pipeline',
        Configuration: { ResultConfiguration: { OutputLocation: 's3://athena-results/' } },
      }),
    );
    // Advance one state per GetQueryExecution (RUNNING, then SUCCEEDED) so the runner has to poll.
    await moto.server.setTransition('athena::execution', { progression: 'manual', times: 1 });
    await moto.server.setAthenaResults([
      {
        rows: [
          {
            Data: [
              { VarCharValue: 'symbol' },
              { VarCharValue: 'trade_date' },
              { VarCharValue: 'volume' },
              { VarCharValue: 'is_trading_day' },
            ],
          },
          {
            Data: [
              { VarCharValue: 'AAPL' },
              { VarCharValue: '2024-01-02' },
              { VarCharValue: '82488700' },
              { VarCharValue: 'true' },
            ],
          },
          { Data: [{ VarCharValue: 'NVDA' }, { VarCharValue: '2024-01-02' }, {}, { VarCharValue: 'false' }] },
        ],
        column_info: [
          { Name: 'symbol', Label: 'symbol', Type: 'varchar', Nullable: 'UNKNOWN', CaseSensitive: true },
          {
            Name: 'trade_date',
            Label: 'trade_date',
            Type: 'date',
            Nullable: 'UNKNOWN',
            CaseSensitive: false,
          },
          { Name: 'volume', Label: 'volume', Type: 'bigint', Nullable: 'UNKNOWN', CaseSensitive: false },
          {
            Name: 'is_trading_day',
            Label: 'is_trading_day',
            Type: 'boolean',
            Nullable: 'UNKNOWN',
            CaseSensitive: false,
          },
        ],
      },
    ]);
    let polls = 0;
    const runner = new AthenaQueryRunner({
      athena: moto.clients.athena,
      workGroup: 'nasdaq-pipeline',
      database: 'nasdaq',
      sleep: async () => {
        polls++;
      },
    });
    const sql = 'SELECT symbol, trade_date, volume, is_trading_day FROM fact_stock_daily_price LIMIT 2';
    const result = await runner.execute(sql);
    expect(result.rows).toEqual([
      { symbol: 'AAPL', trade_date: '2024-01-02', volume: 82488700, is_trading_day: true },
      { symbol: 'NVDA', trade_date: '2024-01-02', volume: null, is_trading_day: false },
    ]);
    expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'date', 'bigint', 'boolean']);
    expect(polls).toBe(1); // moto reports RUNNING on the first GetQueryExecution, SUCCEEDED on the second

    const ids = await moto.clients.athena.send(
      new ListQueryExecutionsCommand({ WorkGroup: 'nasdaq-pipeline' }),
    );
    const seen = await moto.clients.athena.send(
      new GetQueryExecutionCommand({ QueryExecutionId: ids.QueryExecutionIds![0]! }),
    );
    expect(seen.QueryExecution?.Query).toBe(sql);
    expect(seen.QueryExecution?.QueryExecutionContext?.Database).toBe('nasdaq');
    await moto.server.setTransition('athena::execution', { progression: 'immediate' });
  });

  it('answers the validation interface with rows (empty result)', async () => {
    const runner = new AthenaQueryRunner({
      athena: moto.clients.athena,
      outputLocation: 's3://athena-results/',
      sleep: noSleep,
    });
    const runSql = runner.query; // passed around unbound, as validation's runSql
    expect(await runSql('SELECT * FROM dq_results WHERE 1 = 0')).toEqual([]);
  });
});
