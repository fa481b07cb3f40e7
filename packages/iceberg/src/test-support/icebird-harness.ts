/**
 * An independent reader for round-trip tests: icebird 0.3.1 reading tables over real HTTP.
 *
 * icebird fetches with the global `fetch` (iceberg.md §13): the table metadata from `<tableUrl>/metadata/…`,
 * then manifest lists, manifests and data files at the absolute paths recorded in the metadata. A local
 * node:http server on 127.0.0.1 serves the folder (HEAD + Range, which hyparquet needs). Recorded paths that
 * are not HTTP — `file:///…` for our local tables, `s3://`/`s3a://` for the fixtures, which icebird rewrites to
 * `https://<bucket>.s3.amazonaws.com/<key>` — are redirected to that server by a thin global-fetch wrapper
 * that only rewrites URLs; the bytes still travel over HTTP.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { icebergRead } from 'icebird';

/** Maps a recorded table location (e.g. `s3a://bucket/java/bunnies`) to a local folder under the served root. */
export interface RecordedLocation {
  readonly from: string;
  readonly toFolder: string;
}

/** Options of {@link startIcebirdHarness}. */
export interface IcebirdHarnessOptions {
  /** Local folder served at the server root; every table read must live under it. */
  readonly root: string;
  /** Recorded locations of tables copied from elsewhere (fixtures). */
  readonly locations?: readonly RecordedLocation[];
}

/** A running harness; call {@link IcebirdHarness.close} in `afterAll`. */
export interface IcebirdHarness {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** HTTP URL of a local table folder under the root. */
  tableUrl(folder: string): string;
  /** icebird's `icebergRead` on a local table folder. */
  read(
    folder: string,
    options?: { metadataFileName?: string; rowStart?: number; rowEnd?: number },
  ): Promise<Record<string, unknown>[]>;
  /** Every request path the server answered (for assertions about what icebird fetched). */
  readonly requests: string[];
  close(): Promise<void>;
}

function s3HttpsForm(location: string): string | undefined {
  const m = /^s3[an]?:\/\/([^/]+)(\/.*)?$/.exec(location);
  return m ? `https://${m[1]}.s3.amazonaws.com${m[2] ?? ''}` : undefined;
}

/**
 * Starts the server and installs the fetch URL rewrite. Only one harness may run at a time.
 * @throws Error when another harness is active.
 */
export async function startIcebirdHarness(options: IcebirdHarnessOptions): Promise<IcebirdHarness> {
  const root = resolve(options.root);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    void serveFile(
      root,
      req.method ?? 'GET',
      decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'),
      req.headers.range,
      res,
      requests,
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const toHttp = (folder: string): string =>
    `${baseUrl}/${resolve(folder)
      .slice(root.length + 1)
      .split(sep)
      .map(encodeURIComponent)
      .join('/')}`.replace(/\/$/, '');

  const rewrites: { from: string; to: string }[] = [{ from: pathToFileURL(root).href, to: baseUrl }];
  // file:/abs (single slash) is another legal spelling of a local URI.
  rewrites.push({ from: `file:${root}`, to: baseUrl });
  for (const loc of options.locations ?? []) {
    const target = toHttp(loc.toFolder);
    rewrites.push({ from: loc.from.replace(/\/$/, ''), to: target });
    const https = s3HttpsForm(loc.from.replace(/\/$/, ''));
    if (https) rewrites.push({ from: https, to: target });
  }
  installFetchRewrite(rewrites);

  return {
    baseUrl,
    requests,
    tableUrl: toHttp,
    read: (folder, opts = {}) =>
      icebergRead({
        tableUrl: toHttp(folder),
        ...(opts.metadataFileName ? { metadataFileName: opts.metadataFileName } : {}),
        ...(opts.rowStart !== undefined ? { rowStart: opts.rowStart } : {}),
        ...(opts.rowEnd !== undefined ? { rowEnd: opts.rowEnd } : {}),
      }),
    async close() {
      uninstallFetchRewrite();
      await closeServer(server);
    },
  };
}

let originalFetch: typeof fetch | undefined;

function installFetchRewrite(rewrites: readonly { from: string; to: string }[]): void {
  if (originalFetch) throw new Error('icebird harness: another harness is already running');
  const real = globalThis.fetch;
  originalFetch = real;
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const hit = rewrites.find((r) => url === r.from || url.startsWith(`${r.from}/`));
    return real(hit ? hit.to + url.slice(hit.from.length) : input, init);
  }) as typeof fetch;
}

function uninstallFetchRewrite(): void {
  if (originalFetch) globalThis.fetch = originalFetch;
  originalFetch = undefined;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done, fail) => server.close((err) => (err ? fail(err) : done())));
}

async function serveFile(
  root: string,
  method: string,
  urlPath: string,
  range: string | undefined,
  res: ServerResponse,
  requests: string[],
): Promise<void> {
  requests.push(`${method} ${urlPath}${range ? ` ${range}` : ''}`);
  const path = resolve(root, `.${urlPath}`);
  if (path !== root && !path.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a file');
    size = s.size;
  } catch {
    res.writeHead(404).end();
    return;
  }
  const headers = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
  const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
  if (m) {
    // bytes=a-b (inclusive), bytes=a-, or bytes=-n (suffix)
    let start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
    let end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
    if (start >= size || start > end) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    start = Math.max(0, start);
    end = Math.max(start, end);
    res.writeHead(206, {
      ...headers,
      'Content-Length': end - start + 1,
      'Content-Range': `bytes ${start}-${end}/${size}`,
    });
    if (method === 'HEAD') res.end();
    else createReadStream(path, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': size });
  if (method === 'HEAD') res.end();
  else createReadStream(path).pipe(res);
}
