import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validatePipelineConfig } from '@nasdaq-pipeline/validation';
import { ConfigError } from '../errors.js';
import { builtInSymbolGroups, defaultConfig } from './defaults.js';
import { loadConfig } from './load-config.js';
import { loadSymbolGroups, selectSymbols } from './symbols.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'np-config-'));
}

describe('loadConfig', () => {
  it('uses defaults when there is no file, env or flag', async () => {
    const cfg = await loadConfig({}, { env: {}, cwd: await tempDir() });
    expect(cfg).toEqual(defaultConfig());
  });

  it('merges flags > env > file > defaults', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'p.yaml'),
      'warehouse: /from/file\nfmp:\n  plan: starter\n  concurrency: 7\nnamespace: filens\n',
    );
    const env = { NASDAQ_PIPELINE_WAREHOUSE: '/from/env', FMP_PLAN: 'premium', FMP_API_KEY: ' k3y ' };
    const fromEnv = await loadConfig({ config: 'p.yaml' }, { env, cwd: dir });
    expect(fromEnv.warehouse).toBe('/from/env');
    expect(fromEnv.fmp.plan).toBe('premium');
    expect(fromEnv.fmp.concurrency).toBe(7);
    expect(fromEnv.namespace).toBe('filens');
    expect(fromEnv.fmp.apiKey).toBe('k3y');
    expect(fromEnv.configFile).toBe(path.join(dir, 'p.yaml'));
    const fromFlag = await loadConfig({ config: 'p.yaml', warehouse: '/from/flag' }, { env, cwd: dir });
    expect(fromFlag.warehouse).toBe('/from/flag');
  });

  it('reads nasdaq-pipeline.yaml from the working directory, or NASDAQ_PIPELINE_CONFIG', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'nasdaq-pipeline.yaml'), 'namespace: implicit\n');
    await writeFile(path.join(dir, 'other.yaml'), 'namespace: fromenv\n');
    expect((await loadConfig({}, { env: {}, cwd: dir })).namespace).toBe('implicit');
    expect(
      (await loadConfig({}, { env: { NASDAQ_PIPELINE_CONFIG: 'other.yaml' }, cwd: dir })).namespace,
    ).toBe('fromenv');
  });

  it('fails with the file, the path in it, the bad value and the fix', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'bad.yaml'), 'fmp:\n  plan: gold\n');
    const err = await loadConfig({ config: 'bad.yaml' }, { env: {}, cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).exitCode).toBe(2);
    expect((err as Error).message).toContain(path.join(dir, 'bad.yaml'));
    expect((err as Error).message).toContain(
      'at /fmp/plan: expected one of "free", "starter", "premium", "ultimate"; got "gold"',
    );
  });

  it('explains YAML syntax errors, missing files and bad environment values', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'broken.yaml'), 'fmp: [\n');
    await expect(loadConfig({ config: 'broken.yaml' }, { env: {}, cwd: dir })).rejects.toThrow(
      /not valid YAML at line/,
    );
    await expect(loadConfig({ config: 'missing.yaml' }, { env: {}, cwd: dir })).rejects.toThrow(
      /does not exist; create it with `nasdaq-pipeline init`/,
    );
    await expect(loadConfig({}, { env: { FMP_PLAN: 'gold' }, cwd: dir })).rejects.toThrow(
      /environment variable FMP_PLAN is invalid/,
    );
  });

  it('refuses an s3:// warehouse with the local target', async () => {
    await expect(loadConfig({ warehouse: 's3://b/p' }, { env: {}, cwd: await tempDir() })).rejects.toThrow(
      /pass --target aws/,
    );
  });
});

describe('config files in the repository', () => {
  it('pipeline.example.yaml is valid and states exactly the defaults', async () => {
    const text = await readFile(path.join(repoRoot, 'config/pipeline.example.yaml'), 'utf8');
    const doc = parseYaml(text) as Record<string, unknown>;
    expect(validatePipelineConfig(doc).ok).toBe(true);
    const cfg = await loadConfig(
      { config: path.join(repoRoot, 'config/pipeline.example.yaml') },
      { env: {}, cwd: repoRoot },
    );
    expect({ ...cfg, configFile: null }).toEqual(defaultConfig());
  });

  it('symbols.yaml holds the built-in groups', async () => {
    const groups = await loadSymbolGroups(defaultConfig(), repoRoot);
    expect(groups).toEqual(builtInSymbolGroups);
    expect(selectSymbols(defaultConfig(), groups)).toEqual([
      'AAPL',
      'MSFT',
      'GOOGL',
      'AMZN',
      'META',
      'NVDA',
      'AMD',
      'INTC',
    ]);
  });

  it('selects groups, explicit lists, and rejects unknown groups', () => {
    const cfg = defaultConfig();
    const groups = { a: ['X', 'Y'], b: ['Y', 'Z'] };
    expect(selectSymbols({ ...cfg, symbols: { ...cfg.symbols, groups: ['b'] } }, groups)).toEqual(['Y', 'Z']);
    expect(selectSymbols({ ...cfg, symbols: { ...cfg.symbols, list: ['Q'] } }, groups)).toEqual(['Q']);
    expect(() => selectSymbols({ ...cfg, symbols: { ...cfg.symbols, groups: ['c'] } }, groups)).toThrow(
      /"c", which is not a group/,
    );
  });
});
