import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimMarket, type SimMarketOptions } from './create-sim-market.js';

/** Options of {@link startSimServer}. */
export interface SimServerOptions extends SimMarketOptions {
  /** Port (default 0: any free port). */
  port?: number;
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /** Delay before each answer in ms (default 0). */
  latencyMs?: number;
}

/** A running simulated FMP server. */
export interface SimServer {
  /** Stable API root, e.g. `http://127.0.0.1:43125/stable`. */
  url: string;
  /** Stops listening, drops open connections (hung `timeout` requests too) and pending answers. */
  close(): Promise<void>;
  /** Requests received so far. */
  requests(): number;
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  return headers;
}

/**
 * Starts the simulated market as a real HTTP server (node:http) answering FMP stable paths, for
 * integration tests and benchmarks. `reset` faults destroy the socket; `timeout` faults never answer.
 * @throws {SimConfigError} for bad options; rejects when the port cannot be bound
 */
export async function startSimServer(options: SimServerOptions = {}): Promise<SimServer> {
  const market = createSimMarket(options);
  const host = options.host ?? '127.0.0.1';
  const latencyMs = options.latencyMs ?? 0;
  const pending = new Set<NodeJS.Timeout>();

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const result = market.handle({ method: req.method ?? 'GET', url, headers: toHeaders(req) });
    if (result.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (result.kind === 'hang') return;
    res.writeHead(result.status, { ...result.headers, 'content-length': Buffer.byteLength(result.body) });
    res.end(result.body);
  }

  const server = createServer((req, res) => {
    req.resume();
    if (latencyMs <= 0) {
      answer(req, res);
      return;
    }
    const timer = setTimeout(() => {
      pending.delete(timer);
      answer(req, res);
    }, latencyMs);
    pending.add(timer);
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/stable`,
    requests: () => market.requests(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of pending) clearTimeout(timer);
        pending.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
