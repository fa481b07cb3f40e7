/**
 * @nasdaq-pipeline/aws: AWS implementations: S3 FileIO, Glue Data Catalog, Athena queries and Glue Spark job runs.
 *
 * @packageDocumentation
 */
export {
  AthenaQueryFailedError,
  AwsInvalidArgumentError,
  AwsTargetError,
  AwsTimeoutError,
  GlueJobFailedError,
  LockHeldError,
  LockLostError,
} from './errors.js';
export type { AwsTargetErrorOptions, LockHolder } from './errors.js';
export { formatS3Uri, parseS3Uri, resolveS3Warehouse } from './s3/s3-uri.js';
export type { S3Location } from './s3/s3-uri.js';
export { S3FileIO } from './s3/s3-file-io.js';
export type { S3FileIOOptions } from './s3/s3-file-io.js';
export { acquireS3Lock, getWarehouseLockUri } from './s3/s3-lock.js';
export type { HeldS3Lock, S3LockOptions } from './s3/s3-lock.js';
export { AthenaQueryRunner } from './athena/athena-query-runner.js';
export type {
  AthenaColumn,
  AthenaExecuteOptions,
  AthenaQueryResult,
  AthenaQueryRunnerOptions,
  AthenaUsage,
} from './athena/athena-query-runner.js';
export { convertAthenaValue } from './athena/convert-athena-value.js';
export { computePollDelay, sleepWithSignal } from './util/poll.js';
export type { PollOptions, Sleep } from './util/poll.js';
export { GlueJobRunner } from './glue/glue-job-runner.js';
export type {
  GlueJobDefinitionAction,
  GlueJobRunnerOptions,
  GlueRunOptions,
  GlueRunOutcome,
} from './glue/glue-job-runner.js';
export { buildIcebergSparkConf, GLUE_USD_PER_DPU_HOUR, planGlueJob } from './glue/plan-glue-job.js';
export type {
  GlueJobInput,
  GlueJobPlan,
  GlueJobSpec,
  GlueSparkModel,
  GlueWorkerType,
} from './glue/plan-glue-job.js';
export { loadGlueRunnerScript } from './glue/load-glue-runner-script.js';
export { GlueCatalog } from './glue/glue-catalog.js';
export type { GlueCatalogOptions } from './glue/glue-catalog.js';
export { buildGlueTableInput } from './glue/build-table-input.js';
export type { GlueTableInputSource } from './glue/build-table-input.js';
export { convertIcebergTypeToGlue } from './glue/iceberg-to-glue-type.js';
export { buildMetadataLocation, parseMetadataVersion } from './glue/metadata-file-name.js';
export { createAwsClients } from './create-aws-clients.js';
export type { AwsClients, AwsClientsOptions } from './create-aws-clients.js';
export { createAwsTarget } from './create-aws-target.js';
export type { AwsTarget, AwsTargetOptions } from './create-aws-target.js';
export { checkAwsTarget } from './check-aws-target.js';
export type { AwsCheck, CheckAwsTargetOptions } from './check-aws-target.js';
