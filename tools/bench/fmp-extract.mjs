// Benchmark: extract 500 symbols × 1 session through the fake FMP HTTP server (25 ms latency, premium
// plan) with fmp-client, against the floor requests × latency ÷ concurrency and against a bare-fetch
// baseline doing the same requests with the same concurrency in this same process.
//
// Build first:  NX_DAEMON=false npx nx run-many -t build -p fmp-sim fmp-client --outputStyle=static
// Run:          node tools/bench/fmp-extract.mjs [--symbols 500] [--latency-ms 25] [--concurrency 4,8,16]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createFmpClient } from '@nasdaq-pipeline/fmp-client';
import { createSimFetch, generateBars } from '@nasdaq-pipeline/fmp-sim';

const { values } = parseArgs({
  options: {
    symbols: { type: 'string', default: '500' },
    'latency-ms': { type: 'string', default: '25' },
    concurrency: { type: 'string', default: '4,8,16' },
    'generate-symbols': { type: 'string', default: '3000' },
  },
});
const SYMBOLS = Number(values.symbols);
const LATENCY = Number(values['latency-ms']);
const CONCURRENCIES = values.concurrency.split(',').map(Number);
const SESSION = '2025-06-13';
const NOW = new Date('2025-06-13T22:00:00Z'); // Friday 18:00 New York: the session is complete.

const symbols = Array.from({ length: SYMBOLS }, (_, i) => `B${String(i).padStart(4, '0')}`);

// CPU time of this (client) process since `start`, in ms: unlike wall time, barely moved by other load.
function cpuMs(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const SERVER = fileURLToPath(new URL('../fake-fmp-server/index.js', import.meta.url));

// The fake server runs in its own process (node tools/fake-fmp-server), as a real FMP would, so the
// client's event loop is not shared with the server's. A fresh server per run keeps each run inside
// the premium per-minute call limit the fake enforces.
async function withServer(fn) {
  const child = spawn(
    process.execPath,
    [
      SERVER,
      '--port',
      '0',
      '--latency-ms',
      String(LATENCY),
      '--plan',
      'premium',
      '--seed',
      '1',
      '--now',
      NOW.toISOString(),
      '--symbols',
      symbols.join(','),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const [chunk] = await once(child.stdout, 'data');
    const url = String(chunk).trim();
    return await fn({ url });
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

async function runBareFetch(concurrency) {
  return withServer(async (server) => {
    let next = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < symbols.length) {
          const symbol = symbols[next++];
          const r = await fetch(
            `${server.url}/historical-price-eod/full?symbol=${symbol}&from=${SESSION}&to=${SESSION}`,
          );
          await r.text();
        }
      }),
    );
    return { ms: performance.now() - started, cpuMs: cpuMs(cpu), requests: symbols.length };
  });
}

// The same extraction over createSimFetch (same latency, no sockets): isolates the client's own cost
// from the HTTP stack's.
async function runClientInProcess(concurrency) {
  const fetch = createSimFetch({ latencyMs: LATENCY, plan: 'premium', seed: 1, now: () => NOW, symbols });
  const client = createFmpClient({
    apiKey: undefined,
    plan: 'premium',
    concurrency,
    fetch,
    clock: () => NOW,
  });
  const started = performance.now();
  const results = await Promise.all(
    symbols.map((symbol) => client.historicalEod({ symbol, from: SESSION, to: SESSION })),
  );
  const rows = results.reduce((n, r) => n + r.rows.length, 0);
  if (rows !== symbols.length) throw new Error(`expected ${symbols.length} bars, got ${rows}`);
  return { ms: performance.now() - started };
}

async function runClient(concurrency) {
  return withServer(async (server) => {
    const client = createFmpClient({
      apiKey: 'bench',
      baseUrl: server.url,
      plan: 'premium',
      concurrency,
      clock: () => NOW,
    });
    const cpu = process.cpuUsage();
    const started = performance.now();
    const results = await Promise.all(
      symbols.map((symbol) => client.historicalEod({ symbol, from: SESSION, to: SESSION })),
    );
    const ms = performance.now() - started;
    const rows = results.reduce((n, r) => n + r.rows.length, 0);
    if (rows !== symbols.length) throw new Error(`expected ${symbols.length} bars, got ${rows}`);
    return { ms, cpuMs: cpuMs(cpu), requests: results.reduce((n, r) => n + r.raw.length, 0) };
  });
}

// Warm-up (JIT, connection pool) on a small slice.
await runClient(8);

const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;
console.log(
  `fmp-extract: ${SYMBOLS} symbols × 1 session, latency ${LATENCY} ms, premium plan, node ${process.version}, load average ${loadavg()[0].toFixed(1)}`,
);
console.log(
  'concurrency | floor   | HTTP: bare fetch | HTTP: fmp-client | client/floor | client/bare | in-process: fmp-client | client/floor | CPU/request bare → client',
);
for (const c of CONCURRENCIES) {
  const floor = (SYMBOLS * LATENCY) / c;
  const bare = await runBareFetch(c);
  const client = await runClient(c);
  const local = await runClientInProcess(c);
  console.log(
    [
      String(c).padStart(11),
      fmt(floor).padStart(7),
      fmt(bare.ms).padStart(16),
      fmt(client.ms).padStart(16),
      `${(client.ms / floor).toFixed(2)}×`.padStart(12),
      `${(client.ms / bare.ms).toFixed(2)}×`.padStart(11),
      fmt(local.ms).padStart(22),
      `${(local.ms / floor).toFixed(2)}×`.padStart(12),
      `${(bare.cpuMs / SYMBOLS).toFixed(2)} → ${(client.cpuMs / SYMBOLS).toFixed(2)} ms`,
    ].join(' | ') + (client.requests !== SYMBOLS ? `  (requests: ${client.requests})` : ''),
  );
}

// Part 2: dataset generation for other benchmarks — generateBars for N symbols × 10 years, against
// a baseline that only allocates the same number of bar-shaped objects (the cost floor of any generator).
const GEN = Number(values['generate-symbols']);
let t = performance.now();
let bars = 0;
for (let i = 0; i < GEN; i++) bars += generateBars(`G${i}`, '2015-01-01', '2024-12-31', { seed: 1 }).length;
const genMs = performance.now() - t;
const perSymbol = bars / GEN;
t = performance.now();
let sink = 0;
for (let i = 0; i < GEN; i++) {
  const rows = new Array(perSymbol);
  for (let j = 0; j < perSymbol; j++) {
    rows[j] = {
      symbol: 'G',
      date: '2015-01-02',
      open: j,
      high: j,
      low: j,
      close: j,
      volume: j,
      change: 0,
      changePercent: 0,
      vwap: j,
    };
  }
  sink += rows.length;
}
const allocMs = performance.now() - t;
console.log(
  `generateBars: ${GEN} symbols × 10 years = ${bars} bars in ${(genMs / 1000).toFixed(2)} s ` +
    `(${(((bars / genMs) * 1000) / 1e6).toFixed(2)} M bars/s); allocation-only baseline ${(allocMs / 1000).toFixed(2)} s ` +
    `(${(genMs / allocMs).toFixed(1)}× of it)${sink === bars ? '' : ' (mismatch)'}`,
);
