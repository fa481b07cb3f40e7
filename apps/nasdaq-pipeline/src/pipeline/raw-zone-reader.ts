import type { FileIO } from '@nasdaq-pipeline/iceberg';
import { barsFromBody } from './extract-stage.js';
import type { RawManifest } from './raw-zone.js';
import { joinUri } from './uri.js';

/** Raw history and profiles read back from the raw zone (for `transform`, `--rebuild` and `validate`). */
export interface RawZoneContents {
  /** One raw bar per (symbol, date): the one received by the latest run (run ids sort by time). */
  bars: Record<string, unknown>[];
  /** Latest profile per symbol. */
  profiles: Map<string, Record<string, unknown>>;
  /** Runs read. */
  runIds: string[];
}

async function readManifests(
  io: FileIO,
  root: string,
  endpoint: string,
): Promise<{ dir: string; manifest: RawManifest }[]> {
  const prefix = joinUri(root, 'raw', 'fmp', endpoint) + '/';
  const out: { dir: string; manifest: RawManifest }[] = [];
  for await (const f of io.list(prefix)) {
    if (!f.path.endsWith('/_manifest.json')) continue;
    const manifest = JSON.parse(new TextDecoder().decode(await io.read(f.path))) as RawManifest;
    out.push({ dir: f.path.slice(0, -'/_manifest.json'.length), manifest });
  }
  return out.sort((a, b) => a.manifest.runId.localeCompare(b.manifest.runId));
}

/**
 * Reads every successful history and profile response of the raw zone, optionally only runs in
 * `runIds`, and keeps the latest copy of each (symbol, date): what a rebuild recomputes from,
 * without calling FMP.
 */
export async function readRawZone(
  io: FileIO,
  root: string,
  options: { runIds?: ReadonlySet<string> } = {},
): Promise<RawZoneContents> {
  const bars = new Map<string, Record<string, unknown>>();
  const profiles = new Map<string, Record<string, unknown>>();
  const runIds = new Set<string>();
  for (const { dir, manifest } of await readManifests(io, root, 'historical-price-eod/full')) {
    if (options.runIds && !options.runIds.has(manifest.runId)) continue;
    runIds.add(manifest.runId);
    const perRun = new Map<string, Record<string, unknown>[]>();
    for (const e of manifest.entries) {
      if (e.status !== 200) continue;
      for (const bar of barsFromBody(new TextDecoder().decode(await io.read(joinUri(dir, e.file))))) {
        const key = `${String(bar['symbol'])}|${String(bar['date'])}`;
        const list = perRun.get(key) ?? [];
        list.push(bar);
        perRun.set(key, list);
      }
    }
    // A later run replaces earlier runs' bars for the same key; within one run every copy is kept,
    // so the record rules still see (and quarantine) conflicting duplicates.
    for (const [key, list] of perRun) {
      list.forEach((bar, i) => bars.set(i === 0 ? key : `${key}|${i}`, bar));
      for (let i = list.length; bars.has(`${key}|${i}`); i++) bars.delete(`${key}|${i}`);
    }
  }
  for (const { dir, manifest } of await readManifests(io, root, 'profile')) {
    if (options.runIds && !options.runIds.has(manifest.runId)) continue;
    for (const e of manifest.entries) {
      if (e.status !== 200) continue;
      try {
        const rows = JSON.parse(new TextDecoder().decode(await io.read(joinUri(dir, e.file)))) as unknown;
        if (Array.isArray(rows) && rows[0] && typeof rows[0] === 'object') {
          const p = rows[0] as Record<string, unknown>;
          profiles.set(String(p['symbol']), p);
        }
      } catch {
        // a malformed profile body stays in the raw zone; the symbol keeps its previous profile
      }
    }
  }
  return { bars: [...bars.values()], profiles, runIds: [...runIds] };
}
