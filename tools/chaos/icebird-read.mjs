// An independent reader for the chaos suites: icebird 0.3.1 (not our Iceberg code) opens every table of a local
// warehouse at the version its `version-hint.text` names and reads all rows. icebird fetches with the global
// `fetch`, which cannot read `file://`; a shim answers `file://` URLs (GET, HEAD, Range) from disk and passes
// everything else through. packages/iceberg's icebird harness does the same over HTTP for the library's tests.
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { icebergRead } from 'icebird';

const realFetch = globalThis.fetch;

async function fileResponse(url, init = {}) {
  const file = fileURLToPath(url);
  let size;
  try {
    size = (await stat(file)).size;
  } catch {
    return new Response(null, { status: 404, statusText: 'Not Found' });
  }
  const headers = new Headers(init.headers);
  const range = /^bytes=(\d*)-(\d*)$/.exec(headers.get('range') ?? '');
  const head = (init.method ?? 'GET') === 'HEAD';
  if (!range) {
    const body = head ? null : await readFile(file);
    return new Response(body, { status: 200, headers: { 'content-length': String(size) } });
  }
  // bytes=a-b (inclusive), bytes=a-, or bytes=-n (suffix)
  const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  const buf = Buffer.alloc(Math.max(0, end - start + 1));
  const fh = await open(file, 'r');
  try {
    await fh.read(buf, 0, buf.length, start);
  } finally {
    await fh.close();
  }
  return new Response(head ? null : buf, {
    status: 206,
    headers: { 'content-length': String(buf.length), 'content-range': `bytes ${start}-${end}/${size}` },
  });
}

globalThis.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return url.startsWith('file:') ? fileResponse(url, init) : realFetch(input, init);
};

/**
 * Reads every table listed by `tables --json` (`[{ table, rows, snapshots }]`) with icebird.
 * Returns `{ read, rows: { table: n }, mismatches: [] }`; a table with no snapshot or no rows is skipped (icebird
 * rejects a snapshot without data manifests). Throws the first table icebird cannot open.
 */
export async function readWithIcebird(warehouseDir, tables) {
  const out = { read: 0, rows: {}, mismatches: [] };
  for (const t of tables) {
    if (!(t.snapshots > 0) || !(t.rows > 0)) continue;
    // The location recorded in the table's metadata (what a reader follows), else the conventional folder.
    const tableUrl = t.location ?? pathToFileURL(path.join(warehouseDir, 'nasdaq', t.table)).href;
    let rows;
    try {
      rows = await icebergRead({ tableUrl });
    } catch (e) {
      throw new Error(`icebird cannot read ${t.table}: ${e instanceof Error ? e.message : String(e)}`);
    }
    out.read++;
    out.rows[t.table] = rows.length;
    // version-hint.text is rewritten after the commit, so a kill in between leaves it one version behind: icebird
    // then reads the previous committed version. Reported, not a failure.
    if (rows.length !== t.rows) out.mismatches.push(`${t.table}: icebird ${rows.length}, ours ${t.rows}`);
  }
  return out;
}
