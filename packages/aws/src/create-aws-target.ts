import type { AwsClients } from './create-aws-clients.js';
import { AthenaQueryRunner, type AthenaQueryRunnerOptions } from './athena/athena-query-runner.js';
import { GlueCatalog } from './glue/glue-catalog.js';
import { GlueJobRunner } from './glue/glue-job-runner.js';
import { S3FileIO } from './s3/s3-file-io.js';
import { acquireS3Lock, getWarehouseLockUri, type HeldS3Lock, type S3LockOptions } from './s3/s3-lock.js';

/** Options of {@link createAwsTarget}. */
export interface AwsTargetOptions {
  readonly clients: AwsClients;
  /** `s3://bucket/prefix`. */
  readonly warehouse: string;
  /** Glue database = Iceberg namespace = Athena default database. Default `nasdaq`. */
  readonly namespace?: string;
  /** Athena workgroup. Default `primary`. */
  readonly workGroup?: string;
  /**
   * Athena result location. Default `<warehouse>/_athena-results/` (ignored by Athena when the workgroup enforces
   * its own); `null` sends none, leaving it to the workgroup.
   */
  readonly athenaOutputLocation?: string | null;
  /** Athena query timeout. Default 10 minutes. */
  readonly athenaTimeoutMs?: number;
}

/** Everything `--target aws` needs, wired to one warehouse. */
export interface AwsTarget {
  readonly warehouse: string;
  readonly namespace: string;
  readonly io: S3FileIO;
  readonly catalog: GlueCatalog;
  /** Athena; `sql.query(text)` is the "run SQL, get rows" interface of validation and `query`. */
  readonly sql: AthenaQueryRunner;
  readonly glueJobs: GlueJobRunner;
  /** Take the warehouse lock (`<warehouse>/.nasdaq-pipeline.lock`). @throws {LockHeldError} */
  acquireLock(options: Omit<S3LockOptions, 's3'>): Promise<HeldS3Lock>;
}

/** Wire S3FileIO, GlueCatalog, Athena and Glue jobs for one `s3://` warehouse. No I/O. */
export function createAwsTarget(options: AwsTargetOptions): AwsTarget {
  const { s3, glue, athena } = options.clients;
  const warehouse = options.warehouse.replace(/\/+$/, '');
  const namespace = options.namespace ?? 'nasdaq';
  const io = new S3FileIO({ s3 });
  const athenaOptions: AthenaQueryRunnerOptions = {
    athena,
    database: namespace,
    workGroup: options.workGroup ?? 'primary',
    ...(options.athenaOutputLocation === null
      ? {}
      : { outputLocation: options.athenaOutputLocation ?? `${warehouse}/_athena-results/` }),
    ...(options.athenaTimeoutMs !== undefined ? { timeoutMs: options.athenaTimeoutMs } : {}),
  };
  return {
    warehouse,
    namespace,
    io,
    catalog: new GlueCatalog({ glue, io, warehouse }),
    sql: new AthenaQueryRunner(athenaOptions),
    glueJobs: new GlueJobRunner({ s3, glue }),
    acquireLock: (lockOptions) => acquireS3Lock(getWarehouseLockUri(warehouse), { ...lockOptions, s3 }),
  };
}
