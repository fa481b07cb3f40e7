import { readFile } from 'node:fs/promises';

/**
 * The generic PySpark runner shipped with this package (`scripts/glue_iceberg_runner.py`, listed in `files`).
 * Resolved relative to this module, which sits two levels below the package root in `src/` and `dist/` alike.
 */
export async function loadGlueRunnerScript(): Promise<string> {
  return readFile(new URL('../../scripts/glue_iceberg_runner.py', import.meta.url), 'utf8');
}
