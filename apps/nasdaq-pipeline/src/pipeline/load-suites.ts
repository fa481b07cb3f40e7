import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { builtInSuites, parseSuite, type Suite } from '@nasdaq-pipeline/validation';
import type { ResolvedConfig } from '../config/types.js';
import { ConfigError } from '../errors.js';

/**
 * The expectation suites a run applies: the built-in ones (unless `validation.builtIn: false`) then
 * every file of `validation.suites` (YAML/JSON, validated by the suite schema).
 * @throws ConfigError (exit 2) naming the file and what is wrong in it
 */
export async function loadSuites(config: ResolvedConfig, cwd: string): Promise<Suite[]> {
  const suites = config.validation.builtIn ? builtInSuites() : [];
  for (const file of config.validation.suites) {
    const full = path.resolve(cwd, file);
    let text: string;
    try {
      text = await readFile(full, 'utf8');
    } catch (e) {
      throw new ConfigError(`suite file ${full} cannot be read; fix validation.suites in the config`, e);
    }
    try {
      suites.push(parseSuite(text, full));
    } catch (e) {
      throw new ConfigError((e as Error).message, e);
    }
  }
  return suites;
}
