import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  BatchStopJobRunCommand,
  CreateJobCommand,
  GetJobCommand,
  GetJobRunCommand,
  StartJobRunCommand,
  UpdateJobCommand,
  type GlueClient,
  type Job,
  type JobRun,
} from '@aws-sdk/client-glue';
import { AwsTimeoutError, GlueJobFailedError, requireResponseField } from '../errors.js';
import { parseS3Uri } from '../s3/s3-uri.js';
import { computePollDelay, sleepWithSignal, type PollOptions, type Sleep } from '../util/poll.js';
import { loadGlueRunnerScript } from './load-glue-runner-script.js';
import { planGlueJob, type GlueJobInput, type GlueJobPlan } from './plan-glue-job.js';

/** Options of {@link GlueJobRunner}. */
export interface GlueJobRunnerOptions {
  readonly s3: S3Client;
  readonly glue: GlueClient;
  /** Polling backoff. Defaults 5 s × 1.5 up to 30 s (Glue runs take minutes). */
  readonly poll?: PollOptions;
  readonly sleep?: Sleep;
  /** Clock (ms since epoch) for the timeout. Default `Date.now`. */
  readonly now?: () => number;
  /** Runner script source. Default {@link loadGlueRunnerScript}. */
  readonly loadScript?: () => Promise<string>;
}

/** Options of {@link GlueJobRunner.run}. */
export interface GlueRunOptions {
  /** Plan only: upload nothing, create nothing, start nothing. */
  readonly dryRun?: boolean;
  /** Aborting stops the job run (`BatchStopJobRun`) and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Stop waiting (and stop the run) after this long. Default: the job timeout + 5 minutes. */
  readonly timeoutMs?: number;
}

/** What happened to the job definition. */
export type GlueJobDefinitionAction = 'created' | 'updated' | 'unchanged';

/** Outcome of {@link GlueJobRunner.run}. */
export type GlueRunOutcome =
  | { readonly dryRun: true; readonly plan: GlueJobPlan }
  | {
      readonly dryRun: false;
      readonly plan: GlueJobPlan;
      readonly jobDefinition: GlueJobDefinitionAction;
      readonly jobRunId: string;
      readonly state: 'SUCCEEDED';
      /** Seconds Glue billed the run for (`ExecutionTime`). */
      readonly executionTimeSeconds: number;
      /** DPU-seconds when Glue reports them (auto-scaling / Flex), else undefined. */
      readonly dpuSeconds: number | undefined;
    };

const ACTIVE = new Set(['STARTING', 'RUNNING', 'STOPPING', 'WAITING']);

/**
 * Runs rendered Spark-SQL models as a Glue job: uploads the generic runner script and the run's job spec to S3,
 * creates or updates the job definition (Glue 5.0, `--datalake-formats iceberg`, `glue_catalog` conf), starts a run
 * and polls it to completion with a timeout.
 */
export class GlueJobRunner {
  private readonly options: GlueJobRunnerOptions;

  constructor(options: GlueJobRunnerOptions) {
    this.options = options;
  }

  /** The plan of a run (no I/O except reading the bundled script). */
  async plan(input: GlueJobInput): Promise<GlueJobPlan> {
    return planGlueJob(input, await (this.options.loadScript ?? loadGlueRunnerScript)());
  }

  /**
   * Plan, then (unless `dryRun`) upload, create/update the job, start it and wait for it.
   * @throws {GlueJobFailedError} when the run ends FAILED, ERROR, TIMEOUT, STOPPED or EXPIRED (with Glue's message)
   * @throws {AwsTimeoutError} when the run is still active after `timeoutMs` (the run is stopped first)
   * @throws the signal's reason when aborted (the run is stopped first)
   */
  async run(input: GlueJobInput, options: GlueRunOptions = {}): Promise<GlueRunOutcome> {
    const scriptText = await (this.options.loadScript ?? loadGlueRunnerScript)();
    const plan = planGlueJob(input, scriptText);
    if (options.dryRun) return { dryRun: true, plan };
    const { signal } = options;
    signal?.throwIfAborted();

    await this.upload(plan.script.uri, scriptText, 'text/x-python');
    await this.upload(plan.spec.uri, JSON.stringify(plan.spec.document, null, 2), 'application/json');
    const jobDefinition = await this.ensureJob(plan);
    const started = (this.options.now ?? Date.now)();
    const { JobRunId } = await this.options.glue.send(
      new StartJobRunCommand({ JobName: plan.run.JobName, Arguments: { ...plan.run.Arguments } }),
    );
    const jobRunId = requireResponseField(JobRunId, 'StartJobRun.JobRunId');
    const run = await this.waitForRun(plan, jobRunId, started, options);
    return {
      dryRun: false,
      plan,
      jobDefinition,
      jobRunId,
      state: 'SUCCEEDED',
      executionTimeSeconds: run.ExecutionTime ?? 0,
      dpuSeconds: run.DPUSeconds,
    };
  }

