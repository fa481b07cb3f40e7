import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toLocalPath } from '@nasdaq-pipeline/iceberg';
import type { MarketCalendar } from '@nasdaq-pipeline/market-calendar';
import { createIcebergTableStore } from '@nasdaq-pipeline/star-schema';
import { buildStarSchema } from '@nasdaq-pipeline/star-schema/duckdb';
import type { ResolvedConfig } from '../config/types.js';
import type { Db } from '../warehouse/duckdb.js';
import type { Warehouse } from '../warehouse/open-warehouse.js';
import { chaosPoint } from './chaos-point.js';
import { writeJsonChunks } from './json-chunks.js';
import { removePublishJournal, writePublishJournal } from './publish-journal.js';
import type { StagedTransform, TransformInput, TransformStage } from './stages.js';

/**
 * The transform stage on DuckDB: accepted bars and profiles are written to a scratch folder as JSON,
 * the star-schema models run over them plus the stored history, and every changed table gets a
 * staged Iceberg snapshot (published or abandoned by the caller).
 */
export function createTransformStage(o: {
  db: Db;
  warehouse: Warehouse;
  config: ResolvedConfig;
  calendar: MarketCalendar;
}): TransformStage {
  return async (input: TransformInput): Promise<StagedTransform> => {
    const base =
      o.warehouse.target === 'local'
        ? path.join(toLocalPath(o.warehouse.rootUri), '.tmp')
        : (o.warehouse.scratchDir ?? tmpdir());
    const workDir = path.join(base, `transform-${input.runId}`);
    await mkdir(workDir, { recursive: true });
    const barsFiles = await writeJsonChunks(workDir, 'bars', input.bars);
    const profilesFile = path.join(workDir, 'profiles.json');
    await writeFile(profilesFile, JSON.stringify([...input.profiles.values()]));
    const store = createIcebergTableStore({
      catalog: o.warehouse.catalog,
      namespace: o.warehouse.namespace,
      cacheDir: path.join(base, 'cache'),
    });
    let result;
    try {
      result = await buildStarSchema({
        store,
        workDir: path.join(workDir, 'engine'),
        asOf: input.window.to,
        mode: input.rebuild ? 'rebuild' : 'incremental',
        bars: {
          format: 'json',
          files: barsFiles,
          source: input.source,
          runId: input.runId,
          ingestedAt: input.ingestedAt.toISOString(),
          // Lets a rebuild that fits one batch parse the chunks once instead of staging them first.
          rows: input.bars.length,
        },
        profiles: { format: 'json', files: input.profiles.size ? [profilesFile] : [], asOf: input.window.to },
        calendar: o.calendar as never,
        batchSymbols: o.config.transform.symbolBatchSize,
        memoryLimit: o.config.transform.memoryLimit,
        ...(o.config.transform.threads ? { threads: o.config.transform.threads } : {}),
      });
    } catch (e) {
      await rm(workDir, { recursive: true, force: true });
      throw e;
    }
    const cleanup = () => rm(workDir, { recursive: true, force: true });
    chaosPoint('staged');
    return {
      tables: result.tables.map((t) => ({
        table: t.table,
        rowsWritten: t.rowsWritten,
        snapshotId: null,
        operation: t.staged ? 'staged' : null,
      })),
      stagedFiles: new Map(result.staged.map((s) => [s.table, s.files])),
      async publish() {
        // Each table's swap is atomic, the set is not: the journal records every staged commit before the first
        // swap, so a run killed between swaps is finished by the next command that opens the warehouse. The fact
        // table still goes last, so a run whose journal was lost converges on its rerun too.
        const order = [...result.staged].sort(
          (a, b) =>
            Number(a.table === 'fact_stock_daily_price') - Number(b.table === 'fact_stock_daily_price'),
        );
        const records = order.flatMap((t) => (t.pendingCommit ? [t.pendingCommit] : []));
        const journaled = records.length > 1;
        if (journaled) {
          await writePublishJournal(o.warehouse.io, o.warehouse.rootUri, {
            format: 1,
            runId: input.runId,
            writtenAt: new Date().toISOString(),
            tables: records,
          });
        }
        for (const t of order) {
          chaosPoint('publish');
          try {
            await t.publish();
          } catch (e) {
            // A swap that may have happened stays journaled (the next command finds out and finishes); any other
            // failure deleted that table's staged files, so the journal cannot be finished and goes.
            if (journaled && (e as { code?: string }).code !== 'ICEBERG_COMMIT_STATE_UNKNOWN')
              await removePublishJournal(o.warehouse.io, o.warehouse.rootUri).catch(() => undefined);
            throw e;
          }
        }
        if (journaled) await removePublishJournal(o.warehouse.io, o.warehouse.rootUri);
        chaosPoint('published');
        await cleanup();
      },
      async abandon() {
        await result.abandonAll();
        await cleanup();
      },
    };
  };
}
