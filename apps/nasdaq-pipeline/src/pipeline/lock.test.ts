import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLocalLock, LockHeldError } from './lock.js';

const now = () => new Date('2025-06-16T22:00:00Z');

describe('acquireLocalLock', () => {
  it('lets one writer in and names the holder to the second (exit 5)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'np-lock-'));
    const first = await acquireLocalLock(dir, {
      runId: 'R1',
      command: 'run',
      now,
      pid: 111,
      host: 'h',
      isAlive: () => true,
    });
    const err = await acquireLocalLock(dir, {
      runId: 'R2',
      command: 'run',
      now,
      pid: 222,
      host: 'h',
      isAlive: () => true,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockHeldError);
    expect((err as LockHeldError).exitCode).toBe(5);
    expect((err as Error).message).toContain('run R1 (pid 111 on h');
    await first.release();
    const second = await acquireLocalLock(dir, {
      runId: 'R2',
      command: 'run',
      now,
      pid: 222,
      host: 'h',
      isAlive: () => true,
    });
    expect(JSON.parse(await readFile(second.path, 'utf8')).runId).toBe('R2');
    await second.release();
  });

  it('lets exactly one of many simultaneous writers in (found by tools/chaos/concurrency.mjs)', async () => {
    // The lock used to be created empty and filled afterwards: a second writer reading it in between saw no
    // holder, took it for stale, moved it aside and took over — two runs published at once.
    for (let round = 0; round < 5; round++) {
      const dir = await mkdtemp(path.join(tmpdir(), 'np-lock-'));
      const attempts = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          acquireLocalLock(dir, {
            runId: `R${i}`,
            command: 'run',
            now,
            pid: 100 + i,
            host: 'h',
            isAlive: () => true,
          }),
        ),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      expect(won, `round ${round}`).toHaveLength(1);
      for (const a of attempts) if (a.status === 'rejected') expect(a.reason).toBeInstanceOf(LockHeldError);
    }
  });

  it('never takes over a lock file that does not say who holds it (exit 5 with the fix)', async () => {
    // What a second writer used to find between the first one's O_EXCL create and its write: an empty lock.
    // It was judged stale and taken over, so two runs published at once.
    const dir = await mkdtemp(path.join(tmpdir(), 'np-lock-'));
    await writeFile(path.join(dir, '.nasdaq-pipeline.lock'), '');
    const err = await acquireLocalLock(dir, { runId: 'R2', command: 'run', now, pid: 2, host: 'h' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LockHeldError);
    expect((err as LockHeldError).holder).toBeNull();
    expect((err as Error).message).toContain(
      'does not say who holds it; if no run is going on, remove the file',
    );
  });

  it('takes over a lock left by a dead process and reports it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'np-lock-'));
    await writeFile(
      path.join(dir, '.nasdaq-pipeline.lock'),
      JSON.stringify({
        pid: 999999,
        host: 'h',
        runId: 'DEAD',
        command: 'backfill',
        since: '2025-01-01T00:00:00Z',
      }),
    );
    const lock = await acquireLocalLock(dir, {
      runId: 'R3',
      command: 'run',
      now,
      pid: 1,
      host: 'h',
      isAlive: (p) => p !== 999999,
    });
    expect(lock.tookOverFrom?.runId).toBe('DEAD');
    await lock.release();
  });

  it('waits for the lock with waitMs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'np-lock-'));
    const first = await acquireLocalLock(dir, {
      runId: 'R1',
      command: 'run',
      now,
      pid: 1,
      host: 'h',
      isAlive: () => true,
    });
    let slept = 0;
    const second = acquireLocalLock(dir, {
      runId: 'R2',
      command: 'run',
      now,
      pid: 2,
      host: 'h',
      isAlive: () => true,
      waitMs: 60_000,
      sleep: async () => {
        slept++;
        if (slept === 2) await first.release();
      },
    });
    expect((await second).holder.runId).toBe('R2');
    expect(slept).toBeGreaterThanOrEqual(2);
  });
});
