import { describe, expect, it } from 'vitest';
import { AwsInvalidArgumentError } from '../errors.js';
import { parseS3Uri, resolveS3Warehouse } from './s3-uri.js';

describe('S3 URIs', () => {
  it('splits bucket and key, accepting the s3a scheme Spark writes', () => {
    expect(parseS3Uri('s3://lake/wh/nasdaq/t/metadata/00000-x.metadata.json')).toEqual({
      bucket: 'lake',
      key: 'wh/nasdaq/t/metadata/00000-x.metadata.json',
    });
    expect(parseS3Uri('s3a://lake')).toEqual({ bucket: 'lake', key: '' });
    expect(() => parseS3Uri('/tmp/warehouse')).toThrow(AwsInvalidArgumentError);
  });

  it('resolves the warehouse from --warehouse or aws.bucket/aws.prefix', () => {
    expect(resolveS3Warehouse({ warehouse: 's3://lake/wh/', bucket: 'ignored' })).toBe('s3://lake/wh');
    expect(resolveS3Warehouse({ warehouse: './warehouse', bucket: 'lake', prefix: '/wh/' })).toBe(
      's3://lake/wh',
    );
    expect(resolveS3Warehouse({ warehouse: './warehouse', bucket: 'lake', prefix: '' })).toBe('s3://lake');
    expect(() => resolveS3Warehouse({ warehouse: './warehouse' })).toThrow(
      /--warehouse s3:\/\/bucket\/prefix/,
    );
  });
});
