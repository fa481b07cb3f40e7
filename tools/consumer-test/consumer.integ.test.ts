// Runs the consumer test (run.mjs) from `npm test`: packs every library, installs the tarballs into a fresh project
// outside the workspace, type-checks and runs the consumers. The tools project's `test` target depends on `^build`,
// so every package is built first. In CI (CI=true) a consumer part whose API is missing fails instead of skipping.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const TIMEOUT_MS = 15 * 60_000;

describe('consumer test (tools/consumer-test/run.mjs)', () => {
  it(
    'packs every library, installs the tarballs outside the workspace, type-checks and runs the consumers',
    async () => {
      const strict = process.env['CI'] === 'true' ? ['--strict'] : [];
      const result = await promisify(execFile)(
        process.execPath,
        [join(import.meta.dirname, 'run.mjs'), ...strict],
        {
          encoding: 'utf8',
          timeout: TIMEOUT_MS,
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
      expect(result.stdout).toMatch(/consumer-test: ok/);
    },
    TIMEOUT_MS + 60_000,
  );
});
