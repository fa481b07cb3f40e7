import { AthenaClient } from '@aws-sdk/client-athena';
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';

/** S3, Glue and Athena clients pointed at a moto endpoint with dummy credentials (test support). */
export interface MotoClients {
  readonly s3: S3Client;
  readonly glue: GlueClient;
  readonly athena: AthenaClient;
}

/** Clients for a moto server: path-style S3, region us-east-1, static test credentials. */
export function createMotoClients(endpoint: string): MotoClients {
  const common = {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  return {
    s3: new S3Client({ ...common, forcePathStyle: true }),
    glue: new GlueClient(common),
    athena: new AthenaClient(common),
  };
}
