// Thin CLI over fmp-sim's startSimServer: parses flags, reads the faults file, starts the server.
// The process handling (signals, exit codes) lives in index.js so this module stays testable.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startSimServer, validateFaults, SIM_PLANS } from '@nasdaq-pipeline/fmp-sim';

export const USAGE = `Usage: node tools/fake-fmp-server [options]
  --port N          port to listen on (default 0 = any free port)
  --host H          interface (default 127.0.0.1)
  --latency-ms N    delay before every answer (default 0)
  --plan P          free | starter | premium | ultimate (default ultimate)
  --faults FILE     JSON or YAML list of {endpoint?, symbol?, kind, probability?, times?}
  --seed N          seed of prices and fault draws (default 0)
  --api-key K       require this key (apikey header or query), else 401 (default: any key)
  --now ISO         freeze the simulator's clock (default: the real time)
  --symbols A,B     fixed universe; other symbols answer [] (default: any well-formed symbol)
Prints the stable API root URL (e.g. http://127.0.0.1:41234/stable) on stdout, then serves until SIGINT/SIGTERM.`;

/** A usage error: bad flag or value. */
export class UsageError extends Error {}

function integer(name, value, min) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${value}`);
  return n;
}

/**
 * Parses the CLI flags into startSimServer options (faults still as a path).
 * @param {string[]} argv
 */
export function parseServerArgs(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        'latency-ms': { type: 'string', default: '0' },
        plan: { type: 'string', default: 'ultimate' },
        faults: { type: 'string' },
        seed: { type: 'string', default: '0' },
        'api-key': { type: 'string' },
        now: { type: 'string' },
        symbols: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!SIM_PLANS.includes(values.plan))
    throw new UsageError(`--plan must be one of ${SIM_PLANS.join(', ')}, got ${values.plan}`);
  let now;
  if (values.now !== undefined) {
    const at = new Date(values.now);
    if (Number.isNaN(at.getTime())) throw new UsageError(`--now must be an ISO date-time, got ${values.now}`);
    now = () => at;
  }
  return {
    help: values.help,
    port: integer('port', values.port, 0),
    host: values.host,
    latencyMs: integer('latency-ms', values['latency-ms'], 0),
    plan: values.plan,
    faultsFile: values.faults,
    seed: integer('seed', values.seed, 0),
    apiKey: values['api-key'],
    now,
    symbols: values.symbols
      ? values.symbols
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
  };
}

/**
 * Reads a faults file: JSON, or YAML when the `yaml` package is available.
 * @param {string} path
 */
export async function readFaultsFile(path) {
  const text = await readFile(path, 'utf8');
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      const { parse } = await import('yaml');
      parsed = parse(text);
    } catch (error) {
      throw new UsageError(
        `--faults ${path}: neither JSON nor YAML (${error instanceof Error ? error.message : error})`,
      );
    }
  }
  return validateFaults(parsed);
}

/**
 * Starts the fake FMP server from CLI flags and writes its URL line.
 * @param {string[]} argv
 * @param {{ write(line: string): void }} out
 */
export async function startFromArgs(argv, out) {
  const args = parseServerArgs(argv);
  if (args.help) {
    out.write(`${USAGE}\n`);
    return null;
  }
  const faults = args.faultsFile ? await readFaultsFile(args.faultsFile) : [];
  const server = await startSimServer({
    port: args.port,
    host: args.host,
    latencyMs: args.latencyMs,
    plan: args.plan,
    faults,
    seed: args.seed,
    apiKey: args.apiKey,
    now: args.now,
    symbols: args.symbols,
  });
  out.write(`${server.url}\n`);
  return server;
}
