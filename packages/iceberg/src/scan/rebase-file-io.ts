/**
 * A FileIO view that maps a table's recorded location onto another place. Metadata written elsewhere
 * (Athena's `s3://…`, Spark's `s3a://…`, another machine's `file:///…`) stores absolute paths; to read such
 * a table from a copy, every path under the recorded prefix is rewritten to the copy's prefix.
 */
import type { FileInfo, FileIO } from '../io/file-io.js';

/** One prefix rewrite: paths starting with `from` are read from `to` instead. */
export interface LocationMapping {
  readonly from: string;
  readonly to: string;
}

// s3a:// and s3n:// are Hadoop spellings of s3://; match them as one scheme.
const normalizeScheme = (p: string): string => p.replace(/^s3[an]:\/\//, 's3://');
const trimSlash = (p: string): string => p.replace(/\/+$/, '');

/** Rewrites `path` with the first mapping whose `from` prefix matches (scheme-insensitive for s3/s3a/s3n). */
export function rebasePath(path: string, mappings: readonly LocationMapping[]): string {
  const p = normalizeScheme(path);
  for (const m of mappings) {
    const from = trimSlash(normalizeScheme(m.from));
    if (p === from || p.startsWith(`${from}/`)) return trimSlash(m.to) + p.slice(from.length);
  }
  return path;
}

/**
 * Wraps `io` so that reads, writes and deletes of paths under each `from` prefix go to `to`;
 * `list` results are mapped back to the recorded (`from`) form so they compare equal to manifest paths.
 */
export function rebaseFileIO(io: FileIO, mappings: readonly LocationMapping[]): FileIO {
  const fwd = (p: string): string => rebasePath(p, mappings);
  const back = mappings.map((m) => ({ from: m.to, to: m.from }));
  return {
    read: (p) => io.read(fwd(p)),
    readRange: (p, offset, length) => io.readRange(fwd(p), offset, length),
    size: (p) => io.size(fwd(p)),
    write: (p, bytes) => io.write(fwd(p), bytes),
    createExclusive: (p, bytes) => io.createExclusive(fwd(p), bytes),
    exists: (p) => io.exists(fwd(p)),
    list: (prefix) => mapList(io.list(fwd(prefix)), back),
    delete: (paths) => io.delete(paths.map(fwd)),
  };
}

async function* mapList(
  it: AsyncIterable<FileInfo>,
  back: readonly LocationMapping[],
): AsyncIterable<FileInfo> {
  for await (const f of it) yield { ...f, path: rebasePath(f.path, back) };
}
