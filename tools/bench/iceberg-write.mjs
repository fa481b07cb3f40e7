// Benchmarks of the Iceberg write side (packages/iceberg), against the BUILT package:
//   NX_DAEMON=false npx nx build iceberg --outputStyle=static && node tools/bench/iceberg-write.mjs [rows] [snapshots]
// 1. Append commit latency on a table with 1,000 snapshots vs the same append on a fresh table (baseline).
// 2. Arrow → Parquet → commit throughput for 2M rows (rows/s, peak RSS), vs parquet-wasm alone on the same table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as arrow from 'apache-arrow';
// Dynamic import: other benchmarks lazy-load the package, and Nx forbids mixing static and lazy imports.
const {
  expireSnapshots,
  parseTableMetadata,
  serializeTableMetadata,
  FilesystemCatalog,
  LocalFileIO,
  Table,
  buildPartitionSpec,
  conformArrowTable,
  dataFileFromParquet,
  toFileUri,
  writeParquetBytes,
} = await import('@nasdaq-pipeline/iceberg');

const ROWS = Number(process.argv[2] ?? 2_000_000);
const SNAPSHOTS = Number(process.argv[3] ?? 1000);
const ONLY = process.argv[4] ?? 'all'; // all | latency | throughput
const root = mkdtempSync(path.join(tmpdir(), 'iceberg-bench-'));
const io = new LocalFileIO();
const catalog = new FilesystemCatalog({ warehouse: toFileUri(root), io });

const schema = {
  type: 'struct',
  schemaId: 0,
  fields: [
    { id: 1, name: 'symbol', required: true, type: 'string' },
    { id: 2, name: 'trade_date', required: true, type: 'date' },
    { id: 3, name: 'open_price', required: false, type: 'double' },
    { id: 4, name: 'high_price', required: false, type: 'double' },
    { id: 5, name: 'low_price', required: false, type: 'double' },
    { id: 6, name: 'close_price', required: false, type: 'double' },
    { id: 7, name: 'volume', required: false, type: 'long' },
    { id: 8, name: 'change_percentage', required: false, type: 'double' },
    { id: 9, name: 'ingested_at', required: false, type: 'timestamptz' },
  ],
};

