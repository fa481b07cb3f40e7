/**
 * Launch `moto_server` for integration tests: one server per test file, on a free port of 127.0.0.1.
 * Test support only (reads `PATH`, `HOME` and `CI`; spawns a process) — never imported by the library.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** How to start moto: an executable and the arguments before `-H host -p port`. */
export interface MotoCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** A running moto server. */
export interface MotoServer {
  /** `http://127.0.0.1:<port>` — pass as `endpoint` to the SDK clients. */
  readonly endpoint: string;
  readonly port: number;
  /** Queue Athena results: the next `GetQueryResults` of a new execution takes the first queued entry. */
  setAthenaResults(results: readonly MotoAthenaResult[]): Promise<void>;
  /** Configure state transitions of a model (`glue::job_run`, `athena::execution`), see moto's state manager. */
  setTransition(
    model: string,
    transition: { progression: 'immediate' } | { progression: 'manual'; times: number },
  ): Promise<void>;
  /** Kill the server. */
  stop(): Promise<void>;
}

/** One result set for moto's Athena results queue. */
export interface MotoAthenaResult {
  readonly rows: ReadonlyArray<{ Data: ReadonlyArray<{ VarCharValue?: string }> }>;
  readonly column_info: ReadonlyArray<Record<string, unknown>>;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Find moto: `moto_server` on `PATH`, else `~/.pyenv/shims/moto_server`, else `python3 -m moto.server` when the
 * module imports. `undefined` when none works.
 */
export function findMotoCommand(): MotoCommand | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, 'moto_server'))) return { command: join(dir, 'moto_server'), args: [] };
  }
  const shim = join(homedir(), '.pyenv', 'shims', 'moto_server');
  if (isExecutable(shim)) return { command: shim, args: [] };
  const probe = spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' });
  if (probe.status === 0) return { command: 'python3', args: ['-m', 'moto.server'] };
  return undefined;
}

/**
 * The moto command, or `undefined` (tests skip) with a warning when it is missing.
 * @throws {Error} when moto is missing and `CI=true`: CI must not silently skip the integration tier
 */
export function requireMotoCommand(): MotoCommand | undefined {
  const found = findMotoCommand();
  if (found) return found;
  const message =
    'moto_server not found (looked on PATH, in ~/.pyenv/shims, and for `python3 -m moto.server`); ' +
    'install it with `pip install "moto[server]"` to run the AWS integration tests';
  if (process.env['CI'] === 'true') throw new Error(`${message} — required when CI=true`);
  console.warn(`skipping AWS integration tests: ${message}`);
  return undefined;
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`moto_server exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${timeoutMs} ms`);
}

/**
 * Start moto on a free port of 127.0.0.1 and wait until it answers.
 * @param command from {@link requireMotoCommand}
 */
export async function startMotoServer(command: MotoCommand, timeoutMs = 30_000): Promise<MotoServer> {
  for (let attempt = 0; ; attempt++) {
    const port = await findFreePort();
    const endpoint = `http://127.0.0.1:${port}`;
    let stderr = '';
    const child = spawn(command.command, [...command.args, '-H', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    try {
      await waitForReady(endpoint, child, timeoutMs);
    } catch (error) {
      child.kill('SIGKILL');
      // Another process may have taken the port between probing and binding: try again once.
      if (attempt < 1) continue;
      throw new Error(`${(error as Error).message}\n${stderr}`, { cause: error });
    }
    const post = async (path: string, body: unknown): Promise<void> => {
      const response = await fetch(`${endpoint}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`moto ${path} answered ${response.status}: ${await response.text()}`);
    };
    return {
      endpoint,
      port,
      setAthenaResults: (results) => post('/moto-api/static/athena/query-results', { results }),
      setTransition: (model_name, transition) =>
        post('/moto-api/state-manager/set-transition', { model_name, transition }),
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          // SIGKILL: a throwaway in-memory server; a graceful werkzeug shutdown only costs seconds.
          child.kill('SIGKILL');
        }),
    };
  }
}
