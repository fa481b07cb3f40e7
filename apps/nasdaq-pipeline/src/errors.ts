import { ExitCode, type ExitCodeValue } from './exit-codes.js';

/**
 * Base of the CLI's own errors: a stable `code`, whether retrying could help (`transient`), the exit
 * code it maps to, and an optional native `cause`.
 */
export class PipelineError extends Error {
  /** Stable machine-readable code. */
  readonly code: string;
  /** Whether the same operation may succeed if retried. */
  readonly transient: boolean;
  /** The process exit code this error maps to. */
  readonly exitCode: ExitCodeValue;

  constructor(
    message: string,
    options: { code: string; transient?: boolean; exitCode?: ExitCodeValue; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.transient = options.transient ?? false;
    this.exitCode = options.exitCode ?? ExitCode.failure;
  }
}

/** A configuration file, environment variable or flag value is invalid (exit 2). */
export class ConfigError extends PipelineError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: 'CONFIG_INVALID', exitCode: ExitCode.usage, cause });
  }
}

/** The command line itself is wrong: bad flag value, conflicting options, non-session date (exit 2). */
export class UsageError extends PipelineError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: 'USAGE', exitCode: ExitCode.usage, cause });
  }
}

/**
 * A local warehouse whose tables record a location outside its folder: it was copied or moved, and writing to it
 * would put files into the other folder (exit 2).
 */
export class WarehouseMovedError extends PipelineError {
  constructor(message: string) {
    super(message, { code: 'WAREHOUSE_MOVED', exitCode: ExitCode.usage });
  }
}

/**
 * Structural check for errors from any package of the workspace: they all carry a string `code` and a
 * boolean `transient` (libraries define their own classes and never import the app).
 */
export function isPipelineErrorLike(e: unknown): e is Error & { code: string; transient: boolean } {
  return (
    e instanceof Error &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { transient?: unknown }).transient === 'boolean'
  );
}

/** Maps any thrown value to the exit code the CLI should end with. */
export function exitCodeFor(e: unknown): ExitCodeValue {
  if (e instanceof PipelineError) return e.exitCode;
  const code = (e as { exitCode?: unknown } | null)?.exitCode;
  if (typeof code === 'number' && code >= 1 && code <= 5) return code as ExitCodeValue;
  return ExitCode.failure;
}

/** Renders an error and, when `verbose`, its cause chain, one line each. */
export function describeError(e: unknown, verbose: boolean): string {
  const lines: string[] = [];
  let cur: unknown = e;
  let depth = 0;
  while (cur !== undefined && cur !== null && depth < 8) {
    const msg = cur instanceof Error ? cur.message : String(cur);
    lines.push(depth === 0 ? msg : `  caused by: ${msg}`);
    if (!verbose) break;
    cur = cur instanceof Error ? cur.cause : undefined;
    depth++;
  }
  return lines.join('\n');
}
