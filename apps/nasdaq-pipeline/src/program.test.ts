import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, runCli } from './program.js';
import { renderHelpReference, spliceHelpReference } from './help-reference.js';
import type { CliDeps } from './deps.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function harness(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    env,
    cwd: repoRoot,
    stdout: { write: (s) => void out.push(s) },
    stderr: { write: (s) => void err.push(s) },
    now: () => new Date('2025-06-16T22:00:00Z'),
  };
  return { deps, out: () => out.join(''), err: () => err.join('') };
}

describe('nasdaq-pipeline program', () => {
  it('prints help and version with exit 0', async () => {
    const h = harness();
    expect(await runCli(['node', 'nasdaq-pipeline', '--help'], h.deps)).toBe(0);
    expect(h.out()).toContain('Usage: nasdaq-pipeline [options]');
    const v = harness();
    expect(await runCli(['node', 'nasdaq-pipeline', '--version'], v.deps)).toBe(0);
    expect(v.out().trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects bad global option values with exit 2 and the allowed values', async () => {
    const h = harness();
    expect(await runCli(['node', 'nasdaq-pipeline', '--target', 'gcp', '--help'], h.deps)).toBe(2);
    expect(h.err()).toContain('--target must be one of local, aws');
    const u = harness();
    expect(await runCli(['node', 'nasdaq-pipeline', '--no-such-flag'], u.deps)).toBe(2);
    expect(u.err()).toContain("unknown option '--no-such-flag'");
  });

  it('keeps the README command reference in sync with --help', async () => {
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    const program = buildProgram(harness().deps);
    const expected = spliceHelpReference(readme, renderHelpReference(program));
    if (process.env['UPDATE_DOCS'] === '1') await writeFile(path.join(repoRoot, 'README.md'), expected);
    // If this fails, run `npm run docs:cli` and commit README.md.
    else expect(readme).toBe(expected);
  });
});
