import { hostname } from 'node:os';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { PipelineError } from '../errors.js';

/** Who holds the warehouse lock. */
export interface LockHolder {
  pid: number;
  host: string;
  runId: string;
  command: string;
  since: string;
}

/** Another run holds the warehouse lock (exit 5). */
export class LockHeldError extends PipelineError {
  readonly holder: LockHolder;
  constructor(lockPath: string, holder: LockHolder) {
    super(
      `another run holds the warehouse lock ${lockPath}: ${holder.command} run ${holder.runId} (pid ${holder.pid} on ${holder.host}, since ${holder.since}); wait for it, pass --wait, or remove the file if that process is gone`,
      { code: 'LOCK_HELD', transient: true, exitCode: ExitCode.locked },
    );
    this.holder = holder;
  }
}

/** A held lock; `release()` removes it (only if it is still ours). */
export interface HeldLock {
  path: string;
  holder: LockHolder;
  /** Set when a stale lock of a dead process was taken over. */
  tookOverFrom: LockHolder | null;
  release(): Promise<void>;
}

/** Options of {@link acquireLocalLock}. */
export interface LocalLockOptions {
  runId: string;
  command: string;
  now: () => Date;
  /** Whether a pid is alive on this host; default `process.kill(pid, 0)`. */
  isAlive?: (pid: number) => boolean;
  pid?: number;
  host?: string;
  /** Wait up to this many ms for the lock instead of failing at once (polls every 250 ms). */
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

function defaultIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/**
 * Takes the one-writer-per-warehouse lock `<warehouse>/.nasdaq-pipeline.lock`, created exclusively
 * (O_EXCL) with pid, host, run id and start time. A lock left by a process that no longer runs on
 * this host is taken over (reported in `tookOverFrom`).
 *
 * @throws LockHeldError when a live process holds it (after `waitMs`, if given).
 */
export async function acquireLocalLock(warehouseDir: string, options: LocalLockOptions): Promise<HeldLock> {
  const file = path.join(warehouseDir, '.nasdaq-pipeline.lock');
  await mkdir(warehouseDir, { recursive: true });
  const holder: LockHolder = {
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    runId: options.runId,
    command: options.command,
    since: options.now().toISOString(),
  };
  const isAlive = options.isAlive ?? defaultIsAlive;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const deadline = Date.now() + (options.waitMs ?? 0);
  let tookOverFrom: LockHolder | null = null;
  for (;;) {
    try {
      const fh = await open(file, 'wx');
      await fh.writeFile(`${JSON.stringify(holder)}\n`);
      await fh.close();
      return {
        path: file,
        holder,
        tookOverFrom,
        async release() {
          const current = await readHolder(file);
          if (current?.runId === holder.runId) await unlink(file).catch(() => undefined);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const current = await readHolder(file);
    const stale = current === null || (current.host === holder.host && !isAlive(current.pid));
    if (stale) {
      // Move the stale file aside atomically so two takers cannot both delete a fresh lock.
      const aside = `${file}.stale-${holder.runId}`;
      await rename(file, aside).then(
        () => unlink(aside).catch(() => undefined),
        () => undefined,
      );
      tookOverFrom = current;
      continue;
    }
    if (Date.now() >= deadline) throw new LockHeldError(file, current);
    await sleep(250);
  }
}
