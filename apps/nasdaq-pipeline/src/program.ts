import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { version } from './version.js';
import type { CliDeps } from './deps.js';
import { describeError, exitCodeFor } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { loadConfig } from './config/load-config.js';
import type { ResolvedConfig } from './config/types.js';
import { registerCommands } from './commands/index.js';

/** Global options of DESIGN.md §8, as commander parses them. */
export interface GlobalOptions {
  config?: string;
  warehouse?: string;
  target?: 'local' | 'aws';
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  logFormat?: 'pretty' | 'json';
}

/** What a command receives: the injected world plus lazily resolved configuration. */
export interface CommandContext {
  deps: CliDeps;
  /** Global options as parsed. */
  globals(): GlobalOptions;
  /** Resolves the configuration once (flags > env > file > defaults). */
  config(): Promise<ResolvedConfig>;
  /** Prints human text to stdout unless --quiet or --json. */
  say(text: string): void;
  /** Prints one JSON document to stdout. */
  printJson(value: unknown): void;
  /** Sets the process exit code the command ends with (default 0). */
  setExitCode(code: number): void;
  /** Logs to stderr (suppressed by --quiet except errors). */
  log(level: 'error' | 'warn' | 'info' | 'debug', message: string): void;
}

function oneOf<T extends string>(values: readonly T[], what: string) {
  return (v: string): T => {
    if ((values as readonly string[]).includes(v)) return v as T;
    throw new InvalidArgumentError(`${what} must be one of ${values.join(', ')}`);
  };
}

const exitCodes = new WeakMap<Command, () => number>();

/**
 * Builds the `nasdaq-pipeline` program. Nothing here reads `process` or exits: output goes to
 * `deps.stdout`/`deps.stderr` and commander errors are thrown (`exitOverride`), so tests can run
 * any command in-process.
 */
export function buildProgram(deps: CliDeps): Command {
  const program = new Command('nasdaq-pipeline');
  program
    .description(
      'End-of-day NASDAQ prices from Financial Modeling Prep into an Iceberg star schema, queried with DuckDB or Athena.',
    )
    .version(version, '-V, --version', 'print the version')
    .addOption(new Option('-c, --config <file>', 'config file (YAML)').env('NASDAQ_PIPELINE_CONFIG'))
    .addOption(new Option('-w, --warehouse <path>', 'warehouse root: a folder or s3://bucket/prefix'))
    .addOption(
      new Option('-t, --target <target>', 'where the warehouse lives').argParser(
        oneOf(['local', 'aws'] as const, '--target'),
      ),
    )
    .option('--json', 'print one JSON document instead of human output')
    .option('-q, --quiet', 'print errors only (for cron)')
    .option('-v, --verbose', 'debug logs and full error causes')
    .addOption(
      new Option('--log-format <format>', 'log format on stderr').argParser(
        oneOf(['pretty', 'json'] as const, '--log-format'),
      ),
    )
    .configureHelp({ helpWidth: 100, showGlobalOptions: false })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.stdout.write(s),
      writeErr: (s) => deps.stderr.write(s),
    });

  let resolved: Promise<ResolvedConfig> | undefined;
  let exitCode: number = ExitCode.ok;
  const globals = () => program.opts<GlobalOptions>();
  const ctx: CommandContext = {
    deps,
    globals,
    config() {
      const g = globals();
      resolved ??= loadConfig(
        { config: g.config, warehouse: g.warehouse, target: g.target },
        { env: deps.env, cwd: deps.cwd },
      );
      return resolved;
    },
    say(text) {
      const g = globals();
      if (!g.quiet && !g.json) deps.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    setExitCode(code) {
      exitCode = code;
    },
    printJson(value) {
      deps.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    log(level, message) {
      const g = globals();
      if (g.quiet && level !== 'error') return;
      if (level === 'debug' && !g.verbose) return;
      if (g.logFormat === 'json') {
        deps.stderr.write(`${JSON.stringify({ level, time: deps.now().toISOString(), msg: message })}\n`);
      } else {
        deps.stderr.write(`${level === 'info' ? '' : `${level}: `}${message}\n`);
      }
    },
  };
  registerCommands(program, ctx);
  exitCodes.set(program, () => exitCode);
  return program;
}

/**
 * Parses `argv` (as `process.argv`: node, script, args…), runs the command and returns the exit code.
 * Errors are printed to `deps.stderr` (with causes under `--verbose`, as JSON under `--json`).
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const program = buildProgram(deps);
  try {
    await program.parseAsync([...argv]);
    return exitCodes.get(program)?.() ?? ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version end through exitOverride with exit code 0
      return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const g = program.opts<GlobalOptions>();
    const code = exitCodeFor(e);
    if (g.json) {
      const err = e as { code?: unknown; message?: unknown; transient?: unknown };
      deps.stdout.write(
        `${JSON.stringify({ ok: false, exitCode: code, error: { code: err.code ?? 'INTERNAL', message: String(err.message ?? e), transient: err.transient ?? false } }, null, 2)}\n`,
      );
    }
    deps.stderr.write(`error: ${describeError(e, g.verbose ?? false)}\n`);
    return code;
  }
}
