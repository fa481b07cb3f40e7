// Benchmark of @nasdaq-pipeline/market-calendar (not a test). Runs against the BUILT package:
//   NX_DAEMON=false npx nx build market-calendar --outputStyle=static && node tools/bench/market-calendar.mjs
// Prints a Markdown table for the `## market-calendar` section of BENCHMARKS.md.
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import {
  addDays,
  createNasdaqCalendar,
  nasdaqCalendar,
  SUPPORTED_RANGE,
} from '@nasdaq-pipeline/market-calendar';

/** Runs `fn` `runs` times and returns the median wall time in milliseconds. */
function median(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Deterministic PRNG (mulberry32) so every run queries the same dates. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rows = [];
const fmt = (n, digits = 2) => n.toFixed(digits);

// 1. First query on a fresh calendar: builds the 2000–2100 lookup tables.
{
  const t0 = performance.now();
  const cal = createNasdaqCalendar({ extraClosures: [{ date: '2030-01-02', name: 'bench' }] });
  cal.isSession('2025-01-09');
  rows.push([
    'cold start: createNasdaqCalendar + first query (tables for 101 years)',
    `${fmt(performance.now() - t0)} ms`,
  ]);
  const t1 = performance.now();
  createNasdaqCalendar().isSession('2025-01-09');
  rows.push(['second calendar (date index already shared)', `${fmt(performance.now() - t1)} ms`]);
}

// 2. sessionsBetween over the whole supported range (100+ years).
{
  let n = 0;
  const ms = median(21, () => {
    n = nasdaqCalendar.sessionsBetween(SUPPORTED_RANGE.from, SUPPORTED_RANGE.to).length;
  });
  rows.push([
    `sessionsBetween(${SUPPORTED_RANGE.from}, ${SUPPORTED_RANGE.to}) → ${n} sessions, median of 21`,
    `${fmt(ms)} ms`,
  ]);
}

// 3. 1e6 isSession calls on random dates of the range.
{
  const rnd = random(1);
  const dates = Array.from({ length: 1_000_000 }, () =>
    addDays(SUPPORTED_RANGE.from, Math.floor(rnd() * 36890)),
  );
  let open = 0;
  const ms = median(5, () => {
    open = 0;
    for (const d of dates) if (nasdaqCalendar.isSession(d)) open++;
  });
  rows.push([
    `1e6 isSession calls (random dates; ${fmt((open / 1e6) * 100, 1)} % sessions), median of 5`,
    `${fmt(ms)} ms (${fmt(1e6 / ms / 1000, 1)} M calls/s)`,
  ]);

  const prevMs = median(5, () => {
    for (const d of dates) nasdaqCalendar.previousSession(d <= '2000-01-03' ? '2000-01-04' : d);
  });
  rows.push(['1e6 previousSession calls, median of 5', `${fmt(prevMs)} ms`]);
}

// 4. lastCompletedSession: one Intl.DateTimeFormat#formatToParts per call.
{
  const base = Date.UTC(2025, 0, 1);
  const instants = Array.from({ length: 100_000 }, (_, i) => new Date(base + i * 317_000));
  const ms = median(5, () => {
    for (const now of instants) nasdaqCalendar.lastCompletedSession(now);
  });
  rows.push([
    '1e5 lastCompletedSession calls, median of 5',
    `${fmt(ms)} ms (${fmt((ms * 1000) / 1e5, 2)} µs/call)`,
  ]);
}

console.log(
  `Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), ${new Date().toISOString().slice(0, 10)}`,
);
console.log('');
console.log('| Measure | Result |');
console.log('| --- | --- |');
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