  private async upload(uri: string, body: string, contentType: string): Promise<void> {
    const { bucket, key } = parseS3Uri(uri);
    await this.options.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  /** Create the job, or update it when its definition differs from the plan. */
  private async ensureJob(plan: GlueJobPlan): Promise<GlueJobDefinitionAction> {
    const { glue } = this.options;
    let existing: Job | undefined;
    try {
      existing = (await glue.send(new GetJobCommand({ JobName: plan.jobName }))).Job;
    } catch (error) {
      if ((error as { name?: string }).name !== 'EntityNotFoundException') throw error;
    }
    const { Name, ...update } = plan.job;
    if (!existing) {
      await glue.send(
        new CreateJobCommand({
          ...plan.job,
          Command: { ...plan.job.Command },
          DefaultArguments: { ...plan.job.DefaultArguments },
        }),
      );
      return 'created';
    }
    if (isSameJob(existing, plan)) return 'unchanged';
    await glue.send(
      new UpdateJobCommand({
        JobName: Name,
        JobUpdate: {
          ...update,
          Command: { ...update.Command },
          DefaultArguments: { ...update.DefaultArguments },
        },
      }),
    );
    return 'updated';
  }

  private async waitForRun(
    plan: GlueJobPlan,
    jobRunId: string,
    started: number,
    options: GlueRunOptions,
  ): Promise<JobRun> {
    const { glue } = this.options;
    const now = this.options.now ?? Date.now;
    const sleep = this.options.sleep ?? sleepWithSignal;
    const timeoutMs = options.timeoutMs ?? (plan.job.Timeout + 5) * 60_000;
    const poll = { initialDelayMs: 5000, maxDelayMs: 30_000, ...this.options.poll };
    const stop = () =>
      glue
        .send(new BatchStopJobRunCommand({ JobName: plan.jobName, JobRunIds: [jobRunId] }))
        .catch(() => undefined);
    for (let attempt = 0; ; attempt++) {
      const { JobRun: run } = await glue.send(
        new GetJobRunCommand({ JobName: plan.jobName, RunId: jobRunId }),
      );
      const state = run?.JobRunState ?? 'STARTING';
      if (state === 'SUCCEEDED' && run) return run;
      if (!ACTIVE.has(state)) {
        throw new GlueJobFailedError({
          jobName: plan.jobName,
          jobRunId,
          state,
          errorMessage: run?.ErrorMessage,
        });
      }
      if (now() - started >= timeoutMs) {
        await stop();
        throw new AwsTimeoutError(
          `glue job run ${jobRunId} of ${plan.jobName}`,
          timeoutMs,
          'the run was stopped; raise the timeout or the number of workers',
        );
      }
      try {
        await sleep(computePollDelay(attempt, poll), options.signal);
      } catch (error) {
        if (options.signal?.aborted) await stop();
        throw error;
      }
      if (options.signal?.aborted) {
        await stop();
        throw options.signal.reason;
      }
    }
  }
}

function isSameJob(job: Job, plan: GlueJobPlan): boolean {
  const want = plan.job;
  const args = job.DefaultArguments ?? {};
  const sameArgs =
    Object.keys(args).length === Object.keys(want.DefaultArguments).length &&
    Object.entries(want.DefaultArguments).every(([k, v]) => args[k] === v);
  return (
    sameArgs &&
    job.Role === want.Role &&
    job.Command?.ScriptLocation === want.Command.ScriptLocation &&
    job.GlueVersion === want.GlueVersion &&
    job.WorkerType === want.WorkerType &&
    job.NumberOfWorkers === want.NumberOfWorkers &&
    job.Timeout === want.Timeout
  );
}
