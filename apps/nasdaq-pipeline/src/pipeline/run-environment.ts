import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarketCalendar } from '@nasdaq-pipeline/market-calendar';
import { createCalendarFromConfig } from '../cli-dates.js';
import type { CommandContext } from '../program.js';
import type { ResolvedConfig } from '../config/types.js';
import { openDb, type Db } from '../warehouse/duckdb.js';
import { openWarehouse, type Warehouse } from '../warehouse/open-warehouse.js';
import { assertTablesInsideWarehouse } from './check-table-locations.js';
import { acquireLocalLock } from './lock.js';
import { createRunId } from './run-id.js';

/** What every writing command shares: config, calendar, warehouse, a DuckDB, the lock. */
export interface RunEnvironment {
  ctx: CommandContext;
  config: ResolvedConfig;
  calendar: MarketCalendar;
  warehouse: Warehouse;
  db: Db;
  now: () => Date;
  /** A fresh run id (ULID) from the injected clock. */
  newRunId(): string;
}

/** Lock acquirer for non-local targets (the AWS integration registers the S3 lock). */
export type RemoteLock = (
  wh: Warehouse,
  o: { runId: string; command: string; waitMs: number },
) => Promise<{ release(): Promise<void> }>;

let remoteLock: RemoteLock | null = null;

/** Registers the lock used when the warehouse is not a local folder. */
export function registerRemoteLock(lock: RemoteLock): void {
  remoteLock = lock;
}

/**
 * Opens config, calendar, warehouse and DuckDB, takes the warehouse lock (exit 5 when another run
 * holds it), runs `fn`, and always releases the lock and closes DuckDB.
 */
export async function withRunEnvironment<T>(
  ctx: CommandContext,
  command: string,
  options: { waitSeconds?: number },
  fn: (env: RunEnvironment) => Promise<T>,
): Promise<T> {
  const config = await ctx.config();
  const now = ctx.deps.now;
  const calendar = createCalendarFromConfig(config);
  const warehouse = await openWarehouse(config, ctx.deps.cwd, { forWrite: true });
  await assertTablesInsideWarehouse(warehouse);
  const newRunId = () => createRunId(now(), (n) => randomBytes(n));
  const lockRunId = newRunId();
  const waitMs = (options.waitSeconds ?? 0) * 1000;
  let release: () => Promise<void>;
  let tmp: string | undefined;
  if (warehouse.target === 'local') {
    const dir = fileURLToPath(warehouse.rootUri);
    tmp = path.join(dir, '.tmp');
    const lock = await acquireLocalLock(dir, { runId: lockRunId, command, now, waitMs });
    if (lock.tookOverFrom) {
      ctx.log(
        'warn',
        `took over a stale lock of ${lock.tookOverFrom.command} run ${lock.tookOverFrom.runId} (pid ${lock.tookOverFrom.pid} is gone)`,
      );
    }
    release = () => lock.release();
  } else {
    tmp = warehouse.scratchDir;
    if (!remoteLock) throw new Error('no lock is available for this warehouse target');
    const lock = await remoteLock(warehouse, { runId: lockRunId, command, waitMs });
    release = () => lock.release();
  }
  let db: Db | undefined;
  try {
    db = await openDb({
      memoryLimit: config.transform.memoryLimit,
      ...(tmp ? { tempDirectory: tmp } : {}),
      ...(config.transform.threads ? { threads: config.transform.threads } : {}),
    });
    return await fn({ ctx, config, calendar, warehouse, db, now, newRunId });
  } finally {
    db?.close();
    await release();
  }
}
