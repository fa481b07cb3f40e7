import { AwsInvalidArgumentError } from '../errors.js';

/** A parsed `s3://bucket/key` URI. */
export interface S3Location {
  readonly bucket: string;
  /** Object key (or key prefix), without a leading slash; may be empty for the bucket root. */
  readonly key: string;
}

/**
 * Split `s3://bucket/key` (also `s3a://`, `s3n://`, which Spark writes) into bucket and key.
 * @throws {AwsInvalidArgumentError} for anything else
 */
export function parseS3Uri(uri: string): S3Location {
  const match = /^s3[an]?:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match?.[1])
    throw new AwsInvalidArgumentError(
      `aws: not an S3 URI: ${JSON.stringify(uri)} (expected s3://bucket/key)`,
    );
  return { bucket: match[1], key: match[2] ?? '' };
}

/** `s3://bucket/key`. */
export function formatS3Uri(location: S3Location): string {
  return `s3://${location.bucket}/${location.key}`;
}

/**
 * The `s3://` warehouse root of `--target aws`: `warehouse` when it already is an S3 URI, else
 * `s3://<bucket>/<prefix>` from the config's `aws.bucket` / `aws.prefix`. Trailing slashes removed.
 * @throws {AwsInvalidArgumentError} when neither gives an S3 location
 */
export function resolveS3Warehouse(options: {
  warehouse?: string | null;
  bucket?: string | null;
  prefix?: string | null;
}): string {
  if (options.warehouse && /^s3[an]?:\/\//.test(options.warehouse)) {
    parseS3Uri(options.warehouse);
    return options.warehouse.replace(/\/+$/, '');
  }
  if (options.bucket) {
    const prefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '');
    return prefix ? `s3://${options.bucket}/${prefix}` : `s3://${options.bucket}`;
  }
  throw new AwsInvalidArgumentError(
    `aws: --target aws needs an S3 warehouse: pass --warehouse s3://bucket/prefix or set aws.bucket ` +
      `(got warehouse ${JSON.stringify(options.warehouse ?? null)})`,
  );
}
