import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { FilesystemCatalog } from '../catalog/filesystem-catalog.js';
import type { FileInfo, FileIO } from '../io/file-io.js';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import { buildPartitionSpec } from '../metadata/build-partition-spec.js';
import { planScan } from '../scan/plan-scan.js';
import { readRows } from '../scan/read-rows.js';
import { Table } from '../table.js';
import { priceSchema } from '../test-support/price-table.js';

/**
 * A FileIO that "kills the process" at the n-th mutation: that call and every later call fail, so no cleanup
 * or follow-up step of the writer runs — as if the writer died between two steps of the commit.
 */
class DyingFileIO implements FileIO {
  private mutations = 0;
  dead = false;
  readonly steps: string[] = [];
  constructor(
    private readonly inner: FileIO,
    private readonly dieAt: number,
  ) {}
  private check(): void {
    if (this.dead) throw new Error('writer is dead');
  }
  private mutate(what: string): void {
    this.check();
    if (this.mutations++ === this.dieAt) {
      this.dead = true;
      throw new Error(`killed before ${what}`);
    }
    this.steps.push(what);
  }
  read(p: string): Promise<Uint8Array> {
    this.check();
    return this.inner.read(p);
  }
  readRange(p: string, o: number, l: number): Promise<Uint8Array> {
    this.check();
    return this.inner.readRange(p, o, l);
  }
  size(p: string): Promise<number> {
    this.check();
    return this.inner.size(p);
  }
  exists(p: string): Promise<boolean> {
    this.check();
    return this.inner.exists(p);
  }
  list(prefix: string): AsyncIterable<FileInfo> {
    this.check();
    return this.inner.list(prefix);
  }
  async write(p: string, b: Uint8Array): Promise<void> {
    this.mutate(`write ${p.slice(p.lastIndexOf('/') + 1)}`);
    return this.inner.write(p, b);
  }
  async createExclusive(p: string, b: Uint8Array): Promise<boolean> {
    this.mutate(`createExclusive ${p.slice(p.lastIndexOf('/') + 1)}`);
    return this.inner.createExclusive(p, b);
  }
  async delete(paths: readonly string[]): Promise<void> {
    this.mutate('delete');
    return this.inner.delete(paths);
  }
}

const schema = priceSchema;
const rows = (symbols: string[], dates: string[], close: number): arrow.Table =>
  new arrow.Table({
    symbol: arrow.vectorFromArray(
      symbols.flatMap((s) => dates.map(() => s)),
      new arrow.Utf8(),
    ),
    trade_date: arrow.vectorFromArray(
      symbols.flatMap(() => dates.map((d) => new Date(`${d}T00:00:00Z`))),
      new arrow.DateDay(),
    ),
    close: arrow.vectorFromArray(
      symbols.flatMap(() => dates.map(() => close)),
      new arrow.Float64(),
    ),
  });

const root = mkdtempSync(path.join(tmpdir(), 'iceberg-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const io = new LocalFileIO();
const warehouse = toFileUri(root);

async function snapshotOf(identifier: {
  namespace: string;
  name: string;
}): Promise<{ version: string; rows: string[] }> {
  const loaded = await new FilesystemCatalog({ warehouse, io }).loadTable(identifier);
  const got = await readRows(io, await planScan(loaded.metadata, io));
  return {
    version: loaded.version,
    rows: got
      .map(
        (r) =>
          `${String(r['symbol'])}|${(r['trade_date'] as Date).toISOString().slice(0, 10)}|${String(r['close'])}`,
      )
      .sort(),
  };
}

describe('a writer killed between any two steps of a commit', () => {
  it.each([
    ['append', (t: Table) => t.append(rows(['NVDA'], ['2024-02-05'], 3))],
    [
      'upsert',
      (t: Table) => t.upsert(rows(['AAPL'], ['2024-02-01', '2024-03-01'], 2), ['symbol', 'trade_date']),
    ],
  ])('%s: the table still opens at the previous version with nothing half-visible', async (name, op) => {
    const identifier = { namespace: 'crash', name };
    const healthy = new Table({ catalog: new FilesystemCatalog({ warehouse, io }), identifier });
    await Table.create(
      { catalog: healthy.options.catalog, identifier },
      { schema, partitionSpec: buildPartitionSpec(schema, [{ column: 'trade_date', transform: 'month' }]) },
    );
    await healthy.append(rows(['AAPL', 'MSFT'], ['2024-01-31', '2024-02-01'], 1));
    const before = await snapshotOf(identifier);

    const stepsSeen: string[] = [];
    for (let dieAt = 0; ; dieAt += 1) {
      const dying = new DyingFileIO(io, dieAt);
      const table = new Table({ catalog: new FilesystemCatalog({ warehouse, io: dying }), identifier });
      const outcome = await op(table).then(
        () => 'ok',
        (error: unknown) => String(error),
      );
      if (!dying.dead) {
        // Survived every step: the commit is complete and visible exactly once.
        expect(outcome).toBe('ok');
        const after = await snapshotOf(identifier);
        expect(Number(after.version)).toBe(Number(before.version) + 1);
        expect(after.rows).not.toEqual(before.rows);
        break;
      }
      stepsSeen.push(dying.steps.at(-1) ?? '(start)');
      const now = await snapshotOf(identifier);
      if (now.version !== before.version) {
        // Died after the atomic create of v<N+1> (only the best-effort version-hint write remained): committed.
        expect(now.version).toBe(String(Number(before.version) + 1));
        break;
      }
      expect(now).toEqual(before);
    }
    // The loop really interrupted data, manifest, manifest-list and metadata steps.
    const all = stepsSeen.join(' ');
    expect(all).toMatch(/\.parquet/);
    expect(all).toMatch(/-m\d+\.avro/);
    expect(all).toMatch(/snap-/);
    expect(all).toMatch(/createExclusive v\d+\.metadata\.json|write snap-/);
  });
});
