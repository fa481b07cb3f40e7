import { CreateBucketCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { NotFoundError } from '@nasdaq-pipeline/iceberg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMotoClients,
  requireMotoCommand,
  startMotoServer,
  type MotoClients,
  type MotoServer,
} from '../test-support/index.js';
import { S3FileIO } from './s3-file-io.js';

const moto = requireMotoCommand();

describe.skipIf(!moto)('S3FileIO on moto_server', () => {
  let server: MotoServer;
  let clients: MotoClients;
  const bytes = (text: string) => new TextEncoder().encode(text);
  const bucketFor = async (name: string) => {
    await clients.s3.send(new CreateBucketCommand({ Bucket: name }));
    return name;
  };

  beforeAll(async () => {
    server = await startMotoServer(moto!);
    clients = createMotoClients(server.endpoint);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('writes, reads, sizes, ranges and lists objects', async () => {
    const bucket = await bucketFor('fileio-roundtrip');
    const io = new S3FileIO({ s3: clients.s3 });
    await io.write(`s3://${bucket}/t/data/a.bin`, bytes('0123456789'));
    await io.write(`s3://${bucket}/t/metadata/b.json`, bytes('{}'));
    await io.write(`s3://${bucket}/other/c`, bytes('x'));

    expect(new TextDecoder().decode(await io.read(`s3://${bucket}/t/data/a.bin`))).toBe('0123456789');
    expect(await io.size(`s3://${bucket}/t/data/a.bin`)).toBe(10);
    expect(new TextDecoder().decode(await io.readRange(`s3://${bucket}/t/data/a.bin`, 3, 4))).toBe('3456');
    // A range running past the end returns what exists; one starting past the end returns nothing.
    expect(new TextDecoder().decode(await io.readRange(`s3://${bucket}/t/data/a.bin`, 8, 10))).toBe('89');
    expect((await io.readRange(`s3://${bucket}/t/data/a.bin`, 10, 5)).byteLength).toBe(0);

    const listed = [];
    for await (const f of io.list(`s3://${bucket}/t/`)) listed.push(f);
    expect(listed.map((f) => f.path).sort()).toEqual([
      `s3://${bucket}/t/data/a.bin`,
      `s3://${bucket}/t/metadata/b.json`,
    ]);
    expect(listed.find((f) => f.path.endsWith('a.bin'))?.size).toBe(10);
    expect(listed[0]!.lastModified).toBeInstanceOf(Date);
  });

  it('reports missing objects as NotFoundError / false', async () => {
    const bucket = await bucketFor('fileio-missing');
    const io = new S3FileIO({ s3: clients.s3 });
    await expect(io.read(`s3://${bucket}/nope`)).rejects.toBeInstanceOf(NotFoundError);
    await expect(io.size(`s3://${bucket}/nope`)).rejects.toBeInstanceOf(NotFoundError);
    await expect(io.readRange(`s3://${bucket}/nope`, 0, 4)).rejects.toBeInstanceOf(NotFoundError);
    expect(await io.exists(`s3://${bucket}/nope`)).toBe(false);
  });

  it('creates exclusively: the second create of the same key loses', async () => {
    const bucket = await bucketFor('fileio-exclusive');
    const io = new S3FileIO({ s3: clients.s3 });
    const path = `s3://${bucket}/t/metadata/v1.metadata.json`;
    expect(await io.createExclusive(path, bytes('first'))).toBe(true);
    expect(await io.createExclusive(path, bytes('second'))).toBe(false);
    expect(new TextDecoder().decode(await io.read(path))).toBe('first');
    expect(await io.exists(path)).toBe(true);
  });

  it('uploads large objects in parts, exclusively too, and leaves no pending uploads', async () => {
    const bucket = await bucketFor('fileio-multipart');
    const io = new S3FileIO({
      s3: clients.s3,
      partSizeBytes: 5 * 1024 * 1024,
      multipartThresholdBytes: 5 * 1024 * 1024,
    });
    const big = new Uint8Array(11 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 12)) & 0xff;
    const path = `s3://${bucket}/t/data/big.parquet`;
    await io.write(path, big);
    expect(await io.size(path)).toBe(big.length);
    const back = await io.read(path);
    expect(Buffer.from(back).equals(Buffer.from(big))).toBe(true);
    const tail = await io.readRange(path, big.length - 100, 100);
    expect(Buffer.from(tail).equals(Buffer.from(big.subarray(big.length - 100)))).toBe(true);

    expect(await io.createExclusive(path, big)).toBe(false);
    expect(await io.createExclusive(`s3://${bucket}/t/data/big2.parquet`, big)).toBe(true);
    const pending = await clients.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(pending.Uploads ?? []).toEqual([]);
  });

  it('deletes objects, ignoring missing ones', async () => {
    const bucket = await bucketFor('fileio-delete');
    const io = new S3FileIO({ s3: clients.s3 });
    await io.write(`s3://${bucket}/a`, bytes('a'));
    await io.write(`s3://${bucket}/b`, bytes('b'));
    await io.delete([`s3://${bucket}/a`, `s3://${bucket}/b`, `s3://${bucket}/missing`]);
    expect(await io.exists(`s3://${bucket}/a`)).toBe(false);
    expect(await io.exists(`s3://${bucket}/b`)).toBe(false);
  });
});
