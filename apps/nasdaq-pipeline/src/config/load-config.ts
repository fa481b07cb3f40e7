import path from 'node:path';
import { ConfigError } from '../errors.js';
import { defaultConfig } from './defaults.js';
import type { ResolvedConfig } from './types.js';

/** Values given on the command line (global options); undefined = not given. */
export interface ConfigFlags {
  config?: string;
  warehouse?: string;
  target?: 'local' | 'aws';
}

/** Where the loader reads from: injected so tests need no real environment. */
export interface ConfigSources {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  readFile?: (file: string) => Promise<string>;
}

type Plain = Record<string, unknown>;

/** Reads a file as UTF-8; node:fs/promises loads on first use, so `--help` does not pay for it. */
async function readUtf8(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(file, 'utf8');
}

function isPlain(v: unknown): v is Plain {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep-merges `over` into `base` (objects merge, everything else replaces). */
function merge<T>(base: T, over: unknown): T {
  if (!isPlain(over) || !isPlain(base)) return (over === undefined ? base : over) as T;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge((base as Plain)[k], v);
  return out as T;
}

async function readConfigFile(file: string, sources: ConfigSources): Promise<Plain> {
  const read = sources.readFile ?? readUtf8;
  let text: string;
  try {
    text = await read(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code === 'ENOENT'
        ? `config file ${file} does not exist; create it with \`nasdaq-pipeline init\` or fix --config / NASDAQ_PIPELINE_CONFIG`
        : `config file ${file} cannot be read (${code ?? String(e)})`,
      e,
    );
  }
  // yaml is loaded only when a file is read: start-up of light commands stays fast.
  const { parse: parseYaml, YAMLParseError } = await import('yaml');
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}` : '';
    throw new ConfigError(
      `config file ${file} is not valid YAML${where}: ${(e as Error).message.split('\n')[0]}`,
      e,
    );
  }
  if (parsed === null || parsed === undefined) return {};
  if (!isPlain(parsed)) {
    throw new ConfigError(
      `config file ${file} must be a mapping of options (see config/pipeline.example.yaml)`,
    );
  }
  const { formatSchemaIssue, validatePipelineConfig } = await import('@nasdaq-pipeline/validation');
  const result = validatePipelineConfig(parsed);
  if (!result.ok) {
    const lines = result.issues.map((i) => `  ${formatSchemaIssue(i)}`).join('\n');
    throw new ConfigError(
      `config file ${file} is invalid:\n${lines}\nFix those values (config/pipeline.schema.json lists every option).`,
    );
  }
  return parsed;
}

async function fromEnv(env: ConfigSources['env']): Promise<Plain> {
  const out: Plain = {};
  const fmp: Plain = {};
  if (env['NASDAQ_PIPELINE_WAREHOUSE']) out['warehouse'] = env['NASDAQ_PIPELINE_WAREHOUSE'];
  if (env['FMP_BASE_URL']) fmp['baseUrl'] = env['FMP_BASE_URL'];
  if (env['FMP_PLAN']) fmp['plan'] = env['FMP_PLAN'];
  if (Object.keys(fmp).length) out['fmp'] = fmp;
  if (Object.keys(out).length === 0) return out;
  const { validatePipelineConfig } = await import('@nasdaq-pipeline/validation');
  const check = validatePipelineConfig(out);
  if (!check.ok) {
    const [issue] = check.issues;
    if (!issue) throw new ConfigError('environment variables are invalid');
    const name =
      issue.path === '/fmp/plan'
        ? 'FMP_PLAN'
        : issue.path === '/fmp/baseUrl'
          ? 'FMP_BASE_URL'
          : 'NASDAQ_PIPELINE_WAREHOUSE';
    throw new ConfigError(
      `environment variable ${name} is invalid: expected ${issue.expected}; got ${issue.got}`,
    );
  }
  return out;
}

/**
 * Resolves the configuration: flags > environment > config file > defaults. The config file is
 * `--config`, else `NASDAQ_PIPELINE_CONFIG`, else `nasdaq-pipeline.yaml` in the working directory when
 * present. The FMP key is taken from `FMP_API_KEY` only.
 *
 * @throws ConfigError (exit 2) naming the file, the path in it, the bad value and the fix.
 */
export async function loadConfig(flags: ConfigFlags, sources: ConfigSources): Promise<ResolvedConfig> {
  const explicit = flags.config ?? sources.env['NASDAQ_PIPELINE_CONFIG'];
  let file: string | null = null;
  let fileValues: Plain = {};
  if (explicit) {
    file = path.resolve(sources.cwd, explicit);
    fileValues = await readConfigFile(file, sources);
  } else {
    const implicit = path.resolve(sources.cwd, 'nasdaq-pipeline.yaml');
    const read = sources.readFile ?? readUtf8;
    const exists = await read(implicit).then(
      () => true,
      () => false,
    );
    if (exists) {
      file = implicit;
      fileValues = await readConfigFile(file, sources);
    }
  }
  delete fileValues['$schema'];
  let config = merge(defaultConfig(), fileValues);
  config = merge(config, await fromEnv(sources.env));
  const flagValues: Plain = {};
  if (flags.warehouse !== undefined) flagValues['warehouse'] = flags.warehouse;
  if (flags.target !== undefined) flagValues['target'] = flags.target;
  config = merge(config, flagValues);
  config.configFile = file;
  const key = sources.env['FMP_API_KEY']?.trim();
  config.fmp.apiKey = key ? key : null;
  if (config.target === 'local' && config.warehouse.startsWith('s3://')) {
    throw new ConfigError(
      `warehouse ${config.warehouse} is on S3 but target is local; pass --target aws or set target: aws`,
    );
  }
  return config;
}
