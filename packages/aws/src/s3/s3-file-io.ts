import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client,
} from '@aws-sdk/client-s3';
import { NotFoundError, type FileInfo, type FileIO } from '@nasdaq-pipeline/iceberg';
import { AwsTargetError, requireResponseField } from '../errors.js';
import { getHttpStatus, isConditionFailed, isNotFound } from './s3-errors.js';
import { parseS3Uri } from './s3-uri.js';

/** Options of {@link S3FileIO}. */
export interface S3FileIOOptions {
  readonly s3: S3Client;
  /** Objects of at least this many bytes are uploaded in parts. Default 32 MiB. */
  readonly multipartThresholdBytes?: number;
  /** Part size of multipart uploads (S3 minimum 5 MiB except the last part). Default 16 MiB. */
  readonly partSizeBytes?: number;
  /** Parts uploaded in parallel. Default 4. */
  readonly partConcurrency?: number;
}

const MIB = 1024 * 1024;

/**
 * Iceberg {@link FileIO} over S3. Paths are `s3://bucket/key` URIs.
 *
 * - `readRange` sends `Range: bytes=a-b` (Parquet footers, Avro blocks).
 * - `write` uses one `PutObject` below `multipartThresholdBytes`, a multipart upload above (aborted on failure,
 *   so no invisible parts are billed). Either way the object appears whole or not at all.
 * - `createExclusive` sends `If-None-Match: *` (S3 conditional writes, 2024): 412 `PreconditionFailed` (exists)
 *   and 409 `ConditionalRequestConflict` (a concurrent conditional write won the race) both mean "lost", so it
 *   returns `false` and the caller reloads. Large objects send the condition on `CompleteMultipartUpload`.
 * - Multipart parts carry CRC32 checksums, which real S3 and moto both verify; see docs/aws.md for the client
 *   checksum settings (`requestChecksumCalculation: 'WHEN_REQUIRED'`) that older S3-compatible stores need.
 */
export class S3FileIO implements FileIO {
  private readonly s3: S3Client;
  private readonly threshold: number;
  private readonly partSize: number;
  private readonly concurrency: number;

  constructor(options: S3FileIOOptions) {
    this.s3 = options.s3;
    this.partSize = Math.max(options.partSizeBytes ?? 16 * MIB, 5 * MIB);
    this.threshold = Math.max(options.multipartThresholdBytes ?? 32 * MIB, this.partSize);
    this.concurrency = Math.max(1, options.partConcurrency ?? 4);
  }

  async read(path: string): Promise<Uint8Array> {
    const { bucket, key } = parseS3Uri(path);
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return await requireResponseField(out.Body, 'GetObject.Body').transformToByteArray();
    } catch (error) {
      throw this.translate(error, path);
    }
  }

  async readRange(path: string, offset: number, length: number): Promise<Uint8Array> {
    if (length <= 0) return new Uint8Array(0);
    const { bucket, key } = parseS3Uri(path);
    try {
      const out = await this.s3.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${offset}-${offset + length - 1}` }),
      );
      return await requireResponseField(out.Body, 'GetObject.Body').transformToByteArray();
    } catch (error) {
      // 416 InvalidRange: the range starts at or past the end of the object ("fewer at end of file").
      if (getHttpStatus(error) === 416) return new Uint8Array(0);
      throw this.translate(error, path);
    }
  }

  async size(path: string): Promise<number> {
    const { bucket, key } = parseS3Uri(path);
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return out.ContentLength ?? 0;
    } catch (error) {
      throw this.translate(error, path);
    }
  }

  async write(path: string, bytes: Uint8Array): Promise<void> {
    await this.put(path, bytes, false);
  }

  async createExclusive(path: string, bytes: Uint8Array): Promise<boolean> {
    try {
      await this.put(path, bytes, true);
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  async exists(path: string): Promise<boolean> {
    const { bucket, key } = parseS3Uri(path);
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw this.translate(error, path);
    }
  }

  async *list(prefix: string): AsyncIterable<FileInfo> {
    const { bucket, key } = parseS3Uri(prefix);
    let token: string | undefined;
    do {
      const out = await this.s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: key, ContinuationToken: token }),
      );
      for (const o of out.Contents ?? []) {
        if (o.Key === undefined) continue;
        yield {
          path: `s3://${bucket}/${o.Key}`,
          size: o.Size ?? 0,
          lastModified: o.LastModified ?? new Date(0),
        };
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }

  async delete(paths: readonly string[]): Promise<void> {
    const byBucket = new Map<string, string[]>();
    for (const path of paths) {
      const { bucket, key } = parseS3Uri(path);
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), key]);
    }
    for (const [bucket, keys] of byBucket) {
      // DeleteObjects takes at most 1000 keys; deleting a missing key succeeds (S3 is idempotent here).
      for (let i = 0; i < keys.length; i += 1000) {
        const out = await this.s3.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = (out.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
        if (failed.length > 0) {
          const [first] = failed as [(typeof failed)[number]];
          throw new AwsTargetError(
            'AWS_S3_DELETE_FAILED',
            `aws: could not delete ${failed.length} object(s) in s3://${bucket}, first ${first.Key}: ` +
              `${first.Code} ${first.Message ?? ''}`.trim(),
            first.Code === 'SlowDown' || first.Code === 'InternalError',
          );
        }
      }
    }
  }

  private async put(path: string, bytes: Uint8Array, exclusive: boolean): Promise<void> {
    const { bucket, key } = parseS3Uri(path);
    if (bytes.byteLength < this.threshold) {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.byteLength,
          ...(exclusive ? { IfNoneMatch: '*' } : {}),
        }),
      );
      return;
    }
    await this.putMultipart(bucket, key, bytes, exclusive);
  }

  private async putMultipart(
    bucket: string,
    key: string,
    bytes: Uint8Array,
    exclusive: boolean,
  ): Promise<void> {
    const created = await this.s3.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ChecksumAlgorithm: 'CRC32' }),
    );
    const uploadId = requireResponseField(created.UploadId, 'CreateMultipartUpload.UploadId');
    try {
      const count = Math.ceil(bytes.byteLength / this.partSize);
      const parts: CompletedPart[] = new Array(count);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < count) {
          const index = next++;
          const body = bytes.subarray(
            index * this.partSize,
            Math.min((index + 1) * this.partSize, bytes.byteLength),
          );
          const out = await this.s3.send(
            new UploadPartCommand({
              Bucket: bucket,
              Key: key,
              UploadId: uploadId,
              PartNumber: index + 1,
              Body: body,
              ContentLength: body.byteLength,
              ChecksumAlgorithm: 'CRC32',
            }),
          );
          parts[index] = { PartNumber: index + 1, ETag: out.ETag, ChecksumCRC32: out.ChecksumCRC32 };
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.concurrency, count) }, worker));
      await this.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts },
          ...(exclusive ? { IfNoneMatch: '*' } : {}),
        }),
      );
    } catch (error) {
      // Abort so the uploaded parts are not kept (and billed) forever; a failed abort is left to the bucket's
      // AbortIncompleteMultipartUpload lifecycle rule (docs/aws.md).
      await this.s3
        .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
        .catch(() => undefined);
      throw error;
    }
  }

  private translate(error: unknown, path: string): unknown {
    return isNotFound(error) ? new NotFoundError(path, { cause: error }) : error;
  }
}
