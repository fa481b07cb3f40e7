import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeStagedCommit,
  FilesystemCatalog,
  LocalFileIO,
  rowsToArrow,
  Table,
  toFileUri,
  type FileIO,
  type Schema,
} from '@nasdaq-pipeline/iceberg';
import { PipelineError } from '../errors.js';
import {
  completeInterruptedPublish,
  describeRecovery,
  publishJournalUri,
  writePublishJournal,
} from './publish-journal.js';

const schema: Schema = {
  type: 'struct',
  schemaId: 0,
  fields: [{ id: 1, name: 'symbol', required: true, type: 'string' }],
};
const rows = (symbol: string) => rowsToArrow([{ symbol }], schema);

let dir: string;
let root: string;
const io = new LocalFileIO();
const catalog = () => new FilesystemCatalog({ warehouse: root, io });
const journalPath = () => path.join(dir, '.nasdaq-pipeline.publish.json');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'np-journal-'));
  root = toFileUri(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Two tables with a staged append each, recorded in a journal; `publishFirst` swaps the first one. */
async function interruptedPublish(publishFirst: boolean): Promise<Table[]> {
  const tables: Table[] = [];
  const records = [];
  for (const name of ['dim', 'fact']) {
    const identifier = { namespace: 'nasdaq', name };
    await Table.create({ catalog: catalog(), identifier }, { schema });
    const t = new Table({ catalog: catalog(), identifier });
    await t.append(rows('AAPL'));
    const staged = await t.stageAppend(rows('MSFT'));
    records.push(describeStagedCommit(staged));
    if (publishFirst && name === 'dim') await staged.publish();
    tables.push(t);
  }
  await writePublishJournal(io, root, {
    format: 1,
    runId: '01RUN',
    writtenAt: '2025-06-17T22:00:00Z',
    tables: records,
  });
  return tables;
}

const snapshots = async (t: Table) => (await t.load()).metadata.snapshots.length;

describe('finishing an interrupted publish', () => {
  it('swaps the tables the killed run did not, removes the journal and says what it did', async () => {
    const [dim, fact] = await interruptedPublish(true);
    expect([await snapshots(dim!), await snapshots(fact!)]).toEqual([2, 1]);
    const r = await completeInterruptedPublish(io, catalog(), root);
    expect(r).toEqual({ runId: '01RUN', completed: ['fact'], alreadyPublished: ['dim'] });
    expect(describeRecovery(r!)).toBe(
      'finished the publish of run 01RUN, which was interrupted: 1 tables published now (fact), 1 already published',
    );
    expect([await snapshots(dim!), await snapshots(fact!)]).toEqual([2, 2]);
    expect(existsSync(journalPath())).toBe(false);
    expect(await completeInterruptedPublish(io, catalog(), root)).toBeNull();
  });

  it('drops a journal cut short (written before any swap) and changes no table', async () => {
    const [dim, fact] = await interruptedPublish(false);
    const text = await readFile(journalPath(), 'utf8');
    await writeFile(journalPath(), text.slice(0, text.length / 2));
    expect(await completeInterruptedPublish(io, catalog(), root)).toBeNull();
    expect(existsSync(journalPath())).toBe(false);
    expect([await snapshots(dim!), await snapshots(fact!)]).toEqual([1, 1]);
  });

  it('a table changed outside the pipeline: exit 1 naming the table and the rebuild, journal removed', async () => {
    const [, fact] = await interruptedPublish(false);
    await fact!.append(rows('NVDA'));
    const error = await completeInterruptedPublish(io, catalog(), root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).exitCode).toBe(1);
    expect((error as Error).message).toMatch(
      /publish of run 01RUN was interrupted and cannot be finished for table fact .*1 tables were published from it.*transform --rebuild/,
    );
    expect(existsSync(journalPath())).toBe(false);
  });

  it('a store that fails keeps the journal for the next command', async () => {
    await interruptedPublish(false);
    const flaky: FileIO = Object.assign(Object.create(io) as FileIO, {
      createExclusive: () => Promise.reject(Object.assign(new Error('503 Slow Down'), { transient: true })),
    });
    const broken = new FilesystemCatalog({ warehouse: root, io: flaky });
    await expect(completeInterruptedPublish(io, broken, root)).rejects.toThrow(/503/);
    expect(existsSync(journalPath())).toBe(true);
    expect(publishJournalUri(root)).toBe(`${root}/.nasdaq-pipeline.publish.json`);
    const r = await completeInterruptedPublish(io, catalog(), root);
    expect(r?.completed).toEqual(['dim', 'fact']);
  });
});
