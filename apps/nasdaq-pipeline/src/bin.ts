import { writeSync } from 'node:fs';
import { runCli } from './program.js';

/**
 * A writer for fd 1 or 2 that writes synchronously with `writeSync`, so a short-lived command never builds the
 * `process.stdout` stream (a pipe's stream loads `net` and `stream`: ~5 ms of start-up). If the descriptor is
 * non-blocking and full (`EAGAIN`), it hands the rest, and every later write, to the process stream, which
 * keeps the order. A closed reader (`EPIPE`, as in `nasdaq-pipeline query … | head`) ends the output quietly.
 */
function fdWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  let useStream = false;
  let closed = false;
  return (text) => {
    if (closed) return;
    if (useStream) {
      stream().write(text);
      return;
    }
    let bytes = Buffer.from(text);
    while (bytes.length > 0) {
      try {
        bytes = bytes.subarray(writeSync(fd, bytes));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // The reader went away (`… | head`): drop the rest quietly, as Unix tools do.
        if (code === 'EPIPE') {
          closed = true;
          return;
        }
        if (code !== 'EAGAIN') throw e;
        useStream = true;
        stream().write(bytes);
        return;
      }
    }
  };
}

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
    // isTTY is read only by commands that draw (progress): asking builds the stream, so ask lazily.
    stdout: {
      write: fdWriter(1, () => process.stdout),
      get isTTY() {
        return process.stdout.isTTY === true;
      },
    },
    stderr: {
      write: fdWriter(2, () => process.stderr),
      get isTTY() {
        return process.stderr.isTTY === true;
      },
    },
    now,
  });
  process.exitCode = code;
}
