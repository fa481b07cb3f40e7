import { hostname } from 'node:os';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
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

/** Another run holds the warehouse lock (exit 5). `holder` is null when the lock file cannot be read. */
export class LockHeldError extends PipelineError {
  readonly holder: LockHolder | null;
  constructor(lockPath: string, holder: LockHolder | null) {
    super(
      holder
        ? `another run holds the warehouse lock ${lockPath}: ${holder.command} run ${holder.runId} (pid ${holder.pid} on ${holder.host}, since ${holder.since}); wait for it, pass --wait, or remove the file if that process is gone`
        : `the warehouse lock ${lockPath} exists but does not say who holds it; if no run is going on, remove the file`,
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

/** The holder written in the lock file; `'gone'` when the file vanished; null when it is unreadable. */
async function readHolder(file: string): Promise<LockHolder | 'gone' | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : null;
  }
  try {
    return JSON.parse(text) as LockHolder;
  } catch {
    return null;
  }
}

/**
 * Takes the one-writer-per-warehouse lock `<warehouse>/.nasdaq-pipeline.lock` with pid, host, run id and
 * start time. The holder is written to a private file first and `link(2)`ed into place, which fails if the
 * lock exists: the lock never exists without its holder in it. (Creating it empty with O_EXCL and writing
 * afterwards let a second writer read it empty in between, take it for stale and take over — two runs
 * published at once.) A lock left by a process that no longer runs on this host is taken over (reported
 * in `tookOverFrom`); an unreadable one is left alone.
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
  const mine = `${file}.${holder.runId}.tmp`;
  await writeFile(mine, `${JSON.stringify(holder)}\n`);
  try {
    for (;;) {
      try {
        await link(mine, file);
        return {
          path: file,
          holder,
          tookOverFrom,
          async release() {
            const current = await readHolder(file);
            if (current !== 'gone' && current?.runId === holder.runId)
              await unlink(file).catch(() => undefined);
          },
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const current = await readHolder(file);
      if (current === 'gone') continue; // released between our link and our read
      if (current !== null && current.host === holder.host && !isAlive(current.pid)) {
        // Move the stale file aside atomically, then check it is the one we judged: another taker may have
        // replaced it with its fresh lock in between, which goes back (link fails if a third took the place).
        const aside = `${file}.stale-${holder.runId}`;
        if (
          await rename(file, aside).then(
            () => true,
            () => false,
          )
        ) {
          const moved = await readHolder(aside);
          if (moved !== 'gone' && moved?.runId !== current.runId)
            await link(aside, file).catch(() => undefined);
          else tookOverFrom = current;
          await unlink(aside).catch(() => undefined);
        }
        continue;
      }
      if (Date.now() >= deadline) throw new LockHeldError(file, current);
      await sleep(250);
    }
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}
