import { createHash } from 'node:crypto';
import { joinUri } from './uri.js';

/** The part of a FileIO the raw zone needs. */
export interface RawZoneIO {
  createExclusive(path: string, bytes: Uint8Array): Promise<boolean>;
}

/** One HTTP exchange as the FMP client reports it (key already removed). */
export interface RawExchangeLike {
  endpoint: string;
  params: Record<string, string>;
  status: number;
  body: string;
  contentType: string | null;
  receivedAt: string;
  attempt?: number;
}

/** One line of a run's raw manifest. */
export interface RawManifestEntry {
  file: string;
  endpoint: string;
  params: Record<string, string>;
  status: number;
  bytes: number;
  sha256: string;
  receivedAt: string;
  contentType: string | null;
  attempt: number;
}

/** The `_manifest.json` of one endpoint folder of one run. */
export interface RawManifest {
  runId: string;
  endpoint: string;
  ingestDate: string;
  entries: RawManifestEntry[];
}

function extensionFor(contentType: string | null, body: string): string {
  if (contentType?.includes('csv')) return 'csv';
  const t = body.trimStart();
  if (contentType?.includes('json') || t.startsWith('[') || t.startsWith('{')) return 'json';
  return 'txt';
}

function slug(params: Record<string, string>): string {
  const s = params['symbol'] ?? params['symbols'] ?? params['date'] ?? params['exchange'] ?? 'all';
  return s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
}

/**
 * Lands FMP responses in the raw zone exactly as received:
 * `<root>/raw/fmp/<endpoint>/ingest_date=<date>/run=<run_id>/<seq>-<symbol>.<ext>`, each created
 * exclusively (raw files are immutable, never overwritten), plus a `_manifest.json` per endpoint
 * folder written by {@link RawZoneWriter.finish}.
 */
export class RawZoneWriter {
  private readonly manifests = new Map<string, RawManifest>();
  private seq = 0;

  constructor(
    private readonly io: RawZoneIO,
    private readonly root: string,
    private readonly runId: string,
    private readonly ingestDate: string,
  ) {}

  private folder(endpoint: string): string {
    return joinUri(this.root, 'raw', 'fmp', endpoint, `ingest_date=${this.ingestDate}`, `run=${this.runId}`);
  }

  /** Lands one exchange; returns its manifest entry. */
  async land(ex: RawExchangeLike): Promise<RawManifestEntry> {
    const bytes = new TextEncoder().encode(ex.body);
    const name = `${String(++this.seq).padStart(6, '0')}-${slug(ex.params)}.${extensionFor(ex.contentType, ex.body)}`;
    const file = joinUri(this.folder(ex.endpoint), name);
    if (!(await this.io.createExclusive(file, bytes))) {
      throw new Error(`raw zone file ${file} already exists; raw files are never overwritten`);
    }
    const entry: RawManifestEntry = {
      file: name,
      endpoint: ex.endpoint,
      params: ex.params,
      status: ex.status,
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      receivedAt: ex.receivedAt,
      contentType: ex.contentType,
      attempt: ex.attempt ?? 1,
    };
    let m = this.manifests.get(ex.endpoint);
    if (!m) {
      m = { runId: this.runId, endpoint: ex.endpoint, ingestDate: this.ingestDate, entries: [] };
      this.manifests.set(ex.endpoint, m);
    }
    m.entries.push(entry);
    return entry;
  }

  /** Number of exchanges landed so far. */
  get count(): number {
    return this.seq;
  }

  /** Writes one `_manifest.json` per endpoint folder; returns their URIs. */
  async finish(): Promise<string[]> {
    const out: string[] = [];
    for (const m of this.manifests.values()) {
      const file = joinUri(this.folder(m.endpoint), '_manifest.json');
      await this.io.createExclusive(file, new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`));
      out.push(file);
    }
    return out;
  }
}
