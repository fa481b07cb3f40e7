import { hostname } from 'node:os';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { LockHeldError, LockLostError, type LockHolder } from '../errors.js';
import { isConditionFailed, isNotFound } from './s3-errors.js';
import { parseS3Uri } from './s3-uri.js';

/** Options of {@link acquireS3Lock}. */
export interface S3LockOptions {
  readonly s3: S3Client;
  readonly runId: string;
  /** The command holding the lock (`run`, `backfill`…), shown to the next acquirer. */
  readonly command?: string;
  /** How long the lock stays valid without {@link HeldS3Lock.renew}. Default 2 hours. */
  readonly ttlMs?: number;
  /** Clock. Default `() => new Date()`. */
  readonly now?: () => Date;
  /** Default `os.hostname()`. */
  readonly host?: string;
  /** Default `process.pid`. */
  readonly pid?: number;
  /**
   * Whether a process of this host is alive; a lock held by a process of this host that is gone is taken over
   * before it expires (cron on one machine recovers at once). Default `process.kill(pid, 0)`.
   */
  readonly isAlive?: (pid: number) => boolean;
  /** Wait up to this many ms for a held lock instead of failing at once (polls every `pollMs`). Default 0. */
  readonly waitMs?: number;
  /** Poll interval while waiting. Default 5000. */
  readonly pollMs?: number;
  /** Sleep. Default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A lock this process holds. */
export interface HeldS3Lock {
  readonly uri: string;
  /** Our lock record (its `expires` moves forward on each `renew`). */
  readonly holder: LockHolder;
  /** The expired (or dead) holder whose lock we took over, or `null`. */
  readonly tookOverFrom: LockHolder | null;
  /**
   * Push `expires` to now + ttl (long runs call this periodically).
   * @throws {LockLostError} when the object is no longer ours (it expired and was taken over, or was deleted)
   */
  renew(): Promise<void>;
  /**
   * Delete the lock object if it is still ours (conditional delete on our ETag).
   * @returns `false` when it was no longer ours (nothing deleted)
   */
  release(): Promise<boolean>;
}

const DEFAULT_TTL_MS = 2 * 60 * 60 * 1000;

function defaultIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock object of a warehouse: `<warehouse>/.nasdaq-pipeline.lock` (the same name as the local lock file). */
export function getWarehouseLockUri(warehouse: string): string {
  return `${warehouse.replace(/\/+$/, '')}/.nasdaq-pipeline.lock`;
}

/**
 * Take the one-writer-per-warehouse lock on S3. The lock is a JSON object ({@link LockHolder}) created with
 * `If-None-Match: *`, so exactly one of several concurrent acquirers succeeds. A lock whose `expires` has passed,
 * or whose holder ran on this host and is gone (its run crashed), is taken over with a conditional overwrite
 * `If-Match: <its ETag>`: if two runs try to take over the same stale lock, only one overwrite matches, the other
 * sees 412 and re-reads the new, live holder.
 * @throws {LockHeldError} naming the holder when a live lock exists (after `waitMs`)
 */
export async function acquireS3Lock(uri: string, options: S3LockOptions): Promise<HeldS3Lock> {
  const { bucket, key } = parseS3Uri(uri);
  const { s3 } = options;
  const now = options.now ?? (() => new Date());
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = now().getTime();
  const record = (): LockHolder => {
    const t = now();
    return {
      host: options.host ?? hostname(),
      pid: options.pid ?? process.pid,
      runId: options.runId,
      ...(options.command !== undefined ? { command: options.command } : {}),
      since: t.toISOString(),
      expires: new Date(t.getTime() + ttlMs).toISOString(),
    };
  };
  const put = async (
    body: LockHolder,
    condition: { IfNoneMatch: '*' } | { IfMatch: string },
  ): Promise<string> => {
    const out = await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(body),
        ContentType: 'application/json',
        ...condition,
      }),
    );
    return out.ETag ?? '';
  };

  let tookOverFrom: LockHolder | null = null;
  for (;;) {
    let holder = record();
    try {
      const etag = await put(holder, { IfNoneMatch: '*' });
      return makeHeld(uri, holder, etag, tookOverFrom);
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    const current = await readLockObject(s3, bucket, key);
    if (current === undefined) continue; // released between our create and our read: try again
    const h = current.holder;
    const stale =
      h === undefined ||
      Date.parse(h.expires) <= now().getTime() ||
      (h.host === (options.host ?? hostname()) && !(options.isAlive ?? defaultIsAlive)(h.pid));
    if (stale) {
      holder = record();
      try {
        const etag = await put(holder, { IfMatch: current.etag });
        tookOverFrom = current.holder ?? null;
        return makeHeld(uri, holder, etag, tookOverFrom);
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        continue; // someone else took it over (or released it) first: re-read
      }
    }
    if (now().getTime() - started >= (options.waitMs ?? 0)) throw new LockHeldError(uri, current.holder);
    await sleep(options.pollMs ?? 5000);
  }

  function makeHeld(
    lockUri: string,
    first: LockHolder,
    firstEtag: string,
    from: LockHolder | null,
  ): HeldS3Lock {
    let holder = first;
    let etag = firstEtag;
    return {
      uri: lockUri,
      get holder() {
        return holder;
      },
      tookOverFrom: from,
      async renew() {
        const next = { ...holder, expires: new Date(now().getTime() + ttlMs).toISOString() };
        try {
          etag = await put(next, { IfMatch: etag });
          holder = next;
        } catch (error) {
          if (isConditionFailed(error) || isNotFound(error))
            throw new LockLostError(lockUri, { cause: error });
          throw error;
        }
      },
      async release() {
        try {
          await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, IfMatch: etag }));
          return true;
        } catch (error) {
          if (isConditionFailed(error) || isNotFound(error)) return false;
          throw error;
        }
      },
    };
  }
}

/**
 * Read the current lock object: its holder (`undefined` when unparsable) and ETag; `undefined` when there is none.
 */
export async function readLockObject(
  s3: S3Client,
  bucket: string,
  key: string,
): Promise<{ holder: LockHolder | undefined; etag: string } | undefined> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const text = (await out.Body?.transformToString()) ?? '';
    return { holder: parseLockHolder(text), etag: out.ETag ?? '' };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function parseLockHolder(text: string): LockHolder | undefined {
  try {
    const o = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof o.runId === 'string' &&
      typeof o.expires === 'string' &&
      !Number.isNaN(Date.parse(o.expires))
    ) {
      return o as LockHolder;
    }
  } catch {
    // fall through: an unreadable lock is treated as stale (it cannot name a live holder)
  }
  return undefined;
}
