import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../test-support/cli-harness.js';

describe('nasdaq-pipeline doctor', () => {
  it('reports every check as JSON and passes on a writable warehouse', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'np-doctor-'));
    const r = await runInProcess(['--json', '--warehouse', path.join(dir, 'wh'), 'doctor'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      ok: boolean;
      checks: { name: string; status: string; detail: string }[];
    };
    expect(doc.ok).toBe(true);
    expect(doc.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['config', 'source', 'warehouse', 'lock', 'duckdb']),
    );
    expect(doc.checks.find((c) => c.name === 'source')?.status).toBe('warn');
  });

  it('fails (exit 1) with a hint when the warehouse is not writable', async () => {
    // A path below a regular file cannot be created, even by root.
    const dir = await mkdtemp(path.join(tmpdir(), 'np-doctor-'));
    await writeFile(path.join(dir, 'file'), 'x');
    await chmod(path.join(dir, 'file'), 0o444);
    const r = await runInProcess(['--warehouse', path.join(dir, 'file', 'wh'), 'doctor'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ warehouse .* is not writable/);
    expect(r.stdout).toContain('→ fix the folder permissions');
  });

  it('fails when source is fmp without a key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'np-doctor-'));
    await writeFile(path.join(dir, 'nasdaq-pipeline.yaml'), 'source: fmp\n');
    const r = await runInProcess(['--warehouse', path.join(dir, 'wh'), 'doctor'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('source is fmp but FMP_API_KEY is not set');
  });
});
