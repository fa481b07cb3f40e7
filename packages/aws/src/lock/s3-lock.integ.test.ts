import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockHeldError, LockLostError } from '../errors.js';
import {
  createMotoClients,
  requireMotoCommand,
  startMotoServer,
  type MotoClients,
  type MotoServer,
} from '../test-support/index.js';
import { acquireS3Lock, getWarehouseLockUri } from './s3-lock.js';

const moto = requireMotoCommand();

describe.skipIf(!moto)('S3 warehouse lock on moto_server', () => {
  let server: MotoServer;
  let clients: MotoClients;
  const warehouse = async (bucket: string) => {
    await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    return `s3://${bucket}/warehouse`;
  };

  beforeAll(async () => {
    server = await startMotoServer(moto!);
    clients = createMotoClients(server.endpoint);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lets one writer in and names it to the second', async () => {
    const uri = getWarehouseLockUri(await warehouse('lock-held'));
    expect(uri).toBe('s3://lock-held/warehouse/.nasdaq-pipeline.lock');
    const t0 = new Date('2026-01-05T21:00:00Z');
    const first = await acquireS3Lock(uri, {
      s3: clients.s3,
      runId: 'run-A',
      command: 'run',
      host: 'box-a',
      pid: 101,
      ttlMs: 60_000,
      now: () => t0,
    });
    expect(first.tookOverFrom).toBeNull();
    const body = await clients.s3.send(
      new GetObjectCommand({ Bucket: 'lock-held', Key: 'warehouse/.nasdaq-pipeline.lock' }),
    );
    expect(JSON.parse(await body.Body!.transformToString())).toMatchObject({
      runId: 'run-A',
      host: 'box-a',
      pid: 101,
    });

    const second = acquireS3Lock(uri, {
      s3: clients.s3,
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
    const third = await acquireS3Lock(uri, { s3: clients.s3, runId: 'run-C', now: () => t0 });
    expect(third.tookOverFrom).toBeNull();
    await third.release();
  });

  it('takes over an expired lock, and the old holder can neither renew nor release it', async () => {
    const uri = getWarehouseLockUri(await warehouse('lock-stale'));
    const t0 = new Date('2026-01-05T21:00:00Z');
    let clock = t0;
    const crashed = await acquireS3Lock(uri, {
      s3: clients.s3,
      runId: 'run-old',
      ttlMs: 60_000,
      now: () => clock,
    });
    clock = new Date(t0.getTime() + 61_000);
    const fresh = await acquireS3Lock(uri, {
      s3: clients.s3,
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
      acquireS3Lock(uri, { s3: clients.s3, runId: 'run-late', now: () => clock }),
    ).rejects.toBeInstanceOf(LockHeldError);
    expect(await fresh.release()).toBe(true);
  });

  it('waits for a lock when asked to', async () => {
    const uri = getWarehouseLockUri(await warehouse('lock-wait'));
    const held = await acquireS3Lock(uri, { s3: clients.s3, runId: 'run-1' });
    let slept = 0;
    const waiter = await acquireS3Lock(uri, {
      s3: clients.s3,
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
