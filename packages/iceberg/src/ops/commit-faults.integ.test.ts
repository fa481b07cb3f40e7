// Fault injection at every mutating storage call of a commit (issue 10): whichever write fails, and whether it
// fails before touching storage or after its bytes landed, the operation either rejects with the injected error
// and leaves the table exactly as it was (no new version, no leftover file), or the commit landed and the table
// reads completely. Never a half state.
import { mkdtempSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { FilesystemCatalog } from '../catalog/filesystem-catalog.js';
import { LocalFileIO, toFileUri } from '../io/local-file-io.js';
import type { Schema } from '../metadata/types.js';
import { readRows } from '../scan/read-rows.js';
import { Table } from '../table.js';
import { FaultyFileIO, InjectedFault, type FaultPlan } from '../test-support/faulty-file-io.js';

const schema: Schema = {
  type: 'struct',
  schemaId: 0,
  identifierFieldIds: [1],
  fields: [
    { id: 1, name: 'symbol', required: true, type: 'string' },
    { id: 2, name: 'close', required: false, type: 'double' },
  ],
};
const data = (rows: [string, number][]): arrow.Table =>
  new arrow.Table({
    symbol: arrow.vectorFromArray(
      rows.map((r) => r[0]),
      new arrow.Utf8(),
    ),
    close: arrow.vectorFromArray(
      rows.map((r) => r[1]),
      new arrow.Float64(),
    ),
  });

const root = mkdtempSync(path.join(tmpdir(), 'iceberg-faults-'));
const cleanIo = new LocalFileIO();
const clean = new FilesystemCatalog({ warehouse: toFileUri(root), io: cleanIo });
const faulty = new FaultyFileIO(new LocalFileIO());
const injured = new FilesystemCatalog({ warehouse: toFileUri(root), io: faulty });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const filesOf = (name: string): string[] =>
  (
    readdirSync(path.join(root, 'nasdaq', name), {
      recursive: true,
      withFileTypes: true,
    }) as Dirent[]
  )
    .filter((d) => d.isFile() && d.name !== 'version-hint.text')
    .map((d) => path.join(d.parentPath, d.name))
    .sort();

async function rowsOf(name: string): Promise<string[]> {
  const t = new Table({ catalog: clean, identifier: { namespace: 'nasdaq', name } });
  return (await readRows(cleanIo, await t.scan()))
    .map((r) => `${String(r['symbol'])}=${String(r['close'])}`)
    .sort();
}

/** The operations under test: each starts from a table holding AAPL=1, MSFT=2 (two data files). */
const operations: Record<string, { run: (t: Table) => Promise<unknown>; after: string[] }> = {
  append: { run: (t) => t.append(data([['NVDA', 3]])), after: ['AAPL=1', 'MSFT=2', 'NVDA=3'] },
  upsert: { run: (t) => t.upsert(data([['AAPL', 9]]), ['symbol']), after: ['AAPL=9', 'MSFT=2'] },
  compact: {
    run: async (t) => t.compact((await t.scan()).tasks.map((x) => x.file.filePath)),
    after: ['AAPL=1', 'MSFT=2'],
  },
};

let tableCount = 0;
async function freshTable(): Promise<string> {
  const name = `t${++tableCount}`;
  const t = await Table.create({ catalog: clean, identifier: { namespace: 'nasdaq', name } }, { schema });
  await t.append(data([['AAPL', 1]]));
  await t.append(data([['MSFT', 2]]));
  return name;
}

describe.each(Object.keys(operations))('%s with a FileIO that fails mid-commit', (op) => {
  it('rejects with the injected error and changes nothing, or lands completely — at every mutating call', async () => {
    const { run, after } = operations[op]!;
    // A clean run through the wrapper counts the mutating calls of one commit.
    const probe = await freshTable();
    faulty.arm(null);
    await run(new Table({ catalog: injured, identifier: { namespace: 'nasdaq', name: probe } }));
    const calls = faulty.calls.length;
    expect(calls).toBeGreaterThanOrEqual(3); // data file(s), manifest, manifest list, metadata swap, hint
    const outcomes: string[] = [];
    for (let nth = 1; nth <= calls; nth++) {
      for (const when of ['before', 'after'] as const) {
        const name = await freshTable();
        const before = { files: filesOf(name), rows: await rowsOf(name) };
        const version = (await clean.loadTable({ namespace: 'nasdaq', name })).version;
        const plan: FaultPlan = { nth, kinds: ['write', 'createExclusive'], when };
        faulty.arm(plan);
        const t = new Table({
          catalog: injured,
          identifier: { namespace: 'nasdaq', name },
          sleep: () => Promise.resolve(),
        });
        const error = await run(t).then(
          () => null,
          (e: unknown) => e,
        );
        const failed = faulty.calls[nth - 1] ?? '?';
        faulty.arm(null);
        const what = `${op}: call ${nth} (${failed}) failing ${when}`;
        const now = await clean.loadTable({ namespace: 'nasdaq', name });
        const rows = await rowsOf(name).catch((e: unknown) => `unreadable: ${String(e)}`);
        if (now.version === version) {
          // Not committed: the caller heard about it, and not one file was left behind.
          expect(error, what).toBeInstanceOf(InjectedFault);
          expect(rows, what).toEqual(before.rows);
          // A write whose bytes landed but whose answer was lost leaves that one file: the writer never learnt
          // it exists, so only `maintain` (orphan removal) can take it away. Nothing else may remain.
          const left = filesOf(name).filter((f) => !before.files.includes(f));
          const lost = when === 'after' ? failed.slice(failed.indexOf(' ') + 1) : null;
          expect(
            left.filter((f) => toFileUri(f) !== lost),
            what,
          ).toEqual([]);
          outcomes.push('rolled back');
        } else {
          // Committed (the fault hit the version hint, or a lost response of the swap): the table reads whole.
          expect(rows, what).toEqual(after);
          outcomes.push(error ? 'landed, error reported' : 'landed');
        }
        // And the table takes the next commit.
        await new Table({ catalog: clean, identifier: { namespace: 'nasdaq', name } }).append(
          data([['ZZZ', 0]]),
        );
        expect(await rowsOf(name), what).toContain('ZZZ=0');
      }
    }
    expect(outcomes).toContain('rolled back');
    expect(outcomes).toContain('landed'); // the hint write failing after the swap is harmless
  });
});
