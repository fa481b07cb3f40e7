import {
  BatchStopJobRunCommand,
  CreateJobCommand,
  GetJobCommand,
  GetJobRunCommand,
  GlueClient,
  StartJobRunCommand,
  UpdateJobCommand,
} from '@aws-sdk/client-glue';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsTimeoutError, GlueJobFailedError } from '../errors.js';
import { GlueJobRunner } from './glue-job-runner.js';

const glueMock = mockClient(GlueClient);
const s3Mock = mockClient(S3Client);
const credentials = { accessKeyId: 'x', secretAccessKey: 'x' };
const glue = new GlueClient({ region: 'us-east-1', credentials });
const s3 = new S3Client({ region: 'us-east-1', credentials });
const input = {
  runId: 'r1',
  warehouse: 's3://lake/wh',
  namespace: 'nasdaq',
  roleArn: 'arn:aws:iam::1:role/glue',
  models: [{ name: 'm', statements: ['SELECT 1'] }],
};
const runner = (extra: Partial<ConstructorParameters<typeof GlueJobRunner>[0]> = {}) =>
  new GlueJobRunner({ s3, glue, loadScript: async () => 'script', sleep: async () => undefined, ...extra });

afterEach(() => {
  glueMock.reset();
  s3Mock.reset();
});

describe('GlueJobRunner (mocked clients)', () => {
  it('updates a job whose definition drifted (UpdateJob, which moto lacks)', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    glueMock.on(GetJobCommand).resolves({ Job: { Name: 'nasdaq-pipeline-transform', GlueVersion: '4.0' } });
    glueMock.on(UpdateJobCommand).resolves({});
    glueMock.on(StartJobRunCommand).resolves({ JobRunId: 'jr_1' });
    glueMock.on(GetJobRunCommand).resolves({ JobRun: { JobRunState: 'SUCCEEDED', ExecutionTime: 95 } });
    const outcome = await runner().run(input);
    expect(outcome.dryRun === false && outcome.jobDefinition).toBe('updated');
    expect(outcome.dryRun === false && outcome.executionTimeSeconds).toBe(95);
    const update = glueMock.commandCalls(UpdateJobCommand)[0]!.args[0].input;
    expect(update.JobName).toBe('nasdaq-pipeline-transform');
    expect(update.JobUpdate?.GlueVersion).toBe('5.0');
    expect(update.JobUpdate?.DefaultArguments?.['--datalake-formats']).toBe('iceberg');
    expect(glueMock.commandCalls(CreateJobCommand)).toHaveLength(0);
  });

  it('surfaces the error message of a failed run', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    glueMock
      .on(GetJobCommand)
      .rejects(Object.assign(new Error('no job'), { name: 'EntityNotFoundException' }));
    glueMock.on(CreateJobCommand).resolves({ Name: 'nasdaq-pipeline-transform' });
    glueMock.on(StartJobRunCommand).resolves({ JobRunId: 'jr_2' });
    glueMock
      .on(GetJobRunCommand)
      .resolvesOnce({ JobRun: { JobRunState: 'RUNNING' } })
      .resolves({
        JobRun: {
          JobRunState: 'FAILED',
          ErrorMessage: 'AnalysisException: model m statement 1/1 failed: Table or view not found: staged',
        },
      });
    const error = await runner()
      .run(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlueJobFailedError);
    expect((error as GlueJobFailedError).errorMessage).toContain('Table or view not found');
    expect((error as GlueJobFailedError).jobRunId).toBe('jr_2');
  });

  it('stops the run and throws AwsTimeoutError after the timeout', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    glueMock
      .on(GetJobCommand)
      .rejects(Object.assign(new Error('no job'), { name: 'EntityNotFoundException' }));
    glueMock.on(CreateJobCommand).resolves({});
    glueMock.on(StartJobRunCommand).resolves({ JobRunId: 'jr_3' });
    glueMock.on(GetJobRunCommand).resolves({ JobRun: { JobRunState: 'RUNNING' } });
    glueMock.on(BatchStopJobRunCommand).resolves({});
    let clock = 0;
    const r = runner({ now: () => clock, sleep: async (ms) => void (clock += ms) });
    await expect(r.run(input, { timeoutMs: 60_000 })).rejects.toBeInstanceOf(AwsTimeoutError);
    expect(glueMock.commandCalls(BatchStopJobRunCommand)[0]!.args[0].input).toEqual({
      JobName: 'nasdaq-pipeline-transform',
      JobRunIds: ['jr_3'],
    });
  });

  it('stops the run when the caller aborts', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    glueMock
      .on(GetJobCommand)
      .rejects(Object.assign(new Error('no job'), { name: 'EntityNotFoundException' }));
    glueMock.on(CreateJobCommand).resolves({});
    glueMock.on(StartJobRunCommand).resolves({ JobRunId: 'jr_4' });
    glueMock.on(GetJobRunCommand).resolves({ JobRun: { JobRunState: 'RUNNING' } });
    glueMock.on(BatchStopJobRunCommand).resolves({});
    const controller = new AbortController();
    const r = runner({ sleep: undefined, poll: { initialDelayMs: 5, maxDelayMs: 5 } });
    const pending = r.run(input, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('SIGINT')), 30);
    await expect(pending).rejects.toThrow('SIGINT');
    expect(glueMock.commandCalls(BatchStopJobRunCommand)).toHaveLength(1);
  });

  it('dry run touches neither S3 nor Glue', async () => {
    const outcome = await runner().run(input, { dryRun: true });
    expect(outcome.dryRun).toBe(true);
    expect(glueMock.calls()).toHaveLength(0);
    expect(s3Mock.calls()).toHaveLength(0);
  });
});
