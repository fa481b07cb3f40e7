import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { FilesystemCatalog } from '../catalog/filesystem-catalog.js';
import { CommitConflictError } from '../errors.js';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import type { Schema } from '../metadata/types.js';
import { planScan } from '../scan/plan-scan.js';
import { readRows } from '../scan/read-rows.js';
import { Table } from '../table.js';
import { completePendingCommit, describeStagedCommit } from './pending-commit.js';

const schema: Schema = {
  type: 'struct',
  schemaId: 0,
  fields: [
    { id: 1, name: 'symbol', required: true, type: 'string' },
    { id: 2, name: 'close', required: false, type: 'double' },
  ],
};
const rows = (symbol: string, close: number): arrow.Table =>
  new arrow.Table({
    symbol: arrow.vectorFromArray([symbol], new arrow.Utf8()),
    close: arrow.vectorFromArray([close], new arrow.Float64()),
  });

const root = mkdtempSync(path.join(tmpdir(), 'iceberg-pending-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const io = new LocalFileIO();
// A fresh catalog per step, as a second process would open it.
const catalog = () => new FilesystemCatalog({ warehouse: toFileUri(root), io });

async function tableWithOneRow(name: string): Promise<Table> {
  const identifier = { namespace: 'pending', name };
  await Table.create({ catalog: catalog(), identifier }, { schema });
  const table = new Table({ catalog: catalog(), identifier });
  await table.append(rows('AAPL', 1));
  return table;
}

async function symbols(table: Table): Promise<string[]> {
  const loaded = await catalog().loadTable(table.options.identifier);
  return (await readRows(io, await planScan(loaded.metadata, io))).map((r) => String(r['symbol'])).sort();
}

/** A one-row table with a staged, unpublished append of MSFT, and the record a journal keeps of it. */
async function stagedAppend(name: string) {
  const table = await tableWithOneRow(name);
  const staged = await table.stageAppend(rows('MSFT', 2));
  return { table, staged, record: describeStagedCommit(staged) };
}

describe('completing a staged commit recorded by another process', () => {
  it('publishes it once, from the JSON record alone; a second completion finds it committed', async () => {
    const { table, staged, record: described } = await stagedAppend('complete');
    // The writer "dies" here: only the record survives, passed through JSON as a journal would.
    const record = JSON.parse(JSON.stringify(described)) as typeof described;
    expect(await symbols(table)).toEqual(['AAPL']);
    expect(await completePendingCommit(catalog(), record)).toBe('committed');
    expect(await symbols(table)).toEqual(['AAPL', 'MSFT']);
    const loaded = await catalog().loadTable(table.options.identifier);
    expect(loaded.metadata.currentSnapshotId).toBe(staged.snapshot.snapshotId);
    expect(await completePendingCommit(catalog(), record)).toBe('already-committed');
    expect(await symbols(table)).toEqual(['AAPL', 'MSFT']);
  });

  it('finds a commit the writer published itself before it died', async () => {
    const { table, staged, record } = await stagedAppend('published');
    await staged.publish();
    expect(await completePendingCommit(catalog(), record)).toBe('already-committed');
    expect(await symbols(table)).toEqual(['AAPL', 'MSFT']);
  });

  it('refuses when the table moved on without the snapshot, and leaves the table as it is', async () => {
    const { table, record } = await stagedAppend('moved');
    await table.append(rows('NVDA', 3));
    await expect(completePendingCommit(catalog(), record)).rejects.toThrow(CommitConflictError);
    await expect(completePendingCommit(catalog(), record)).rejects.toThrow(/moved from .* without snapshot/);
    expect(await symbols(table)).toEqual(['AAPL', 'NVDA']);
  });

  it('refuses when the staged files were cleaned up (an abandoned or failed commit)', async () => {
    const { table, staged, record } = await stagedAppend('abandoned');
    await staged.abandon();
    await expect(completePendingCommit(catalog(), record)).rejects.toThrow(/manifest list .* is gone/);
    expect(await symbols(table)).toEqual(['AAPL']);
  });
});
