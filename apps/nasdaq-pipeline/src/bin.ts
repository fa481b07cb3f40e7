import { runCli } from './program.js';

/** Runs the CLI on the real process and sets its exit code. Only this file touches `process` directly. */
export async function main(): Promise<void> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const code = await runCli(process.argv, {
    env: process.env,
    cwd: process.cwd(),
    stdout: { write: (s) => void process.stdout.write(s), isTTY: process.stdout.isTTY === true },
    stderr: { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY === true },
    now: () => new Date(),
  });
  process.exitCode = code;
}
