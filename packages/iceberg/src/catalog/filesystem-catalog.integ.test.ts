import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CommitConflictError, TableAlreadyExistsError, TableNotFoundError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import type { Schema } from '../metadata/types.js';
import { FilesystemCatalog } from './filesystem-catalog.js';

const schema: Schema = {
  type: 'struct',
  schemaId: 0,
  fields: [{ id: 1, name: 'id', required: true, type: 'long' }],
};
const root = mkdtempSync(path.join(tmpdir(), 'iceberg-catalog-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const io = new LocalFileIO();
const catalog = new FilesystemCatalog({
  warehouse: toFileUri(root),
  io,
  now: () => 1_000,
  randomUUID: () => '00000000-0000-4000-8000-000000000000',
});
const ident = { namespace: 'ns', name: 't' };

describe('FilesystemCatalog', () => {
  it('creates v1 + version-hint.text and refuses duplicates', async () => {
    const created = await catalog.createTable(ident, { schema });
    expect(created.version).toBe('1');
    expect(created.metadataLocation).toBe(toFileUri(path.join(root, 'ns/t/metadata/v1.metadata.json')));
    expect(readFileSync(path.join(root, 'ns/t/metadata/version-hint.text'), 'utf8')).toBe('1');
    await expect(catalog.createTable(ident, { schema })).rejects.toBeInstanceOf(TableAlreadyExistsError);
    expect(await catalog.tableExists(ident)).toBe(true);
    expect(await catalog.listTables('ns')).toEqual([ident]);
    await expect(catalog.loadTable({ namespace: 'ns', name: 'nope' })).rejects.toBeInstanceOf(
      TableNotFoundError,
    );
  });

  it('lists tables from their metadata folders, with or without a folder-listing FileIO', async () => {
    const r = mkdtempSync(path.join(tmpdir(), 'iceberg-list-'));
    try {
      const local = new FilesystemCatalog({ warehouse: toFileUri(r), io });
      for (const name of ['b', 'a']) await local.createTable({ namespace: 'ns', name }, { schema });
      // A folder without metadata (say, a raw zone) and data files are not tables.
      for (const f of ['ns/raw/x.json', 'ns/a/data/p=1/f.parquet']) {
        const file = path.join(r, f);
        await io.write(toFileUri(file), new Uint8Array([1]));
      }
      const expected = [
        { namespace: 'ns', name: 'a' },
        { namespace: 'ns', name: 'b' },
      ];
      expect(await local.listTables('ns')).toEqual(expected);
      // The same FileIO without `listFolders` (as a third-party FileIO may be): the catalog lists everything.
      const plain: FileIO = {
        read: (p) => io.read(p),
        readRange: (p, offset, length) => io.readRange(p, offset, length),
        size: (p) => io.size(p),
        write: (p, b) => io.write(p, b),
        createExclusive: (p, b) => io.createExclusive(p, b),
        exists: (p) => io.exists(p),
        list: (p) => io.list(p),
        delete: (p) => io.delete(p),
      };
      const withoutFolders = new FilesystemCatalog({ warehouse: toFileUri(r), io: plain });
      expect(await withoutFolders.listTables('ns')).toEqual(expected);
      expect(await local.listTables('missing')).toEqual([]);
    } finally {
      rmSync(r, { recursive: true, force: true });
    }
  });

  it('lets exactly one of two commits from the same base win', async () => {
    const base = await catalog.loadTable(ident);
    const next = { ...base.metadata, properties: { a: '1' } };
    const won = await catalog.commitTable(base, next);
    expect(won.version).toBe('2');
    const err = await catalog
      .commitTable(base, { ...base.metadata, properties: { b: '1' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommitConflictError);
    expect((err as CommitConflictError).transient).toBe(true);
    expect((await catalog.loadTable(ident)).metadata.properties).toEqual({ a: '1' });
  });

  it('probes past a stale or missing hint', async () => {
    writeFileSync(path.join(root, 'ns/t/metadata/version-hint.text'), '1');
    expect((await catalog.loadTable(ident)).version).toBe('2');
    rmSync(path.join(root, 'ns/t/metadata/version-hint.text'));
    expect((await catalog.loadTable(ident)).version).toBe('2');
  });

  it('repairs a stale or missing hint (what a writer killed after its commit leaves), and only then', async () => {
    const hint = path.join(root, 'ns/t/metadata/version-hint.text');
    writeFileSync(hint, '2');
    expect(await catalog.repairVersionHint(ident)).toBeNull(); // right already
    writeFileSync(hint, '1');
    expect(await catalog.repairVersionHint(ident)).toEqual({ from: 1, to: 2 });
    expect(readFileSync(hint, 'utf8')).toBe('2');
    rmSync(hint);
    expect(await catalog.repairVersionHint(ident)).toEqual({ from: null, to: 2 });
    expect(readFileSync(hint, 'utf8')).toBe('2');
    expect(await catalog.repairVersionHint({ namespace: 'ns', name: 'absent' })).toBeNull();
  });

  it('drops a table', async () => {
    await catalog.dropTable(ident, { purge: true });
    expect(await catalog.tableExists(ident)).toBe(false);
  });
});
