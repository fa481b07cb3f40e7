import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TableIdentifier } from '@nasdaq-pipeline/iceberg/read';
import type { CommandContext } from '../program.js';
import type { Warehouse } from '../warehouse/open-warehouse.js';
import { acquireLocalLock } from './lock.js';
import { completeInterruptedPublish, describeRecovery, hasPublishJournal } from './publish-journal.js';
import { createRunId } from './run-id.js';

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

/** A held warehouse lock, and the scratch folder of the target. */
export interface WarehouseLock {
  release(): Promise<void>;
  tmp: string | undefined;
}

/** Take the warehouse lock: the local lock file, or the lock the AWS integration registered (exit 5 when held). */
export async function acquireWarehouseLock(
  ctx: CommandContext,
  warehouse: Warehouse,
  command: string,
  runId: string,
  waitMs: number,
): Promise<WarehouseLock> {
  if (warehouse.target === 'local') {
    const dir = fileURLToPath(warehouse.rootUri);
    const lock = await acquireLocalLock(dir, { runId, command, now: ctx.deps.now, waitMs });
    if (lock.tookOverFrom) {
      ctx.log(
        'warn',
        `took over a stale lock of ${lock.tookOverFrom.command} run ${lock.tookOverFrom.runId} (pid ${lock.tookOverFrom.pid} is gone)`,
      );
    }
    return { release: () => lock.release(), tmp: path.join(dir, '.tmp') };
  }
  if (!remoteLock) throw new Error('no lock is available for this warehouse target');
  const lock = await remoteLock(warehouse, { runId, command, waitMs });
  return { release: () => lock.release(), tmp: warehouse.scratchDir };
}

/** Finish an interrupted publish (the caller holds the lock), and say so. */
async function finishInterruptedPublish(ctx: CommandContext, warehouse: Warehouse): Promise<void> {
  const recovery = await completeInterruptedPublish(warehouse.io, warehouse.catalog, warehouse.rootUri);
  if (recovery) ctx.log('warn', describeRecovery(recovery));
}

/** A catalog that can repair its tables' version hints (the filesystem catalog). */
interface HintedCatalog {
  repairVersionHint(identifier: TableIdentifier): Promise<{ from: number | null; to: number } | null>;
}

/**
 * What a writing command does first, under the lock: finish an interrupted publish, then rewrite the
 * `version-hint.text` a run killed inside a commit left behind (readers that trust the hint would read the
 * previous version until the next commit).
 */
export async function recoverWarehouse(ctx: CommandContext, warehouse: Warehouse): Promise<void> {
  await finishInterruptedPublish(ctx, warehouse);
  const catalog = warehouse.catalog as Partial<HintedCatalog>;
  if (typeof catalog.repairVersionHint !== 'function') return;
  for (const identifier of await warehouse.catalog.listTables(warehouse.namespace)) {
    const repaired = await catalog.repairVersionHint(identifier);
    if (repaired) {
      ctx.log(
        'warn',
        `repaired version-hint.text of ${identifier.namespace}.${identifier.name} (${repaired.from === null ? 'missing' : `v${repaired.from}`} → v${repaired.to}): a run was killed between its commit and the hint write`,
      );
    }
  }
}

/**
 * For commands that only read (`query`, `validate`, `tables`, `runs`): when a publish was interrupted, take the
 * lock briefly and finish it, so that the tables read together are those of one run. When the lock is held, the
 * publishing run is alive and finishes by itself: the tables are read as they are.
 */
export async function finishInterruptedPublishForReading(
  ctx: CommandContext,
  warehouse: Warehouse,
  command: string,
): Promise<void> {
  if (!(await hasPublishJournal(warehouse.io, warehouse.rootUri))) return;
  let lock: WarehouseLock;
  try {
    lock = await acquireWarehouseLock(
      ctx,
      warehouse,
      command,
      createRunId(ctx.deps.now(), (n) => randomBytes(n)),
      0,
    );
  } catch (e) {
    if ((e as { code?: string }).code !== 'LOCK_HELD') throw e;
    ctx.log('info', 'a run is publishing its tables right now; reading them as they are');
    return;
  }
  try {
    await finishInterruptedPublish(ctx, warehouse);
  } finally {
    await lock.release();
  }
}
