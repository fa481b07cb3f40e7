import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { GetJobCommand, GetJobRunCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMotoClients,
  requireMotoCommand,
  startMotoServer,
  type MotoClients,
  type MotoServer,
} from '../test-support/index.js';
import { GlueJobRunner } from './glue-job-runner.js';

const moto = requireMotoCommand();

describe.skipIf(!moto)('GlueJobRunner on moto_server', () => {
  let server: MotoServer;
  let clients: MotoClients;
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

  beforeAll(async () => {
    server = await startMotoServer(moto!);
    clients = createMotoClients(server.endpoint);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('uploads script and spec, creates the job, starts a run and polls it to SUCCEEDED', async () => {
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'glue-lifecycle' }));
    // moto reports STARTING, then RUNNING, then SUCCEEDED, one state per GetJobRun.
    await server.setTransition('glue::job_run', { progression: 'manual', times: 1 });
    const polled: number[] = [];
    const runner = new GlueJobRunner({
      s3: clients.s3,
      glue: clients.glue,
      sleep: async (ms) => {
        polled.push(ms);
      },
    });
    const outcome = await runner.run(input('glue-lifecycle', 'nasdaq-transform-a'));
    if (outcome.dryRun) throw new Error('expected a real run');
    expect(outcome.jobDefinition).toBe('created');
    expect(outcome.state).toBe('SUCCEEDED');
    expect(polled.length).toBeGreaterThanOrEqual(1);

    const script = await clients.s3.send(
      new GetObjectCommand({
        Bucket: 'glue-lifecycle',
        Key: outcome.plan.script.uri.replace('s3://glue-lifecycle/', ''),
      }),
    );
    expect(await script.Body!.transformToString()).toContain('def run_models(spark, spec)');
    const spec = await clients.s3.send(
      new GetObjectCommand({
        Bucket: 'glue-lifecycle',
        Key: 'warehouse/_glue/jobs/01JRUNGLUE/job-spec.json',
      }),
    );
    expect(JSON.parse(await spec.Body!.transformToString())).toMatchObject({
      version: 1,
      namespace: 'nasdaq',
    });

    const { Job: job } = await clients.glue.send(new GetJobCommand({ JobName: 'nasdaq-transform-a' }));
    expect(job?.GlueVersion).toBe('5.0');
    expect(job?.Command?.ScriptLocation).toBe(outcome.plan.script.uri);
    expect(job?.DefaultArguments?.['--datalake-formats']).toBe('iceberg');
    const { JobRun: run } = await clients.glue.send(
      new GetJobRunCommand({ JobName: 'nasdaq-transform-a', RunId: outcome.jobRunId }),
    );
    expect(run?.Arguments).toMatchObject({
      '--pipeline_job_spec': 's3://glue-lifecycle/warehouse/_glue/jobs/01JRUNGLUE/job-spec.json',
      '--pipeline_run_id': '01JRUNGLUE',
    });

    // Same definition next time: the job is reused as is.
    const again = await runner.run(input('glue-lifecycle', 'nasdaq-transform-a'));
    expect(again.dryRun === false && again.jobDefinition).toBe('unchanged');
    await server.setTransition('glue::job_run', { progression: 'immediate' });
  });

  it('dry run returns the plan and creates nothing', async () => {
    const runner = new GlueJobRunner({ s3: clients.s3, glue: clients.glue });
    const outcome = await runner.run(input('glue-dry-run-bucket-never-created', 'nasdaq-transform-dry'), {
      dryRun: true,
    });
    expect(outcome.dryRun).toBe(true);
    expect(outcome.plan.job.Name).toBe('nasdaq-transform-dry');
    await expect(
      clients.glue.send(new GetJobCommand({ JobName: 'nasdaq-transform-dry' })),
    ).rejects.toMatchObject({
      name: 'EntityNotFoundException',
    });
  });
});
