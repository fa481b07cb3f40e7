import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FilesystemCatalog, LocalFileIO, toFileUri } from '@nasdaq-pipeline/iceberg';
import { describe, expect, it } from 'vitest';
import { WarehouseMovedError } from '../errors.js';
import type { Warehouse } from '../warehouse/open-warehouse.js';
import { assertTablesInsideWarehouse } from './check-table-locations.js';

function localWarehouse(dir: string): Warehouse {
  const io = new LocalFileIO();
  const rootUri = toFileUri(dir);
  return {
    rootUri,
    namespace: 'nasdaq',
    io,
    catalog: new FilesystemCatalog({ warehouse: rootUri, io }),
    target: 'local',
  };
}

describe('assertTablesInsideWarehouse', () => {
  it('accepts a warehouse where it was created and refuses a copy, naming the table, the locations and the fix', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'np-locations-'));
    const original = path.join(base, 'warehouse');
    const wh = localWarehouse(original);
    await wh.catalog.createTable(
      { namespace: 'nasdaq', name: 'dim_exchange' },
      {
        schema: {
          type: 'struct',
          schemaId: 0,
          fields: [{ id: 1, name: 'code', required: true, type: 'string' }],
        },
      },
    );
    await expect(assertTablesInsideWarehouse(wh)).resolves.toBeUndefined();

    const copy = path.join(base, 'copy');
    cpSync(original, copy, { recursive: true });
    const err = await assertTablesInsideWarehouse(localWarehouse(copy)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WarehouseMovedError);
    expect(err).toMatchObject({ code: 'WAREHOUSE_MOVED', exitCode: 2, transient: false });
    const message = (err as Error).message;
    expect(message).toContain('nasdaq.dim_exchange');
    expect(message).toContain(`${toFileUri(original)}/nasdaq/dim_exchange`);
    expect(message).toContain('transform --rebuild');
  });

  it('accepts the same folder reached through a symbolic link', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'np-locations-'));
    const real = path.join(base, 'warehouse');
    await localWarehouse(real).catalog.createTable(
      { namespace: 'nasdaq', name: 'dim_exchange' },
      {
        schema: {
          type: 'struct',
          schemaId: 0,
          fields: [{ id: 1, name: 'code', required: true, type: 'string' }],
        },
      },
    );
    symlinkSync(real, path.join(base, 'link'));
    await expect(
      assertTablesInsideWarehouse(localWarehouse(path.join(base, 'link'))),
    ).resolves.toBeUndefined();
  });

  it('accepts an empty warehouse folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'np-locations-'));
    await expect(assertTablesInsideWarehouse(localWarehouse(dir))).resolves.toBeUndefined();
  });
});
