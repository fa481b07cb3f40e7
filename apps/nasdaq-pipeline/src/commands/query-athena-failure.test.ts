// `query --target aws` when Athena reports a query FAILED. moto cannot fail a query (it runs no SQL; the e2e test
// covers a CANCELLED one), so the real AthenaQueryRunner talks to a stub client here, the way aws-sdk-client-mock
// would (the SDK package itself is not a dependency of the app, so the mock library cannot reach its classes).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AthenaQueryRunner } from '@nasdaq-pipeline/aws';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../test-support/cli-harness.js';
import { registerAwsWarehouse } from '../warehouse/open-warehouse.js';

const reason = "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved";
const sent: string[] = [];
const athena = {
  // Answers by command class, as Athena would for a query that fails while planning.
  async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
    sent.push(command.constructor.name);
    switch (command.constructor.name) {
      case 'StartQueryExecutionCommand':
        return { QueryExecutionId: 'q-failed-1' };
      case 'GetQueryExecutionCommand':
        return {
          QueryExecution: {
            Status: { State: 'FAILED', StateChangeReason: reason, AthenaError: { ErrorCategory: 2 } },
          },
        };
      default:
        throw new Error(`unexpected ${command.constructor.name}`);
    }
  },
};
const runner = new AthenaQueryRunner({
  athena: athena as never,
  database: 'nasdaq',
  sleep: () => Promise.resolve(),
});
registerAwsWarehouse(async () => ({
  rootUri: 's3://lake/wh',
  namespace: 'nasdaq',
  io: { exists: () => Promise.resolve(false) } as never, // no interrupted publish to finish
  catalog: {} as never,
  target: 'aws',
  remoteSql: { query: runner.query, tableRef: runner.tableRef, scannedBytes: () => 0 },
}));

describe('query --target aws when Athena fails the query', () => {
  it('exits 1 naming the query, its SQL and Athena’s reason; --json prints the error document', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'np-athena-fail-'));
    const sql = 'SELECT nope FROM dim_date';
    const args = ['--target', 'aws', '--warehouse', 's3://lake/wh', 'query', sql];

    const human = await runInProcess(args, { cwd });
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
    expect(human.stderr).toBe(`error: athena: query q-failed-1 FAILED: ${reason} — SQL: ${sql}\n`);
    expect(sent).toEqual(['StartQueryExecutionCommand', 'GetQueryExecutionCommand']);

    const json = await runInProcess(['--json', ...args], { cwd });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      exitCode: 1,
      error: {
        code: 'AWS_ATHENA_QUERY_FAILED',
        message: `athena: query q-failed-1 FAILED: ${reason} — SQL: ${sql}`,
        transient: false,
      },
    });
  });
});
