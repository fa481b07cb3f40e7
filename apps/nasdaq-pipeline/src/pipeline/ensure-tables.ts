import {
  tableDefinitions,
  toIcebergSchema,
  toPartitionSpec,
  toSortOrder,
} from '@nasdaq-pipeline/star-schema';
import type { Warehouse } from '../warehouse/open-warehouse.js';

/**
 * Creates every star-schema table that does not exist yet (empty, no snapshot), with its schema,
 * partition spec and sort order. Existing tables are left as they are.
 * @returns the names of the tables created
 */
export async function ensureTables(wh: Warehouse): Promise<string[]> {
  const created: string[] = [];
  for (const def of Object.values(tableDefinitions)) {
    const ident = { namespace: wh.namespace, name: def.name };
    if (await wh.catalog.tableExists(ident)) continue;
    await wh.catalog.createTable(ident, {
      schema: toIcebergSchema(def),
      partitionSpec: toPartitionSpec(def),
      sortOrder: toSortOrder(def),
      properties: { 'write.format.default': 'parquet', 'write.parquet.compression-codec': 'zstd' },
    });
    created.push(def.name);
  }
  return created;
}
