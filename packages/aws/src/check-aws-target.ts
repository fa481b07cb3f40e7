import { GetWorkGroupCommand } from '@aws-sdk/client-athena';
import { GetDatabaseCommand } from '@aws-sdk/client-glue';
import { HeadBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { AwsClients } from './create-aws-clients.js';
import { parseS3Uri } from './s3/s3-uri.js';

/** One result of {@link checkAwsTarget}. */
export interface AwsCheck {
  /** `s3-bucket`, `s3-list`, `glue-database`, `athena-workgroup`. */
  readonly name: string;
  readonly ok: boolean;
  /** What was found, or what failed and how to fix it. */
  readonly detail: string;
}

/** Options of {@link checkAwsTarget}. */
export interface CheckAwsTargetOptions {
  readonly clients: AwsClients;
  readonly warehouse: string;
  readonly namespace: string;
  readonly workGroup: string;
}

/**
 * Read-only checks for `doctor --target aws`: the bucket answers, the warehouse prefix can be listed, the Glue
 * database exists (a missing one is created on first run, so it is reported, not fatal), the Athena workgroup
 * exists and runs engine v3. Never throws for a failed check; each error becomes a failed {@link AwsCheck}.
 */
export async function checkAwsTarget(options: CheckAwsTargetOptions): Promise<AwsCheck[]> {
  const { s3, glue, athena } = options.clients;
  const { bucket, key } = parseS3Uri(options.warehouse);
  const describe = (error: unknown) => `${(error as Error).name}: ${(error as Error).message}`;
  const run = async (name: string, check: () => Promise<string>, fix: string): Promise<AwsCheck> => {
    try {
      return { name, ok: true, detail: await check() };
    } catch (error) {
      return { name, ok: false, detail: `${describe(error)} — ${fix}` };
    }
  };
  return Promise.all([
    run(
      's3-bucket',
      async () => {
        await s3.send(new HeadBucketCommand({ Bucket: bucket }));
        return `bucket ${bucket} is reachable`;
      },
      `create the bucket or fix s3:ListBucket on arn:aws:s3:::${bucket} (docs/aws.md §1.1, §2.1)`,
    ),
    run(
      's3-list',
      async () => {
        const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, MaxKeys: 1 }));
        return `${options.warehouse} lists (${(out.KeyCount ?? 0) ? 'has objects' : 'empty'})`;
      },
      `grant s3:ListBucket with prefix ${key || '(root)'} (docs/aws.md §2.1)`,
    ),
    run(
      'glue-database',
      async () => {
        try {
          await glue.send(new GetDatabaseCommand({ Name: options.namespace }));
          return `Glue database ${options.namespace} exists`;
        } catch (error) {
          if ((error as Error).name === 'EntityNotFoundException') {
            return `Glue database ${options.namespace} does not exist yet; the first run creates it`;
          }
          throw error;
        }
      },
      'grant glue:GetDatabase and glue:CreateDatabase (docs/aws.md §2.1)',
    ),
    run(
      'athena-workgroup',
      async () => {
        const out = await athena.send(new GetWorkGroupCommand({ WorkGroup: options.workGroup }));
        const engine =
          out.WorkGroup?.Configuration?.EngineVersion?.EffectiveEngineVersion ?? 'unknown engine';
        if (out.WorkGroup?.State === 'DISABLED')
          throw new Error(`workgroup ${options.workGroup} is disabled`);
        if (!/3/.test(engine))
          throw new Error(`workgroup ${options.workGroup} runs ${engine}; Iceberg needs engine v3`);
        return `Athena workgroup ${options.workGroup} (${engine})`;
      },
      `create the workgroup with engine version 3 or grant athena:GetWorkGroup (docs/aws.md §1.3)`,
    ),
  ]);
}
