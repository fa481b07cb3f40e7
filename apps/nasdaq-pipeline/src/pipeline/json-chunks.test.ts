import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeJsonChunks } from './json-chunks.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'np-json-chunks-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const read = async (f: string) => JSON.parse(await readFile(f, 'utf8')) as unknown[];

describe('writeJsonChunks', () => {
  it('splits rows into JSON array files of at most n rows, in order, losing none', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ symbol: 'AAPL', i }));
    const files = await writeJsonChunks(dir, 'bars', rows, 3);
    expect(files.map((f) => path.basename(f))).toEqual([
      'bars-0000.json',
      'bars-0001.json',
      'bars-0002.json',
    ]);
    const back = (await Promise.all(files.map(read))).flat();
    expect(back).toEqual(rows);
    expect((await read(files[2]!)).length).toBe(1);
  });

  it('writes one empty array when there are no rows (the models read it as no bars)', async () => {
    const files = await writeJsonChunks(dir, 'bars', []);
    expect(await readdir(dir)).toEqual(['bars-0000.json']);
    expect(await read(files[0]!)).toEqual([]);
  });
});
