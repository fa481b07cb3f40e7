import { createHash } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileIO } from '@nasdaq-pipeline/iceberg';

/**
 * Local copies of S3 data files for DuckDB (its httpfs extension cannot be installed here): each
 * object is downloaded once into `cacheDir` under a name derived from its URI. Iceberg data files
 * are immutable, so a cached copy never goes stale.
 */
export function createS3Localizer(io: FileIO, cacheDir: string) {
  return async (paths: readonly string[]): Promise<string[]> => {
    await mkdir(cacheDir, { recursive: true });
    const out: string[] = [];
    for (const uri of paths) {
      if (uri.startsWith('file:')) {
        out.push(decodeURIComponent(new URL(uri).pathname));
        continue;
      }
      const local = path.join(
        cacheDir,
        `${createHash('sha256').update(uri).digest('hex').slice(0, 24)}.parquet`,
      );
      const have = await access(local).then(
        () => true,
        () => false,
      );
      if (!have) {
        const tmp = `${local}.${process.pid}.tmp`;
        await writeFile(tmp, await io.read(uri));
        await rename(tmp, local);
      }
      out.push(local);
    }
    return out;
  };
}
