import { planScan, toLocalPath } from '@nasdaq-pipeline/iceberg/read';
import type { Db } from './duckdb.js';
import type { Warehouse } from './open-warehouse.js';
import { createTableViews, type ViewSource } from './table-views.js';

/** Which snapshot of each table to expose. */
export interface SnapshotSelection {
  /** Time travel: the snapshot current at this instant (ms since epoch). */
  asOfTimestamp?: number;
  /** Staged (not yet published) snapshots to read instead of the current ones: local data files by table name. */
  stagedFiles?: ReadonlyMap<string, readonly string[]>;
  /** Only plan tables this accepts (e.g. the ones a query mentions); default all. */
  only?: (table: string) => boolean;
}

/** Local paths of data files (S3 files are fetched to a local cache by the AWS integration first). */
export type LocalizeFiles = (paths: readonly string[]) => Promise<string[]>;

const localOnly: LocalizeFiles = async (paths) => paths.map((p) => toLocalPath(p));

/**
 * Lists the warehouse's tables and plans each one's scan at the selected snapshot. A table that did
 * not exist yet at `asOfTimestamp` is left out.
 */
export async function planTableSources(
  wh: Warehouse,
  selection: SnapshotSelection = {},
  localize: LocalizeFiles = wh.localize ?? localOnly,
): Promise<ViewSource[]> {
  const idents = await wh.catalog.listTables(wh.namespace);
  const sources: ViewSource[] = [];
  for (const ident of idents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (selection.only && !selection.only(ident.name)) continue;
    const metadata = (await wh.catalog.loadTable(ident)).metadata;
    const staged = selection.stagedFiles?.get(ident.name);
    if (staged) {
      const schema =
        metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId) ?? metadata.schemas[0];
      if (schema) {
        sources.push({ name: ident.name, schema, files: staged });
        continue;
      }
    }
    if (selection.asOfTimestamp !== undefined) {
      const first = metadata.snapshotLog?.[0]?.timestampMs ?? metadata.snapshots?.[0]?.timestampMs;
      if (first === undefined || first > selection.asOfTimestamp) continue;
    }
    const plan = await planScan(
      metadata,
      wh.io,
      selection.asOfTimestamp !== undefined ? { asOfTimestamp: selection.asOfTimestamp } : {},
    );
    sources.push({ name: ident.name, schema: plan.schema, files: await localize(plan.files) });
  }
  return sources;
}

/** Creates one DuckDB view per warehouse table (bare names) at the selected snapshots. */
export async function attachWarehouse(
  db: Db,
  wh: Warehouse,
  selection: SnapshotSelection = {},
  localize?: LocalizeFiles,
): Promise<ViewSource[]> {
  const sources = await planTableSources(wh, selection, localize ?? wh.localize);
  await createTableViews(db, sources);
  return sources;
}
