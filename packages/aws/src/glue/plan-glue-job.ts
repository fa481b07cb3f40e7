import { createHash } from 'node:crypto';

/** One model for the Glue runner: Spark-SQL statements rendered by `@nasdaq-pipeline/star-schema`. */
export interface GlueSparkModel {
  /** Model name, for logs and the run's `result.json`. */
  readonly name: string;
  /** Table the model writes (bare name = `<catalog>.<namespace>.<name>`); its row count is logged. */
  readonly targetTable?: string;
  /** Complete Spark-SQL statements run in order (`MERGE INTO …`, `INSERT OVERWRITE …`). */
  readonly statements: readonly string[];
}

/** Glue Spark worker types this package plans for. */
export type GlueWorkerType = 'G.1X' | 'G.2X' | 'G.4X' | 'G.8X';

/** What to run on Glue. */
export interface GlueJobInput {
  readonly runId: string;
  /** Iceberg warehouse root, `s3://bucket/prefix`. */
  readonly warehouse: string;
  /** Glue database = Iceberg namespace (e.g. `nasdaq`). */
  readonly namespace: string;
  readonly models: readonly GlueSparkModel[];
  /** IAM role the job assumes (docs/aws.md lists its policy). */
  readonly roleArn: string;
  /** Job definition name. Default `nasdaq-pipeline-transform`. */
  readonly jobName?: string;
  /** Where the script and job specs go. Default `<warehouse>/_glue`. */
  readonly artifactsPrefix?: string;
  /** Glue version (4.0: Spark 3.3, Iceberg 1.0; 5.0: Spark 3.5, Iceberg 1.7). Default `5.0`. */
  readonly glueVersion?: '4.0' | '5.0';
  /** Default `G.1X` (1 DPU per worker). */
  readonly workerType?: GlueWorkerType;
  /** Default 2 (the minimum for G.1X Spark jobs). */
  readonly numberOfWorkers?: number;
  /** Job timeout enforced by Glue, minutes. Default 30. */
  readonly timeoutMinutes?: number;
  /** Extra default arguments of the job (e.g. `--enable-auto-scaling`). */
  readonly extraArguments?: Readonly<Record<string, string>>;
}

/** The JSON document the runner script reads (`--pipeline_job_spec`). */
export interface GlueJobSpec {
  readonly version: 1;
  readonly runId: string;
  readonly catalog: 'glue_catalog';
  readonly namespace: string;
  readonly models: readonly GlueSparkModel[];
}

/** Everything a Glue run creates and submits — what `dryRun` prints. */
export interface GlueJobPlan {
  readonly jobName: string;
  /** The runner script upload: content-addressed, so a running job's script is never overwritten. */
  readonly script: { readonly uri: string; readonly bytes: number; readonly sha256: string };
  /** The job spec upload. */
  readonly spec: { readonly uri: string; readonly document: GlueJobSpec };
  /** `CreateJob` / `UpdateJob` input. */
  readonly job: {
    readonly Name: string;
    readonly Description: string;
    readonly Role: string;
    readonly Command: {
      readonly Name: 'glueetl';
      readonly ScriptLocation: string;
      readonly PythonVersion: '3';
    };
    readonly GlueVersion: string;
    readonly WorkerType: GlueWorkerType;
    readonly NumberOfWorkers: number;
    readonly Timeout: number;
    readonly MaxRetries: 0;
    readonly DefaultArguments: Readonly<Record<string, string>>;
  };
  /** `StartJobRun` input. */
  readonly run: { readonly JobName: string; readonly Arguments: Readonly<Record<string, string>> };
  /** Upper bound of the run's cost: workers × DPU per worker × timeout hours × $0.44 per DPU-hour. */
  readonly estimate: { readonly maxDpuHours: number; readonly maxCostUsd: number };
}

/** Glue ETL price per DPU-hour (us-east-1, billed per second with a 1-minute minimum on Glue 2.0+). */
export const GLUE_USD_PER_DPU_HOUR = 0.44;

const DPU_PER_WORKER: Record<string, number> = { 'G.1X': 1, 'G.2X': 2, 'G.4X': 4, 'G.8X': 8 };

/** The `--conf` value that registers the Glue Data Catalog as the Iceberg catalog `glue_catalog` in Spark. */
export function buildIcebergSparkConf(warehouse: string): string {
  // Glue accepts one `--conf` argument; further settings are chained inside its value with ` --conf `.
  return [
    'spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions',
    'spark.sql.catalog.glue_catalog=org.apache.iceberg.spark.SparkCatalog',
    `spark.sql.catalog.glue_catalog.warehouse=${warehouse}`,
    'spark.sql.catalog.glue_catalog.catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog',
    'spark.sql.catalog.glue_catalog.io-impl=org.apache.iceberg.aws.s3.S3FileIO',
    // Like our own GlueCatalog: do not archive a Glue table version per commit (daily commits would pile up).
    'spark.sql.catalog.glue_catalog.glue.skip-archive=true',
  ].join(' --conf ');
}

/**
 * Plan a Glue run: the uploads, the job definition and the run arguments. Pure (no I/O).
 * @param scriptText the runner script (`loadGlueRunnerScript()`)
 */
export function planGlueJob(input: GlueJobInput, scriptText: string): GlueJobPlan {
  const warehouse = input.warehouse.replace(/\/+$/, '');
  const prefix = (input.artifactsPrefix ?? `${warehouse}/_glue`).replace(/\/+$/, '');
  const jobName = input.jobName ?? 'nasdaq-pipeline-transform';
  const sha256 = createHash('sha256').update(scriptText).digest('hex');
  const scriptUri = `${prefix}/scripts/glue_iceberg_runner-${sha256.slice(0, 12)}.py`;
  const specUri = `${prefix}/jobs/${input.runId}/job-spec.json`;
  const workerType = input.workerType ?? 'G.1X';
  const workers = input.numberOfWorkers ?? 2;
  const timeout = input.timeoutMinutes ?? 30;
  const maxDpuHours = (workers * (DPU_PER_WORKER[workerType] ?? 1) * timeout) / 60;
  return {
    jobName,
    script: { uri: scriptUri, bytes: Buffer.byteLength(scriptText), sha256 },
    spec: {
      uri: specUri,
      document: {
        version: 1,
        runId: input.runId,
        catalog: 'glue_catalog',
        namespace: input.namespace,
        models: input.models.map((m) => ({ ...m, statements: [...m.statements] })),
      },
    },
    job: {
      Name: jobName,
      Description:
        'nasdaq-pipeline: runs rendered Spark-SQL models on Iceberg tables in the Glue Data Catalog',
      Role: input.roleArn,
      Command: { Name: 'glueetl', ScriptLocation: scriptUri, PythonVersion: '3' },
      GlueVersion: input.glueVersion ?? '5.0',
      WorkerType: workerType,
      NumberOfWorkers: workers,
      Timeout: timeout,
      MaxRetries: 0,
      DefaultArguments: {
        '--job-language': 'python',
        '--datalake-formats': 'iceberg',
        '--conf': buildIcebergSparkConf(warehouse),
        '--enable-glue-datacatalog': 'true',
        '--enable-continuous-cloudwatch-log': 'true',
        ...input.extraArguments,
      },
    },
    run: {
      JobName: jobName,
      Arguments: { '--pipeline_job_spec': specUri, '--pipeline_run_id': input.runId },
    },
    estimate: {
      maxDpuHours: round(maxDpuHours, 4),
      maxCostUsd: round(maxDpuHours * GLUE_USD_PER_DPU_HOUR, 2),
    },
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
