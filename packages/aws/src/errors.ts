/**
 * Error taxonomy of `@nasdaq-pipeline/aws`. Retries key off `transient`, never off message text.
 */

/** Options accepted by every {@link AwsTargetError}. */
export interface AwsTargetErrorOptions {
  readonly cause?: unknown;
}

/** Base class: a stable `code`, whether retrying may help (`transient`), and the native `cause`. */
export class AwsTargetError extends Error {
  /** Stable machine-readable code, e.g. `AWS_ATHENA_QUERY_FAILED`. */
  readonly code: string;
  /** `true` when the same operation may succeed if retried (throttling, a lost race, a timeout). */
  readonly transient: boolean;

  constructor(code: string, message: string, transient = false, options: AwsTargetErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.transient = transient;
  }
}

/** An Athena query ended in `FAILED` or `CANCELLED`. Carries Athena's state-change reason. */
export class AthenaQueryFailedError extends AwsTargetError {
  readonly queryExecutionId: string;
  readonly state: string;
  /** `Status.StateChangeReason` as Athena reported it (e.g. `SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved`). */
  readonly stateChangeReason: string | undefined;
  /** `Status.AthenaError.ErrorCategory`: 1 system, 2 user, 3 other. System errors are transient. */
  readonly errorCategory: number | undefined;
  constructor(
    init: {
      queryExecutionId: string;
      state: string;
      stateChangeReason?: string | undefined;
      errorCategory?: number | undefined;
      sql: string;
    },
    options?: AwsTargetErrorOptions,
  ) {
    super(
      'AWS_ATHENA_QUERY_FAILED',
      `athena: query ${init.queryExecutionId} ${init.state}: ${init.stateChangeReason ?? 'no reason given'} ` +
        `— SQL: ${abbreviate(init.sql)}`,
      init.errorCategory === 1,
      options,
    );
    this.queryExecutionId = init.queryExecutionId;
    this.state = init.state;
    this.stateChangeReason = init.stateChangeReason;
    this.errorCategory = init.errorCategory;
  }
}

/** A polled operation (Athena query, Glue job run) did not finish within its timeout. Transient. */
export class AwsTimeoutError extends AwsTargetError {
  /** What timed out, e.g. `athena query 1234-…` or `glue job run jr_…`. */
  readonly operation: string;
  readonly timeoutMs: number;
  constructor(operation: string, timeoutMs: number, hint: string, options?: AwsTargetErrorOptions) {
    super('AWS_TIMEOUT', `aws: ${operation} did not finish within ${timeoutMs} ms; ${hint}`, true, options);
    this.operation = operation;
    this.timeoutMs = timeoutMs;
  }
}

/** A Glue job run ended in `FAILED`, `ERROR`, `TIMEOUT`, `STOPPED` or `EXPIRED`. Carries Glue's error message. */
export class GlueJobFailedError extends AwsTargetError {
  readonly jobName: string;
  readonly jobRunId: string;
  readonly state: string;
  /** `JobRun.ErrorMessage` (the Spark driver's exception, when Glue captured one). */
  readonly errorMessage: string | undefined;
  constructor(
    init: { jobName: string; jobRunId: string; state: string; errorMessage?: string | undefined },
    options?: AwsTargetErrorOptions,
  ) {
    super(
      'AWS_GLUE_JOB_FAILED',
      `glue: job ${init.jobName} run ${init.jobRunId} ended ${init.state}: ${init.errorMessage ?? 'no error message'} ` +
        `— see the CloudWatch log group /aws-glue/jobs/error for the driver log`,
      false,
      options,
    );
    this.jobName = init.jobName;
    this.jobRunId = init.jobRunId;
    this.state = init.state;
    this.errorMessage = init.errorMessage;
  }
}

/** Who holds a warehouse lock (the JSON body of the lock object). */
export interface LockHolder {
  readonly host: string;
  readonly pid: number;
  readonly runId: string;
  /** CLI command of the holder (`run`, `backfill`…), when known. */
  readonly command?: string;
  /** ISO-8601 time the lock was taken. */
  readonly since: string;
  /** ISO-8601 time after which the lock is stale and may be taken over. */
  readonly expires: string;
}

/** Another writer holds the warehouse lock and it has not expired. The CLI exits 5. */
export class LockHeldError extends AwsTargetError {
  readonly lockUri: string;
  /** The current holder; `undefined` when the lock object could not be parsed. */
  readonly holder: LockHolder | undefined;
  constructor(lockUri: string, holder: LockHolder | undefined, options?: AwsTargetErrorOptions) {
    super(
      'AWS_LOCK_HELD',
      holder
        ? `aws: warehouse lock ${lockUri} is held by ${holder.command ? `${holder.command} ` : ''}run ${holder.runId} (pid ${holder.pid} on ${holder.host}) ` +
            `since ${holder.since}, expires ${holder.expires}; wait for it to finish, or delete the lock object ` +
            `if that run is dead`
        : `aws: warehouse lock ${lockUri} is held by an unknown writer (unreadable lock object)`,
      true,
      options,
    );
    this.lockUri = lockUri;
    this.holder = holder;
  }
}

/** The lock object changed under us (someone took it over or deleted it) before `renew`/`release`. */
export class LockLostError extends AwsTargetError {
  readonly lockUri: string;
  constructor(lockUri: string, options?: AwsTargetErrorOptions) {
    super(
      'AWS_LOCK_LOST',
      `aws: warehouse lock ${lockUri} is no longer ours (it expired and another run took it over, or it was ` +
        `deleted); stop writing`,
      false,
      options,
    );
    this.lockUri = lockUri;
  }
}

/** A URI that is not `s3://bucket/key`, or another invalid argument. */
export class AwsInvalidArgumentError extends AwsTargetError {
  constructor(message: string, options?: AwsTargetErrorOptions) {
    super('AWS_INVALID_ARGUMENT', message, false, options);
  }
}

function abbreviate(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine;
}

/**
 * A field the AWS API documents as always present was missing from a response.
 * @throws {AwsTargetError} `AWS_UNEXPECTED_RESPONSE` when `value` is undefined
 */
export function requireResponseField<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new AwsTargetError(
      'AWS_UNEXPECTED_RESPONSE',
      `aws: response lacks ${what}; is the endpoint really AWS?`,
    );
  }
  return value;
}
