import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { ConfigError, PipelineError } from '../errors.js';
import type { ResolvedConfig } from '../config/types.js';
import { doctorProbes } from '../commands/doctor.js';
import { registerGlueTransform } from '../commands/transform.js';
import { registerRemoteLock } from '../pipeline/warehouse-lock.js';
import { registerAwsWarehouse, type Warehouse } from '../warehouse/open-warehouse.js';
import { createS3Localizer } from './localize-s3.js';

let installed = false;

async function target(config: ResolvedConfig) {
  const aws = await import('@nasdaq-pipeline/aws');
  const clients = aws.createAwsClients({
    ...(config.aws.region ? { region: config.aws.region } : {}),
    ...(config.aws.profile ? { profile: config.aws.profile } : {}),
    // moto, MinIO and LocalStack need path-style URLs; the SDK itself honours AWS_ENDPOINT_URL.
    forcePathStyle: Boolean(process.env['AWS_ENDPOINT_URL'] || process.env['AWS_ENDPOINT_URL_S3']),
  });
  let warehouse: string;
  try {
    warehouse = aws.resolveS3Warehouse({
      warehouse: config.warehouse,
      bucket: config.aws.bucket,
      prefix: config.aws.prefix,
    });
  } catch (e) {
    throw new ConfigError(
      `target aws needs the warehouse on S3: set --warehouse s3://bucket/prefix or aws.bucket in the config (${(e as Error).message})`,
      e,
    );
  }
  const namespace = config.aws.database ?? config.namespace;
  const t = aws.createAwsTarget({
    clients,
    warehouse,
    namespace,
    workGroup: config.aws.athena.workgroup,
    ...(config.aws.athena.outputLocation ? { athenaOutputLocation: config.aws.athena.outputLocation } : {}),
    athenaTimeoutMs: config.aws.athena.timeoutSeconds * 1000,
  });
  return { aws, clients, t, warehouse, namespace };
}

/**
 * Installs `--target aws`: the S3 + Glue warehouse (Iceberg through our writer), the S3 lock, Athena
 * for `query`/`validate`, the Glue Spark engine for `transform --engine glue`, and the doctor probe.
 * The AWS SDK is loaded only when a command targets AWS.
 */
export function installAwsTarget(): void {
  if (installed) return;
  installed = true;
  const cache = new Map<ResolvedConfig, Awaited<ReturnType<typeof target>>>();
  const get = async (config: ResolvedConfig) => {
    let t = cache.get(config);
    if (!t) {
      t = await target(config);
      cache.set(config, t);
    }
    return t;
  };

  registerAwsWarehouse(async (config, _cwd, options): Promise<Warehouse> => {
    const { t, warehouse, namespace } = await get(config);
    if (options.forWrite) await t.catalog.createNamespace(namespace);
    const scratchDir = path.join(
      tmpdir(),
      'nasdaq-pipeline',
      Buffer.from(warehouse).toString('hex').slice(0, 32),
    );
    return {
      rootUri: warehouse,
      namespace,
      io: t.io,
      catalog: t.catalog,
      target: 'aws',
      scratchDir,
      localize: createS3Localizer(t.io, path.join(scratchDir, 'cache')),
      remoteSql: {
        query: (sql) => t.sql.query(sql),
        tableRef: (table) => t.sql.tableRef(table),
        scannedBytes: () => t.sql.usage.dataScannedBytes,
      },
    };
  });

  registerRemoteLock(async (wh, o) => {
    const aws = await import('@nasdaq-pipeline/aws');
    try {
      const { t } =
        [...cache.values()].find((x) => x.warehouse === wh.rootUri) ??
        (() => {
          throw new Error('warehouse not opened');
        })();
      const held = await t.acquireLock({ runId: o.runId, command: o.command, waitMs: o.waitMs });
      return {
        async release() {
          await held.release();
        },
      };
    } catch (e) {
      if (e instanceof aws.LockHeldError) {
        throw new PipelineError(e.message, {
          code: 'LOCK_HELD',
          transient: true,
          exitCode: ExitCode.locked,
          cause: e,
        });
      }
      throw e;
    }
  });

  registerGlueTransform(async (ctx, opts) => {
    const config = await ctx.config();
    if (!config.aws.glue.roleArn && !opts.dryRun) {
      throw new ConfigError(
        'transform --engine glue needs aws.glue.roleArn in the config (the IAM role the Glue job assumes; docs/aws.md lists its policy)',
      );
    }
    const { t, warehouse, namespace } = await get(config);
    const { renderSparkJob } = await import('@nasdaq-pipeline/star-schema');
    const { createRunId } = await import('../pipeline/run-id.js');
    const { randomBytes } = await import('node:crypto');
    const steps = renderSparkJob();
    const outcome = await t.glueJobs.run(
      {
        runId: createRunId(ctx.deps.now(), (n) => randomBytes(n)),
        warehouse,
        namespace,
        roleArn: config.aws.glue.roleArn ?? 'arn:aws:iam::000000000000:role/set-aws.glue.roleArn',
        jobName: config.aws.glue.jobName,
        glueVersion: config.aws.glue.glueVersion,
        workerType: config.aws.glue.workerType as 'G.1X',
        numberOfWorkers: config.aws.glue.workers,
        timeoutMinutes: config.aws.glue.timeoutMinutes,
        models: steps.map((s) => ({
          name: s.view,
          ...(s.writes ? { targetTable: s.writes.table } : {}),
          statements: [`CREATE OR REPLACE TEMP VIEW ${s.view} AS ${s.sql}`],
        })),
      },
      { dryRun: opts.dryRun ?? false },
    );
    if (ctx.globals().json) ctx.printJson(outcome);
    else ctx.say(JSON.stringify(outcome, null, 2));
  });

  doctorProbes.push(async (config) => {
    if (config.target !== 'aws') return [];
    const { aws, clients, warehouse, namespace } = await get(config);
    const checks = await aws.checkAwsTarget({
      clients,
      warehouse,
      namespace,
      workGroup: config.aws.athena.workgroup,
    });
    return checks.map((c) => ({
      name: c.name,
      status: c.ok ? ('ok' as const) : ('fail' as const),
      detail: c.detail,
    }));
  });
}