function buildRows(n) {
  const symbols = Array.from({ length: 500 }, (_, i) => `S${String(i).padStart(4, '0')}`);
  const days = Math.ceil(n / symbols.length);
  const startDay = 19000 - days; // ending around 2022
  const sym = new Array(n);
  const date = new Int32Array(n);
  const cols = Array.from({ length: 5 }, () => new Float64Array(n));
  const vol = new BigInt64Array(n);
  const ts = new BigInt64Array(n);
  for (let i = 0; i < n; i += 1) {
    sym[i] = symbols[i % symbols.length];
    date[i] = startDay + Math.floor(i / symbols.length);
    for (const c of cols) c[i] = 100 + Math.random() * 10;
    vol[i] = BigInt(1000 + (i % 100000));
    ts[i] = 1_700_000_000_000_000n + BigInt(i);
  }
  const mk = (type, values) =>
    arrow.makeVector(arrow.makeData({ type, length: n, nullCount: 0, data: values }));
  return new arrow.Table({
    symbol: arrow.vectorFromArray(sym, new arrow.Utf8()),
    trade_date: mk(new arrow.DateDay(), date),
    open_price: mk(new arrow.Float64(), cols[0]),
    high_price: mk(new arrow.Float64(), cols[1]),
    low_price: mk(new arrow.Float64(), cols[2]),
    close_price: mk(new arrow.Float64(), cols[3]),
    volume: mk(new arrow.Int64(), vol),
    change_percentage: mk(new arrow.Float64(), cols[4]),
    ingested_at: mk(new arrow.TimestampMicrosecond('UTC'), ts),
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function benchCommitLatency() {
  const identifier = { namespace: 'bench', name: 'history' };
  const fresh = { namespace: 'bench', name: 'fresh' };
  const t = await Table.create({ catalog, identifier }, { schema });
  // One small Parquet file, copied to a new path per snapshot (live paths must be unique).
  const small = conformArrowTable(buildRows(500), schema);
  const bytes = writeParquetBytes(small);
  let k = 0;
  const nextFile = async (loc) => {
    const p = `${loc}/data/f-${k++}.parquet`;
    await io.write(p, bytes);
    return dataFileFromParquet({ path: p, bytes }, { schema });
  };
  const loc = (await t.load()).metadata.location;
  const timeAppend = async (table, location) => {
    const f = await nextFile(location);
    const t0 = performance.now();
    await table.append([f]);
    return performance.now() - t0;
  };
  const early = [];
  const buildStart = performance.now();
  for (let i = 0; i < SNAPSHOTS; i += 1) {
    const ms = await timeAppend(t, loc);
    if (i >= 5 && i < 25) early.push(ms);
  }
  const buildMs = performance.now() - buildStart;
  const late = [];
  for (let i = 0; i < 20; i += 1) late.push(await timeAppend(t, loc));
  const f = await Table.create({ catalog, identifier: fresh }, { schema });
  const floc = (await f.load()).metadata.location;
  const base = [];
  for (let i = 0; i < 20; i += 1) base.push(await timeAppend(f, floc));
  const loaded = await t.load();
  const meta = loaded.metadata;
  // What does grow with history: the metadata JSON lists every snapshot and is parsed and written once per
  // commit. Manifests read per commit stay bounded (manifest merging).
  const json = serializeTableMetadata(meta);
  const jsonMs = [];
  for (let i = 0; i < 10; i += 1) {
    const t0 = performance.now();
    serializeTableMetadata(parseTableMetadata(json));
    jsonMs.push(performance.now() - t0);
  }
  await expireSnapshots(loaded, io, catalog, { retainLast: 10, olderThan: Date.now() + 1 });
  const expired = [];
  for (let i = 0; i < 20; i += 1) expired.push(await timeAppend(t, loc));
  return {
    buildMs,
    early: median(early),
    late: median(late),
    base: median(base),
    snapshots: meta.snapshots.length,
    jsonBytes: json.length,
    json: median(jsonMs),
    expired: median(expired),
  };
}

async function benchThroughput(partitioned) {
  const data = buildRows(ROWS);
  const rssData = process.resourceUsage().maxRSS;
  const identifier = { namespace: 'bench', name: partitioned ? 'rows_month' : 'rows_flat' };
  const spec = partitioned
    ? buildPartitionSpec(schema, [{ column: 'trade_date', transform: 'month' }])
    : undefined;
  const table = await Table.create(
    { catalog, identifier },
    { schema, ...(spec ? { partitionSpec: spec } : {}) },
  );
  let t0 = performance.now();
  const loaded = await table.append(data);
  const ms = performance.now() - t0;
  // Peak RSS so far (monotonic): test data + our write; measured before the baseline, whose whole-table
  // parquet-wasm call grows the wasm heap further.
  const rss = process.resourceUsage().maxRSS;
  // Baseline: parquet-wasm alone on the same Arrow table (no partitioning, metrics, manifests or commit).
  t0 = performance.now();
  writeParquetBytes(conformArrowTable(data, schema));
  const baseMs = performance.now() - t0;
  const snap = loaded.metadata.snapshots.at(-1);
  return {
    ms,
    baseMs,
    rss,
    rssData,
    files: snap.summary['added-data-files'],
    size: Number(snap.summary['added-files-size']),
  };
}

try {
  console.log(`node ${process.version}, ${ROWS} rows, ${SNAPSHOTS} snapshots`);
  if (ONLY !== 'throughput') {
    const c = await benchCommitLatency();
    console.log(
      `append commit latency: fresh table ${fmt(c.base)}; snapshots 5–25 ${fmt(c.early)}; at ${c.snapshots - 20}–${c.snapshots} snapshots ${fmt(c.late)} (×${(c.late / c.base).toFixed(2)} vs fresh), of which metadata JSON parse+write ${fmt(c.json)} (${(c.jsonBytes / 1024).toFixed(0)} KiB); after expiring to 10 snapshots ${fmt(c.expired)}; building ${SNAPSHOTS} snapshots took ${(c.buildMs / 1000).toFixed(1)} s`,
    );
  }
  for (const partitioned of ONLY === 'latency' ? [] : [false, true]) {
    const r = await benchThroughput(partitioned);
    console.log(
      `${partitioned ? 'month-partitioned' : 'unpartitioned'}: Arrow→Parquet→commit ${ROWS} rows in ${(r.ms / 1000).toFixed(2)} s = ${Math.round(ROWS / (r.ms / 1000)).toLocaleString('en-US')} rows/s, ${r.files} files, ${(r.size / 1e6).toFixed(1)} MB; parquet-wasm alone ${(r.baseMs / 1000).toFixed(2)} s (×${(r.ms / r.baseMs).toFixed(2)}); peak RSS ${(r.rss / 1024).toFixed(0)} MB (${(r.rssData / 1024).toFixed(0)} MB after building the test data)`,
    );
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
