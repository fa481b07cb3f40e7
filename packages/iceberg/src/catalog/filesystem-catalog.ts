import { randomUUID } from 'node:crypto';
import {
  CommitConflictError,
  CommitStateUnknownError,
  TableAlreadyExistsError,
  TableNotFoundError,
  ValidationError,
} from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { newTableMetadata } from '../metadata/new-table-metadata.js';
import { parseTableMetadata, serializeTableMetadata } from '../metadata/table-metadata-json.js';
import type { TableIdentifier, TableMetadata } from '../metadata/types.js';
import type { Catalog, CreateTableOptions, LoadedTable } from './catalog.js';

/** Options of {@link FilesystemCatalog}. */
export interface FilesystemCatalogOptions {
  /** Warehouse root URI (`file:///…` or `s3://bucket/prefix`); tables live at `<warehouse>/<namespace>/<name>`. */
  readonly warehouse: string;
  readonly io: FileIO;
  /** Clock (ms since epoch). Default `Date.now`. */
  readonly now?: () => number;
  /** UUID source. Default `crypto.randomUUID`. */
  readonly randomUUID?: () => string;
}

const NAME_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const VERSION_RE = /^v(\d+)\.metadata\.json$/;

/**
 * The `filesystem` (Hadoop-style) catalog: the table's current version is the highest
 * `metadata/v<N>.metadata.json`. A commit creates `v<N+1>.metadata.json` with an exclusive create — the lost race
 * sees "already exists" and gets a {@link CommitConflictError} — then rewrites `version-hint.text` (just `N`, no
 * newline, like Java) best-effort. Readers treat the hint as a hint and probe forward (iceberg.md §9).
 * Safe on S3 only with a FileIO whose `createExclusive` uses `If-None-Match: *`.
 */
export class FilesystemCatalog implements Catalog {
  readonly io: FileIO;
  readonly warehouse: string;
  private readonly now: () => number;
  private readonly uuid: () => string;

  constructor(options: FilesystemCatalogOptions) {
    this.io = options.io;
    this.warehouse = options.warehouse.replace(/\/+$/, '');
    this.now = options.now ?? Date.now;
    this.uuid = options.randomUUID ?? randomUUID;
  }

  /** Default location of a table. @throws {ValidationError} for unsafe names */
  tableLocation(identifier: TableIdentifier): string {
    for (const part of [identifier.namespace, identifier.name]) {
      if (!NAME_RE.test(part))
        throw new ValidationError(`iceberg: invalid namespace or table name ${JSON.stringify(part)}`);
    }
    return `${this.warehouse}/${identifier.namespace}/${identifier.name}`;
  }

  async loadTable(identifier: TableIdentifier): Promise<LoadedTable> {
    const location = this.tableLocation(identifier);
    const version = await this.findCurrentVersion(location);
    if (version === undefined)
      throw new TableNotFoundError(
        `iceberg: table ${identifier.namespace}.${identifier.name} not found at ${location}`,
      );
    const metadataLocation = metadataPath(location, version);
    const text = new TextDecoder().decode(await this.io.read(metadataLocation));
    return {
      identifier,
      metadata: parseTableMetadata(text, metadataLocation),
      metadataLocation,
      version: String(version),
    };
  }

  async createTable(identifier: TableIdentifier, options: CreateTableOptions): Promise<LoadedTable> {
    const location = options.location?.replace(/\/+$/, '') ?? this.tableLocation(identifier);
    if ((await this.findCurrentVersion(this.tableLocation(identifier))) !== undefined) {
      throw new TableAlreadyExistsError(
        `iceberg: table ${identifier.namespace}.${identifier.name} already exists`,
      );
    }
    const metadata = newTableMetadata({ ...options, location, tableUuid: this.uuid(), nowMs: this.now() });
    const metadataLocation = metadataPath(this.tableLocation(identifier), 1);
    if (!(await this.io.createExclusive(metadataLocation, encode(serializeTableMetadata(metadata))))) {
      throw new TableAlreadyExistsError(
        `iceberg: table ${identifier.namespace}.${identifier.name} already exists`,
      );
    }
    await this.writeHint(this.tableLocation(identifier), 1);
    return { identifier, metadata, metadataLocation, version: '1' };
  }

  async commitTable(base: LoadedTable, newMetadata: TableMetadata): Promise<LoadedTable> {
    const location = this.tableLocation(base.identifier);
    const next = Number(base.version) + 1;
    const metadataLocation = metadataPath(location, next);
    // The exclusive create IS the atomic swap: exactly one writer can create v<N+1>.
    const bytes = encode(serializeTableMetadata(newMetadata));
    let created: boolean;
    try {
      created = await this.io.createExclusive(metadataLocation, bytes);
    } catch (error) {
      created = await this.landedDespite(error, metadataLocation, bytes);
    }
    if (!created) {
      throw new CommitConflictError(
        `iceberg: ${base.identifier.namespace}.${base.identifier.name} moved past version ${base.version} (another writer committed v${next}); reload and retry`,
      );
    }
    await this.writeHint(location, next);
    return { identifier: base.identifier, metadata: newMetadata, metadataLocation, version: String(next) };
  }

