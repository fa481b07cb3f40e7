import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NotFoundError, ValidationError } from '../errors.js';
import type { FileInfo, FileIO } from './file-io.js';

/** Convert a `file://` URI (or a plain absolute path) to a local path. @throws {ValidationError} */
export function toLocalPath(uri: string): string {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  if (path.isAbsolute(uri)) return uri;
  throw new ValidationError(`iceberg: LocalFileIO handles file:// URIs only, got ${uri}`);
}

/** `file:///abs/path` URI of a local path (resolved against the working directory). */
export function toFileUri(localPath: string): string {
  return pathToFileURL(path.resolve(localPath)).href;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * {@link FileIO} over the local file system. Writes go to a temp file in the same folder then `rename` (atomic
 * replace); `createExclusive` uses `link(2)`, which fails with EEXIST instead of overwriting like `rename`
 * (iceberg.md §9).
 */
export class LocalFileIO implements FileIO {
  async read(uri: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await fs.readFile(toLocalPath(uri)));
    } catch (error) {
      throw isMissing(error) ? new NotFoundError(uri, { cause: error }) : error;
    }
  }

  async readRange(uri: string, offset: number, length: number): Promise<Uint8Array> {
    let handle;
    try {
      handle = await fs.open(toLocalPath(uri), 'r');
    } catch (error) {
      throw isMissing(error) ? new NotFoundError(uri, { cause: error }) : error;
    }
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, offset);
      return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async size(uri: string): Promise<number> {
    try {
      return (await fs.stat(toLocalPath(uri))).size;
    } catch (error) {
      throw isMissing(error) ? new NotFoundError(uri, { cause: error }) : error;
    }
  }

  async write(uri: string, bytes: Uint8Array): Promise<void> {
    const target = toLocalPath(uri);
    const tmp = await this.writeTemp(target, bytes);
    await fs.rename(tmp, target);
  }

  async createExclusive(uri: string, bytes: Uint8Array): Promise<boolean> {
    const target = toLocalPath(uri);
    const tmp = await this.writeTemp(target, bytes);
    try {
      await fs.link(tmp, target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }

  async exists(uri: string): Promise<boolean> {
    try {
      await fs.stat(toLocalPath(uri));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async *list(prefix: string): AsyncIterable<FileInfo> {
    const local = toLocalPath(prefix);
    // A prefix may end inside a file name (`…/metadata/v1`): list its folder and filter.
    const endsWithSep = prefix.endsWith('/');
    const root = endsWithSep ? local : path.dirname(local);
    let entries: string[];
    try {
      entries = (await fs.readdir(root, { recursive: true })) as string[];
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
      throw error;
    }
    for (const rel of entries) {
      const full = path.join(root, rel);
      if (!endsWithSep && !full.startsWith(local)) continue;
      const stat = await fs.stat(full).catch(() => undefined);
      if (!stat?.isFile()) continue;
      yield { path: toFileUri(full), size: stat.size, lastModified: stat.mtime };
    }
  }

  async listFolders(prefix: string): Promise<string[]> {
    const root = toLocalPath(prefix);
    try {
      const entries = await fs.readdir(root, { withFileTypes: true });
      return entries.filter((e) => e.isDirectory()).map((e) => `${toFileUri(path.join(root, e.name))}/`);
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
      throw error;
    }
  }

  async delete(uris: readonly string[]): Promise<void> {
    await Promise.all(uris.map((u) => fs.rm(toLocalPath(u), { force: true })));
  }

  private async writeTemp(target: string, bytes: Uint8Array): Promise<string> {
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(tmp, bytes);
    return tmp;
  }
}
