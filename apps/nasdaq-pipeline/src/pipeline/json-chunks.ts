import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Rows per file: ~15 MB of bar JSON, far below V8's maximum string length (2^29 − 24 characters). */
export const JSON_CHUNK_ROWS = 100_000;

/**
 * Writes `rows` as JSON array files `<prefix>-0000.json`, `<prefix>-0001.json`… of at most `chunkRows` rows each
 * (one `[]` file when there are none), so a ten-year rebuild of thousands of symbols never builds one string larger
 * than V8 allows ("Invalid string length"). Returns the paths in order.
 */
export async function writeJsonChunks(
  dir: string,
  prefix: string,
  rows: readonly unknown[],
  chunkRows = JSON_CHUNK_ROWS,
): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i === 0 || i < rows.length; i += chunkRows) {
    const file = path.join(dir, `${prefix}-${String(files.length).padStart(4, '0')}.json`);
    await writeFile(file, JSON.stringify(rows.slice(i, i + chunkRows)));
    files.push(file);
  }
  return files;
}
