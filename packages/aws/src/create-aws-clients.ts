import { AthenaClient } from '@aws-sdk/client-athena';
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';

/** The three clients the AWS target uses. */
export interface AwsClients {
  readonly s3: S3Client;
  readonly glue: GlueClient;
  readonly athena: AthenaClient;
}

/** Options of {@link createAwsClients}. Everything not set here comes from the SDK's default chain. */
export interface AwsClientsOptions {
  /** Region; default: the SDK chain (`AWS_REGION`, profile). */
  readonly region?: string;
  /** Named profile of `~/.aws/config` for credentials and region; default: the SDK chain (`AWS_PROFILE`). */
  readonly profile?: string;
  /**
   * Endpoint override for all three services. Usually unset: the SDK itself honours `AWS_ENDPOINT_URL` and
   * `AWS_ENDPOINT_URL_S3|GLUE|ATHENA`.
   */
  readonly endpoint?: string;
  /** Path-style S3 URLs (`http://host/bucket/key`): needed for moto, MinIO, LocalStack. Default false. */
  readonly forcePathStyle?: boolean;
  /**
   * Flexible checksums. `when-supported` (the SDK default since 3.729) sends CRC32 on every upload; real S3 and
   * moto ≥ 5 accept it. `when-required` sends checksums only where the API demands them (DeleteObjects) — use it
   * for S3-compatible stores that reject `x-amz-checksum-*` / `aws-chunked` bodies. Default `when-supported`.
   */
  readonly checksums?: 'when-supported' | 'when-required';
}

/**
 * S3, Glue and Athena clients with credentials from the SDK default chain (env, SSO, profile, IMDS). The only place
 * this package constructs clients; everything else takes them injected.
 */
export function createAwsClients(options: AwsClientsOptions = {}): AwsClients {
  const common = {
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
  };
  const checksum = options.checksums === 'when-required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
  return {
    s3: new S3Client({
      ...common,
      forcePathStyle: options.forcePathStyle ?? false,
      requestChecksumCalculation: checksum,
      responseChecksumValidation: checksum,
    }),
    glue: new GlueClient(common),
    athena: new AthenaClient(common),
  };
}
