import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../program.js';
import { loadConfig } from '../config/load-config.js';
import { defaultConfig } from '../config/defaults.js';
import { configTemplatePath } from './init.js';

function deps(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    deps: {
      env: {},
      cwd,
      stdout: { write: (s: string) => void out.push(s) },
      stderr: { write: (s: string) => void err.push(s) },
      now: () => new Date(),
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('nasdaq-pipeline init', () => {
  it('writes a config file that loads to the defaults, and refuses to overwrite it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'np-init-'));
    const h = deps(dir);
    expect(await runCli(['node', 'np', 'init'], h.deps)).toBe(0);
    expect(h.out()).toContain('nasdaq-pipeline.yaml');
    const cfg = await loadConfig({}, { env: {}, cwd: dir });
    expect({ ...cfg, configFile: null }).toEqual(defaultConfig());
    const again = deps(dir);
    expect(await runCli(['node', 'np', 'init'], again.deps)).toBe(2);
    expect(again.err()).toContain('already exists; pass --force');
    expect(await runCli(['node', 'np', '--json', 'init', '--force'], deps(dir).deps)).toBe(0);
  });

  it('ships the same text as config/pipeline.example.yaml', async () => {
    const example = await readFile(
      path.resolve(import.meta.dirname, '../../../../config/pipeline.example.yaml'),
      'utf8',
    );
    expect(await readFile(configTemplatePath, 'utf8')).toBe(example);
  });
});
