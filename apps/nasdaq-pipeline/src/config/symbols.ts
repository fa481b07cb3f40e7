import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { builtInSymbolGroups } from './defaults.js';
import type { ResolvedConfig } from './types.js';

/** Symbol groups, as in `config/symbols.yaml`. */
export type SymbolGroups = Record<string, string[]>;

/**
 * Reads the symbol groups file named by the config (relative to `cwd`). When the default file is
 * absent (an npm install outside this repository) the built-in groups are used; an explicitly
 * configured file that is missing or malformed is a {@link ConfigError}.
 */
export async function loadSymbolGroups(config: ResolvedConfig, cwd: string): Promise<SymbolGroups> {
  const file = path.resolve(cwd, config.symbols.file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (config.symbols.file === 'config/symbols.yaml') {
      return Object.fromEntries(Object.entries(builtInSymbolGroups).map(([k, v]) => [k, [...v]]));
    }
    throw new ConfigError(`symbols file ${file} cannot be read; fix symbols.file in the config`, e);
  }
  const { parse: parseYaml } = await import('yaml');
  const doc = parseYaml(text) as { groups?: unknown } | null;
  const groups = doc?.groups;
  if (!groups || typeof groups !== 'object' || Array.isArray(groups)) {
    throw new ConfigError(
      `symbols file ${file} must have a "groups" mapping of group name to a list of symbols`,
    );
  }
  const out: SymbolGroups = {};
  for (const [name, list] of Object.entries(groups)) {
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) {
      throw new ConfigError(`symbols file ${file}: group "${name}" must be a list of symbols`);
    }
    out[name] = list as string[];
  }
  return out;
}

/** The symbols selected by config (`symbols.list` wins, else the chosen `groups`, else every group). */
export function selectSymbols(config: ResolvedConfig, groups: SymbolGroups): string[] {
  if (config.symbols.list?.length) return [...new Set(config.symbols.list)];
  const names = config.symbols.groups ?? Object.keys(groups);
  const out: string[] = [];
  for (const g of names) {
    const list = groups[g];
    if (!list) {
      throw new ConfigError(
        `symbols.groups names "${g}", which is not a group of ${config.symbols.file} (groups: ${Object.keys(groups).join(', ')})`,
      );
    }
    out.push(...list);
  }
  return [...new Set(out)];
}
