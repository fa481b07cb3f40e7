// The chaos suites' smoke subset (issue 10), run by `npm test`: each suite with `--quick` against the BUILT CLI
// (the tools project's test target builds its dependencies first). Full runs and their figures: RELIABILITY.md.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('.', import.meta.url));

function runSuite(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

// Two at a time: each suite is a chain of CLI processes, so a pair keeps both cores busy without starving them.
describe.concurrent('chaos smoke subset', { timeout: 240_000 }, () => {
  it.each([
    ['crash.mjs', '--quick', '--kill', 'hook'],
    ['hostile.mjs', '--quick'],
    ['secrets.mjs', '--quick'],
    ['concurrency.mjs', '--quick'],
    ['faults.mjs', '--quick'],
  ])('%s %s', async (...args) => {
    const r = await runSuite([...args, '--seed', '1']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/^failures\s+0$/m);
  });
});
