import type { CliDeps } from '../deps.js';
import { runCli } from '../program.js';

/** Result of running the CLI in-process. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `nasdaq-pipeline <args>` in-process with captured output (tests only). */
export async function runInProcess(
  args: string[],
  deps: Partial<CliDeps> & { cwd: string },
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['node', 'nasdaq-pipeline', ...args], {
    env: {},
    now: () => new Date(),
    ...deps,
    stdout: { write: (s) => void out.push(s) },
    stderr: { write: (s) => void err.push(s) },
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
