import { Table, type CompactionGroup, type LoadedTable } from '@nasdaq-pipeline/iceberg';
import type { Warehouse } from '../warehouse/open-warehouse.js';

/**
 * Rewrites each group of small files (one partition each) into as few files as possible, one
 * `replace` snapshot per group; returns the table after the last one.
 */
export async function compactGroups(
  wh: Warehouse,
  table: LoadedTable,
  groups: readonly CompactionGroup[],
): Promise<LoadedTable> {
  const t = new Table({ catalog: wh.catalog, identifier: table.identifier });
  let current = table;
  for (const g of groups) current = await t.compact(g.files.map((f) => f.filePath));
  return current;
}
