import { runCli } from './program.js';

/**
 * The clock of the process. `NASDAQ_PIPELINE_NOW` (an ISO instant) pins "now" for reproducible runs
 * and end-to-end tests; time still advances from there so durations stay real.
 */
export function processClock(pinned: string | undefined): () => Date {
  if (!pinned) return () => new Date();
  const base = Date.parse(pinned);
  if (!Number.isFinite(base))
    throw new Error(`NASDAQ_PIPELINE_NOW ${JSON.stringify(pinned)} is not an ISO instant`);
  const start = Date.now();
  return () => new Date(base + (Date.now() - start));
}

/** Runs the CLI on the real process and sets its exit code. Only this file touches `process` directly. */
export async function main(): Promise<void> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  let now: () => Date;
  try {
    now = processClock(process.env['NASDAQ_PIPELINE_NOW']);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const code = await runCli(process.argv, {
    env: process.env,
    cwd: process.cwd(),
    stdout: { write: (s) => void process.stdout.write(s), isTTY: process.stdout.isTTY === true },
    stderr: { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY === true },
    now,
  });
  process.exitCode = code;
}
