// `nx release --dry-run` (versions from conventional commits, per-package changelogs) must work on this clone, so a
// maintainer can cut a release (CONTRIBUTING.md). Nothing is written, tagged or published.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const workspace = resolve(import.meta.dirname, '../..');
const nxPackage = join(workspace, 'node_modules', 'nx');
const nxBin = join(
  nxPackage,
  (JSON.parse(readFileSync(join(nxPackage, 'package.json'), 'utf8')) as { bin: { nx: string } }).bin.nx,
);

// eslint-disable-next-line no-control-regex -- ANSI colour codes, which nx prints when CI=true
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('nx release --dry-run', () => {
  it(
    'resolves a version for every library and the CLI without changing anything',
    async () => {
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NX_TASK')));
      const result = await promisify(execFile)(
        process.execPath,
        [nxBin, 'release', '--dry-run', '--skip-publish'],
        {
          cwd: workspace,
          encoding: 'utf8',
          timeout: 5 * 60_000,
          maxBuffer: 64 * 1024 * 1024,
          env: {
            ...env,
            NX_DAEMON: 'false',
            NX_NO_CLOUD: 'true',
            NX_TUI: 'false',
            NO_COLOR: '1',
            FORCE_COLOR: '0',
          },
        },
      ).then(
        ({ stdout, stderr }) => ({ code: 0, output: stripAnsi(`${stdout}\n${stderr}`) }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({
          code: error.code ?? 1,
          output: stripAnsi(`${error.stdout ?? ''}\n${error.stderr ?? String(error)}`),
        }),
      );
      expect(result.code, result.output).toBe(0);
      for (const folder of readdirSync(join(workspace, 'packages'))) {
        expect(result.output).toContain(`Running release version for project: @nasdaq-pipeline/${folder}`);
      }
      expect(result.output).toContain('@nasdaq-pipeline/nasdaq-pipeline');
      expect(result.output).toMatch(/"dryRun" flag means no changes were made/);
    },
    6 * 60_000,
  );
});
