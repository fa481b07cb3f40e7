import { GetObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { NotFoundError } from '@nasdaq-pipeline/iceberg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockHeldError, LockLostError } from '../errors.js';
import { useMotoServer } from '../test-support/index.js';
import { S3FileIO } from './s3-file-io.js';
import { acquireS3Lock, getWarehouseLockUri } from './s3-lock.js';
import { checkAwsTarget } from '../check-aws-target.js';

// One moto_server for every S3 test of this package; each test uses its own bucket.
const moto = useMotoServer({ beforeAll, afterAll });

describe.skipIf(!moto.available)('S3 on moto_server', () => {
  describe('S3FileIO', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);

    it('writes, reads, sizes, ranges and lists objects', async () => {
      const bucket = await moto.createBucket('fileio-roundtrip');
      const io = new S3FileIO({ s3: moto.clients.s3 });
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
      const bucket = await moto.createBucket('fileio-missing');
      const io = new S3FileIO({ s3: moto.clients.s3 });
      await expect(io.read(`s3://${bucket}/nope`)).rejects.toBeInstanceOf(NotFoundError);
      await expect(io.size(`s3://${bucket}/nope`)).rejects.toBeInstanceOf(NotFoundError);
      await expect(io.readRange(`s3://${bucket}/nope`, 0, 4)).rejects.toBeInstanceOf(NotFoundError);
      expect(await io.exists(`s3://${bucket}/nope`)).toBe(false);
    });

    it('creates exclusively: the second create of the same key loses', async () => {
      const bucket = await moto.createBucket('fileio-exclusive');
      const io = new S3FileIO({ s3: moto.clients.s3 });
      const path = `s3://${bucket}/t/metadata/v1.metadata.json`;
      expect(await io.createExclusive(path, bytes('first'))).toBe(true);
      expect(await io.createExclusive(path, bytes('second'))).toBe(false);
      expect(new TextDecoder().decode(await io.read(path))).toBe('first');
      expect(await io.exists(path)).toBe(true);
    });

    it('uploads large objects in parts, exclusively too, and leaves no pending uploads', async () => {
      const bucket = await moto.createBucket('fileio-multipart');
      const io = new S3FileIO({
        s3: moto.clients.s3,
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
      const pending = await moto.clients.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
      expect(pending.Uploads ?? []).toEqual([]);
    });

    it('deletes objects, ignoring missing ones', async () => {
      const bucket = await moto.createBucket('fileio-delete');
      const io = new S3FileIO({ s3: moto.clients.s3 });
      await io.write(`s3://${bucket}/a`, bytes('a'));
      await io.write(`s3://${bucket}/b`, bytes('b'));
      await io.delete([`s3://${bucket}/a`, `s3://${bucket}/b`, `s3://${bucket}/missing`]);
      expect(await io.exists(`s3://${bucket}/a`)).toBe(false);
      expect(await io.exists(`s3://${bucket}/b`)).toBe(false);
    });
  });

  describe('S3 warehouse lock', () => {
    const warehouse = async (prefix: string) => `s3://${await moto.createBucket(prefix)}/warehouse`;

    it('lets one writer in and names it to the second', async () => {
      const bucket = await moto.createBucket('lock-held');
      const uri = getWarehouseLockUri(`s3://${bucket}/warehouse`);
      expect(uri).toBe(`s3://${bucket}/warehouse/.nasdaq-pipeline.lock`);
      const t0 = new Date('2026-01-05T21:00:00Z');
      const first = await acquireS3Lock(uri, {
        s3: moto.clients.s3,
        runId: 'run-A',
        command: 'run',
        host: 'box-a',
        pid: 101,
        ttlMs: 60_000,
        now: () => t0,
      });
      expect(first.tookOverFrom).toBeNull();
      const body = await moto.clients.s3.send(
        new GetObjectCommand({ Bucket: bucket, Key: 'warehouse/.nasdaq-pipeline.lock' }),
      );
      expect(JSON.parse(await body.Body!.transformToString())).toMatchObject({
        runId: 'run-A',
        host: 'box-a',
        pid: 101,
      });

      const second = acquireS3Lock(uri, {
        s3: moto.clients.s3,
        runId: 'run-B',
        host: 'box-b',
        pid: 202,
        now: () => new Date(t0.getTime() + 30_000),
      });
      await expect(second).rejects.toBeInstanceOf(LockHeldError);
      const error = (await second.catch((e: unknown) => e)) as LockHeldError;
      expect(error.holder).toEqual({
        host: 'box-a',
        pid: 101,
        runId: 'run-A',
        command: 'run',
        since: '2026-01-05T21:00:00.000Z',
        expires: '2026-01-05T21:01:00.000Z',
      });
      expect(error.message).toContain('run run-A (pid 101 on box-a)');

      expect(await first.release()).toBe(true);
      const third = await acquireS3Lock(uri, { s3: moto.clients.s3, runId: 'run-C', now: () => t0 });
      expect(third.tookOverFrom).toBeNull();
      await third.release();
    });

    it('takes over before expiry a lock whose holder ran on this host and is gone, never a live one', async () => {
      const uri = getWarehouseLockUri(await warehouse('lock-dead'));
      const opts = { s3: moto.clients.s3, host: 'cron-box', ttlMs: 3_600_000 };
      await acquireS3Lock(uri, { ...opts, runId: 'run-killed', pid: 4242 });
      // Same host, pid alive: held (exit 5 in the CLI), although far from expiry either way.
      await expect(
        acquireS3Lock(uri, { ...opts, runId: 'run-2', isAlive: () => true }),
      ).rejects.toBeInstanceOf(LockHeldError);
      // Another host cannot tell whether pid 4242 lives: it waits for the expiry.
      await expect(
        acquireS3Lock(uri, { ...opts, host: 'other-box', runId: 'run-3', isAlive: () => false }),
      ).rejects.toBeInstanceOf(LockHeldError);
      const next = await acquireS3Lock(uri, { ...opts, runId: 'run-4', isAlive: (pid) => pid !== 4242 });
      expect(next.tookOverFrom).toMatchObject({ runId: 'run-killed', pid: 4242, host: 'cron-box' });
      expect(await next.release()).toBe(true);
    });

    it('takes over an expired lock, and the old holder can neither renew nor release it', async () => {
      const uri = getWarehouseLockUri(await warehouse('lock-stale'));
      const t0 = new Date('2026-01-05T21:00:00Z');
      let clock = t0;
      const crashed = await acquireS3Lock(uri, {
        s3: moto.clients.s3,
        runId: 'run-old',
        ttlMs: 60_000,
        now: () => clock,
      });
      clock = new Date(t0.getTime() + 61_000);
      const fresh = await acquireS3Lock(uri, {
        s3: moto.clients.s3,
        runId: 'run-new',
        ttlMs: 60_000,
        now: () => clock,
      });
      expect(fresh.tookOverFrom?.runId).toBe('run-old');
      expect(fresh.holder.expires).toBe('2026-01-05T21:02:01.000Z');

      await expect(crashed.renew()).rejects.toBeInstanceOf(LockLostError);
      expect(await crashed.release()).toBe(false);

      clock = new Date(t0.getTime() + 90_000);
      await fresh.renew();
      expect(fresh.holder.expires).toBe('2026-01-05T21:02:30.000Z');
      // After renewing, the lock is still live at what would have been the old expiry.
      clock = new Date(t0.getTime() + 125_000);
      await expect(
        acquireS3Lock(uri, { s3: moto.clients.s3, runId: 'run-late', now: () => clock }),
      ).rejects.toBeInstanceOf(LockHeldError);
      expect(await fresh.release()).toBe(true);
    });

    it('waits for a lock when asked to', async () => {
      const uri = getWarehouseLockUri(await warehouse('lock-wait'));
      const held = await acquireS3Lock(uri, { s3: moto.clients.s3, runId: 'run-1' });
      let slept = 0;
      const waiter = await acquireS3Lock(uri, {
        s3: moto.clients.s3,
        runId: 'run-2',
        waitMs: 10_000,
        pollMs: 10,
        sleep: async () => {
          slept++;
          await held.release();
        },
      });
      expect(slept).toBe(1);
      expect(waiter.holder.runId).toBe('run-2');
      await waiter.release();
    });
  });

  describe('checkAwsTarget', () => {
    it('reports what exists and what is missing without throwing', async () => {
      const bucket = await moto.createBucket('doctor-bucket');
      const checks = await checkAwsTarget({
        clients: moto.clients,
        warehouse: `s3://${bucket}/warehouse`,
        namespace: 'nasdaq_doctor',
        workGroup: 'primary',
      });
      expect(Object.fromEntries(checks.map((c) => [c.name, c.ok]))).toEqual({
        's3-bucket': true,
        's3-list': true,
        'glue-database': true,
        'athena-workgroup': true,
      });
      expect(checks.find((c) => c.name === 'glue-database')?.detail).toContain('does not exist yet');

      const missing = await checkAwsTarget({
        clients: moto.clients,
        warehouse: 's3://no-such-bucket-x/w',
        namespace: 'n',
        workGroup: 'nope',
      });
      expect(missing.filter((c) => !c.ok).map((c) => c.name)).toEqual([
        's3-bucket',
        's3-list',
        'athena-workgroup',
      ]);
      expect(missing[0]?.detail).toContain('docs/aws.md');
    });
  });
});
