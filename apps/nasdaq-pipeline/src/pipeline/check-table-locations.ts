import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WarehouseMovedError } from '../errors.js';
import type { Warehouse } from '../warehouse/open-warehouse.js';

/**
 * Refuses a local warehouse whose tables record a location outside its folder. Iceberg metadata holds absolute
 * locations (spec: `location` is the table's base location), so a folder copied with `cp -r` keeps writing new
 * data files and manifests into the ORIGINAL folder, and `maintain` in either folder would delete the other's
 * files as orphans. Remote targets are not checked (their locations are the bucket's).
 * @throws {WarehouseMovedError} naming the table, both locations and the fix
 */
export async function assertTablesInsideWarehouse(wh: Warehouse): Promise<void> {
  if (wh.target !== 'local') return;
  const root = `${wh.rootUri.replace(/\/+$/, '')}/`;
  for (const ident of await wh.catalog.listTables(wh.namespace)) {
    const location = (await wh.catalog.loadTable(ident)).metadata.location;
    if (`${location.replace(/\/+$/, '')}/`.startsWith(root) || (await sameFolderTree(wh.rootUri, location)))
      continue;
    throw new WarehouseMovedError(
      `the table ${ident.namespace}.${ident.name} in ${wh.rootUri} records its location as ${location}: this ` +
        `warehouse was copied or moved from another folder, and writing here would put files into that one. ` +
        `Use the warehouse where it was created, or delete ${fileURLToPath(root)}${wh.namespace}/ and run ` +
        `\`nasdaq-pipeline transform --rebuild\` to rebuild the tables here from the raw zone`,
    );
  }
}

/** Whether `location` lies under `rootUri` once symbolic links are resolved (the same folder reached another way). */
async function sameFolderTree(rootUri: string, location: string): Promise<boolean> {
  try {
    const [root, table] = await Promise.all([
      realpath(fileURLToPath(rootUri)),
      realpath(fileURLToPath(location)),
    ]);
    return `${table}${sep}`.startsWith(`${root}${sep}`);
  } catch {
    return false; // not a file URI, or the recorded folder no longer exists (the warehouse was moved)
  }
}
