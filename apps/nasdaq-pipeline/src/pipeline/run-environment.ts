import { randomBytes } from 'node:crypto';
import type { MarketCalendar } from '@nasdaq-pipeline/market-calendar';
import { createCalendarFromConfig } from '../cli-dates.js';
import type { CommandContext } from '../program.js';
import type { ResolvedConfig } from '../config/types.js';
import { openDb, type Db } from '../warehouse/duckdb.js';
import { openWarehouse, type Warehouse } from '../warehouse/open-warehouse.js';
import { assertTablesInsideWarehouse } from './check-table-locations.js';
import { acquireWarehouseLock, recoverWarehouse } from './warehouse-lock.js';
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
  const waitMs = (options.waitSeconds ?? 0) * 1000;
  const lock = await acquireWarehouseLock(ctx, warehouse, command, newRunId(), waitMs);
  let db: Db | undefined;
  try {
    await recoverWarehouse(ctx, warehouse);
    db = await openDb({
      memoryLimit: config.transform.memoryLimit,
      ...(lock.tmp ? { tempDirectory: lock.tmp } : {}),
      ...(config.transform.threads ? { threads: config.transform.threads } : {}),
    });
    return await fn({ ctx, config, calendar, warehouse, db, now, newRunId });
  } finally {
    db?.close();
    await lock.release();
  }
}