  async tableExists(identifier: TableIdentifier): Promise<boolean> {
    return (await this.findCurrentVersion(this.tableLocation(identifier))) !== undefined;
  }

  async listTables(namespace: string): Promise<TableIdentifier[]> {
    const prefix = `${this.warehouse}/${namespace}/`;
    const names = new Set<string>();
    // List only each table's metadata folder when the FileIO can enumerate folders: a full listing would visit
    // every data file of the namespace.
    const folders = this.io.listFolders ? await this.io.listFolders(prefix) : [prefix];
    for (const folder of folders) {
      for await (const f of this.io.list(folder === prefix ? prefix : `${folder}metadata/`)) {
        const rest = f.path.slice(prefix.length).split('/');
        if (rest.length === 3 && rest[1] === 'metadata' && VERSION_RE.test(rest[2]!)) names.add(rest[0]!);
      }
    }
    return [...names].sort().map((name) => ({ namespace, name }));
  }

  async dropTable(identifier: TableIdentifier, options: { purge?: boolean } = {}): Promise<void> {
    const location = this.tableLocation(identifier);
    const paths: string[] = [];
    const prefix = options.purge ? `${location}/` : `${location}/metadata/`;
    for await (const f of this.io.list(prefix)) paths.push(f.path);
    if (paths.length === 0)
      throw new TableNotFoundError(`iceberg: table ${identifier.namespace}.${identifier.name} not found`);
    await this.io.delete(paths);
  }

  /**
   * Rewrite `version-hint.text` when it is missing or names an older version than the current one — what a writer
   * killed between its metadata create (the commit) and the hint write leaves. Our reader probes forward, but
   * readers that trust the hint (icebird, DuckDB's iceberg extension) would read the older version until the next
   * commit. Run it under the writer lock (the CLI does, in every writing command and `maintain`).
   * @returns the hint's previous value (null when absent or unreadable) and the version written; null when the
   *   hint was right or the table does not exist
   */
  async repairVersionHint(identifier: TableIdentifier): Promise<{ from: number | null; to: number } | null> {
    const location = this.tableLocation(identifier);
    const current = await this.findCurrentVersion(location);
    if (current === undefined) return null;
    const hint = await this.readHint(location);
    if (hint === current) return null;
    await this.io.write(hintPath(location), encode(String(current)));
    return { from: hint, to: current };
  }

  /** The version `version-hint.text` names; null when it is missing, unreadable or not a positive integer. */
  private async readHint(location: string): Promise<number | null> {
    try {
      const hint = Number(new TextDecoder().decode(await this.io.read(hintPath(location))).trim());
      return Number.isInteger(hint) && hint > 0 ? hint : null;
    } catch {
      return null;
    }
  }

  /** Highest existing version: start at the hint (or a listing), then probe forward past stale hints. */
  private async findCurrentVersion(location: string): Promise<number | undefined> {
    // A missing or unreadable hint falls back to listing (spec: the hint is only a hint).
    const hint = await this.readHint(location);
    let version = hint !== null && (await this.io.exists(metadataPath(location, hint))) ? hint : undefined;
    if (version === undefined) {
      for await (const f of this.io.list(`${location}/metadata/`)) {
        const m = VERSION_RE.exec(f.path.slice(f.path.lastIndexOf('/') + 1));
        if (m) version = Math.max(version ?? 0, Number(m[1]));
      }
    }
    if (version === undefined) return undefined;
    while (await this.io.exists(metadataPath(location, version + 1))) version += 1;
    return version;
  }

  /**
   * The create of v<N+1> failed, but it may have landed before the failure (a lost response). The commit's caller
   * deletes its files on an error, which would corrupt a table that now points at them — so look first (spec:
   * "commit state unknown" must not clean up). Returns whether OUR metadata is v<N+1>; rethrows when nothing
   * landed; `false` when another writer's did.
   * @throws {CommitStateUnknownError} when even the look fails
   */
  private async landedDespite(error: unknown, path: string, bytes: Uint8Array): Promise<boolean> {
    let found: Uint8Array | undefined;
    try {
      found = (await this.io.exists(path)) ? await this.io.read(path) : undefined;
    } catch (lookError) {
      throw new CommitStateUnknownError(
        `iceberg: creating ${path} failed and its state cannot be read back: ${String(lookError)}; do not delete this commit's files`,
        { cause: error },
      );
    }
    if (found === undefined) throw error;
    return Buffer.from(found).equals(Buffer.from(bytes));
  }

  private async writeHint(location: string, version: number): Promise<void> {
    try {
      await this.io.write(hintPath(location), encode(String(version)));
    } catch {
      // Best-effort: the committed v<N> file is the truth; readers probe forward from a stale hint.
    }
  }
}

function hintPath(location: string): string {
  return `${location}/metadata/version-hint.text`;
}

function metadataPath(location: string, version: number): string {
  return `${location}/metadata/v${version}.metadata.json`;
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
