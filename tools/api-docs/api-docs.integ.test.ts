// docs/api (the generated API reference) must match a fresh TypeDoc run: `npm run docs:api` regenerates it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('API reference (tools/api-docs/generate.mjs --check)', () => {
  it(
    'docs/api is up to date with the TSDoc of every public entry point',
    async () => {
      const result = await promisify(execFile)(
        process.execPath,
        [join(import.meta.dirname, 'generate.mjs'), '--check'],
        {
          encoding: 'utf8',
          timeout: 5 * 60_000,
          maxBuffer: 64 * 1024 * 1024,
        },
      ).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({
          code: error.code ?? 1,
          stdout: error.stdout ?? '',
          stderr: error.stderr ?? String(error),
        }),
      );
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(/docs\/api is up to date/);
    },
    6 * 60_000,
  );
});
