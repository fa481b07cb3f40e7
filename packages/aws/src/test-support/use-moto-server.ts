/**
 * One `moto_server` for the tests of a file: found and started by the test runner's hooks, stopped after the last
 * test. Test support only — never imported by the library. The hooks are passed in (`{ beforeAll, afterAll }` from
 * vitest, jest or mocha), so this module depends on no test framework.
 */
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createMotoClients, type MotoClients } from './clients.js';
import { requireMotoCommand, startMotoServer, type MotoServer } from './moto.js';

/** Options of {@link useMotoServer}: the test runner's file-level hooks, and how long starting moto may take. */
export interface UseMotoServerOptions {
  /** The runner's `beforeAll` (vitest, jest, mocha's `before`): `(fn, timeoutMs?) => void`. */
  readonly beforeAll: (fn: () => Promise<void>, timeoutMs?: number) => void;
  /** The runner's `afterAll` (mocha's `after`). */
  readonly afterAll: (fn: () => Promise<void>) => void;
  /** Timeout of the `beforeAll` hook that starts moto, in ms. Default: the runner's. */
  readonly hookTimeoutMs?: number;
}

/**
 * The moto server of a test file, filled in by the `beforeAll` hook {@link useMotoServer} registers. Reading
 * `server`, `endpoint` or `clients` before that hook ran (at collection time, or when moto is missing) throws.
 */
export interface MotoTestServer {
  /** `false` when moto is missing: skip with `describe.skipIf(!moto.available)`. */
  readonly available: boolean;
  readonly server: MotoServer;
  /** `http://127.0.0.1:<port>` — pass as `endpoint` to SDK clients or as `AWS_ENDPOINT_URL` to the CLI. */
  readonly endpoint: string;
  /** S3, Glue and Athena clients for the server ({@link createMotoClients}). */
  readonly clients: MotoClients;
  /**
   * Create a bucket whose name no other call on this server returned: `<prefix>-<n>`, so tests sharing the
   * server never see each other's objects.
   * @param prefix a valid start of a bucket name (lowercase letters, digits, `-`). Default `bucket`.
   */
  createBucket(prefix?: string): Promise<string>;
}

/**
 * Register `beforeAll`/`afterAll` hooks in the calling scope (call it at the top of a test file:
 * `const moto = useMotoServer({ beforeAll, afterAll })`) that start moto on a free port and stop it, and return a
 * handle they fill in. When moto is missing, the handle says
 * so (`available: false`) with a warning and the hooks do nothing; the tests should be skipped.
 * @throws {Error} when moto is missing and `CI=true` (see {@link requireMotoCommand}): CI must not silently
 * skip the integration tier
 */
export function useMotoServer(options: UseMotoServerOptions): MotoTestServer {
  const command = requireMotoCommand();
  let started: { server: MotoServer; clients: MotoClients } | undefined;
  let buckets = 0;
  const get = () => {
    if (started) return started;
    throw new Error(
      command
        ? 'moto_server is not started yet: use the handle inside tests or hooks, not while collecting them'
        : 'moto_server is missing: skip these tests with describe.skipIf(!moto.available)',
    );
  };

  options.beforeAll(async () => {
    if (!command) return;
    const server = await startMotoServer(command);
    started = { server, clients: createMotoClients(server.endpoint) };
  }, options.hookTimeoutMs);
  options.afterAll(async () => {
    await started?.server.stop();
    started = undefined;
  });

  return {
    available: command !== undefined,
    get server() {
      return get().server;
    },
    get endpoint() {
      return get().server.endpoint;
    },
    get clients() {
      return get().clients;
    },
    async createBucket(prefix = 'bucket') {
      const name = `${prefix}-${++buckets}`;
      await get().clients.s3.send(new CreateBucketCommand({ Bucket: name }));
      return name;
    },
  };
}
