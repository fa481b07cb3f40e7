import { randomUUID } from 'node:crypto';
import {
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteTableCommand,
  GetTableCommand,
  GetTablesCommand,
  UpdateTableCommand,
  type GlueClient,
  type Table,
} from '@aws-sdk/client-glue';
import {
  CommitConflictError,
  CommitStateUnknownError,
  newTableMetadata,
  parseTableMetadata,
  serializeTableMetadata,
  TableAlreadyExistsError,
  TableNotFoundError,
  ValidationError,
  type Catalog,
  type CreateTableOptions,
  type FileIO,
  type LoadedTable,
  type TableIdentifier,
  type TableMetadata,
} from '@nasdaq-pipeline/iceberg';
import { computePollDelay, sleepWithSignal, type Sleep } from '../util/poll.js';
import { buildGlueTableInput } from './build-table-input.js';
import { buildMetadataLocation } from './metadata-file-name.js';

/** Options of {@link GlueCatalog}. */
export interface GlueCatalogOptions {
  readonly glue: GlueClient;
  /** Writes and reads the metadata files (an `S3FileIO`). */
  readonly io: FileIO;
  /** Warehouse root `s3://bucket/prefix`; tables default to `<warehouse>/<namespace>/<name>`. */
  readonly warehouse: string;
  /** Glue catalog id (AWS account id) when not the caller's own. */
  readonly catalogId?: string;
  /** `UpdateTable` attempts after a `ConcurrentModificationException` while our base is still current. Default 4. */
  readonly maxCommitRetries?: number;
  /** Clock (ms since epoch). Default `Date.now`. */
  readonly now?: () => number;
  /** UUID source. Default `crypto.randomUUID`. */
  readonly randomUUID?: () => string;
  /** Sleep between commit retries. Default `setTimeout`. */
  readonly sleep?: Sleep;
}

const NAME_RE = /^[a-z0-9_]{1,255}$/;

/**
 * Iceberg {@link Catalog} on the AWS Glue Data Catalog, in the layout Athena, Spark and PyIceberg read
 * (iceberg.md §9): a Glue database per namespace, an `EXTERNAL_TABLE` per table whose `metadata_location`
 * parameter points at the current `<V>-<uuid>.metadata.json`. A commit writes the new metadata file once, then
 * swaps the pointer with `UpdateTable` guarded by the table's `VersionId`.
 */
export class GlueCatalog implements Catalog {
  readonly io: FileIO;
  readonly warehouse: string;
  private readonly glue: GlueClient;
  private readonly catalogId: { CatalogId?: string };
  private readonly maxRetries: number;
  private readonly now: () => number;
  private readonly uuid: () => string;
  private readonly sleep: Sleep;

  constructor(options: GlueCatalogOptions) {
    this.glue = options.glue;
    this.io = options.io;
    this.warehouse = options.warehouse.replace(/\/+$/, '');
    this.catalogId = options.catalogId !== undefined ? { CatalogId: options.catalogId } : {};
    this.maxRetries = options.maxCommitRetries ?? 4;
    this.now = options.now ?? Date.now;
    this.uuid = options.randomUUID ?? randomUUID;
    this.sleep = options.sleep ?? sleepWithSignal;
  }

  /** Default location of a table: `<warehouse>/<namespace>/<name>`. @throws {ValidationError} for names Glue rejects */
  tableLocation(identifier: TableIdentifier): string {
    checkNames(identifier);
    return `${this.warehouse}/${identifier.namespace}/${identifier.name}`;
  }

  /**
   * Create the Glue database of a namespace unless it exists.
   * @returns `true` when this call created it
   */
  async createNamespace(namespace: string, options: { description?: string } = {}): Promise<boolean> {
    checkNames({ namespace, name: 'x' });
    try {
      await this.glue.send(
        new CreateDatabaseCommand({
          ...this.catalogId,
          DatabaseInput: {
            Name: namespace,
            LocationUri: `${this.warehouse}/${namespace}`,
            ...(options.description !== undefined ? { Description: options.description } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (errorName(error) === 'AlreadyExistsException') return false;
      throw error;
    }
  }

  async loadTable(identifier: TableIdentifier): Promise<LoadedTable> {
    const table = await this.getGlueTable(identifier);
    if (!table) throw new TableNotFoundError(`aws: Glue table ${show(identifier)} not found`);
    const metadataLocation = icebergMetadataLocation(table, identifier);
    const text = new TextDecoder().decode(await this.io.read(metadataLocation));
    return {
      identifier,
      metadata: parseTableMetadata(text, metadataLocation),
      metadataLocation,
      version: table.VersionId ?? '',
    };
  }

  async createTable(identifier: TableIdentifier, options: CreateTableOptions): Promise<LoadedTable> {
    const location = options.location?.replace(/\/+$/, '') ?? this.tableLocation(identifier);
    checkNames(identifier);
    if (await this.tableExists(identifier)) {
      throw new TableAlreadyExistsError(`aws: Glue table ${show(identifier)} already exists`);
    }
    const metadata = newTableMetadata({ ...options, location, tableUuid: this.uuid(), nowMs: this.now() });
    const metadataLocation = buildMetadataLocation(location, metadata.properties, undefined, this.uuid());
    await this.io.write(metadataLocation, encode(serializeTableMetadata(metadata)));
    try {
      await this.glue.send(
        new CreateTableCommand({
          ...this.catalogId,
          DatabaseName: identifier.namespace,
          TableInput: buildGlueTableInput({ name: identifier.name, metadata, metadataLocation }),
        }),
      );
    } catch (error) {
      if (errorName(error) === 'AlreadyExistsException') {
        await this.io.delete([metadataLocation]).catch(() => undefined);
        throw new TableAlreadyExistsError(`aws: Glue table ${show(identifier)} already exists`, {
          cause: error,
        });
      }
      throw error;
    }
    const created = await this.getGlueTable(identifier);
    return { identifier, metadata, metadataLocation, version: created?.VersionId ?? '' };
  }

  /**
   * Write `newMetadata` as `<V+1>-<uuid>.metadata.json`, then `UpdateTable` with the table's `VersionId` and
   * `SkipArchive`, keeping its other parameters and setting `previous_metadata_location`.
   *
   * Only the pointer swap is retried: the metadata file is written once (iceberg spec "Commit Retries": a retry
   * must not rewrite files a concurrent reader may already see; an unreferenced file is at worst an orphan).
   * A `ConcurrentModificationException` while `metadata_location` still equals `base` (someone changed another
   * property) is retried with the fresh `VersionId`; once the pointer moved, the caller must rebase.
   * @throws {CommitConflictError} the pointer moved past `base` (reload, rebase, retry)
   * @throws {CommitStateUnknownError} `UpdateTable` failed in a way that may have applied (keep the files)
   */
  async commitTable(base: LoadedTable, newMetadata: TableMetadata): Promise<LoadedTable> {
    const { identifier } = base;
    const metadataLocation = buildMetadataLocation(
      newMetadata.location,
      newMetadata.properties,
      base.metadataLocation,
      this.uuid(),
    );
    await this.io.write(metadataLocation, encode(serializeTableMetadata(newMetadata)));
    const discard = () => this.io.delete([metadataLocation]).catch(() => undefined);

    for (let attempt = 0; ; attempt++) {
      const table = await this.getGlueTable(identifier);
      if (!table) {
        await discard();
        throw new TableNotFoundError(`aws: Glue table ${show(identifier)} disappeared during commit`);
      }
      const current = table.Parameters?.['metadata_location'];
      if (current !== base.metadataLocation) {
        await discard();
        throw new CommitConflictError(
          `aws: ${show(identifier)} moved from ${base.metadataLocation} to ${current ?? '(none)'} since it was ` +
            'loaded; reload and retry',
        );
      }
      try {
        await this.glue.send(
          new UpdateTableCommand({
            ...this.catalogId,
            DatabaseName: identifier.namespace,
            VersionId: table.VersionId,
            SkipArchive: true,
            TableInput: buildGlueTableInput({
              name: identifier.name,
              metadata: newMetadata,
              metadataLocation,
              previousMetadataLocation: base.metadataLocation,
              existingParameters: table.Parameters,
              ...(table.Description !== undefined ? { description: table.Description } : {}),
            }),
          }),
        );
      } catch (error) {
        if (errorName(error) === 'ConcurrentModificationException') {
          if (attempt < this.maxRetries) {
            await this.sleep(computePollDelay(attempt, { initialDelayMs: 100, maxDelayMs: 2000, factor: 2 }));
            continue;
          }
          await discard();
          throw new CommitConflictError(
            `aws: ${show(identifier)}: Glue kept reporting concurrent modifications after ${attempt + 1} attempts`,
            { cause: error },
          );
        }
        if (isDefiniteClientError(error)) {
          await discard();
          throw error;
        }
        throw new CommitStateUnknownError(
          `aws: UpdateTable of ${show(identifier)} failed and may or may not have applied; ` +
            `check metadata_location (expected ${metadataLocation}) before cleaning up`,
          { cause: error },
        );
      }
      const after = await this.getGlueTable(identifier).catch(() => undefined);
      const version =
        after?.Parameters?.['metadata_location'] === metadataLocation ? (after.VersionId ?? '') : '';
      return { identifier, metadata: newMetadata, metadataLocation, version };
    }
  }

  async tableExists(identifier: TableIdentifier): Promise<boolean> {
    return (await this.getGlueTable(identifier)) !== undefined;
  }

  /** Iceberg tables (`table_type=ICEBERG`) of a namespace, sorted by name. */
  async listTables(namespace: string): Promise<TableIdentifier[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.glue.send(
        new GetTablesCommand({ ...this.catalogId, DatabaseName: namespace, NextToken: token }),
      );
      for (const t of out.TableList ?? []) {
        if (t.Name && t.Parameters?.['table_type']?.toUpperCase() === 'ICEBERG') names.push(t.Name);
      }
      token = out.NextToken;
    } while (token);
    return names.sort().map((name) => ({ namespace, name }));
  }

  /** Delete the Glue table; with `purge`, also every object under its location. */
  async dropTable(identifier: TableIdentifier, options: { purge?: boolean } = {}): Promise<void> {
    const table = await this.getGlueTable(identifier);
    if (!table) throw new TableNotFoundError(`aws: Glue table ${show(identifier)} not found`);
    await this.glue.send(
      new DeleteTableCommand({
        ...this.catalogId,
        DatabaseName: identifier.namespace,
        Name: identifier.name,
      }),
    );
    const location = table.StorageDescriptor?.Location;
    if (options.purge && location) {
      const paths: string[] = [];
      for await (const f of this.io.list(`${location.replace(/\/+$/, '')}/`)) paths.push(f.path);
      await this.io.delete(paths);
    }
  }

  private async getGlueTable(identifier: TableIdentifier): Promise<Table | undefined> {
    try {
      const out = await this.glue.send(
        new GetTableCommand({ ...this.catalogId, DatabaseName: identifier.namespace, Name: identifier.name }),
      );
      return out.Table;
    } catch (error) {
      if (errorName(error) === 'EntityNotFoundException') return undefined;
      throw error;
    }
  }
}

function icebergMetadataLocation(table: Table, identifier: TableIdentifier): string {
  const type = table.Parameters?.['table_type'];
  const location = table.Parameters?.['metadata_location'];
  if (type?.toUpperCase() !== 'ICEBERG' || !location) {
    throw new ValidationError(
      `aws: Glue table ${show(identifier)} is not an Iceberg table (table_type=${type ?? 'unset'}, ` +
        `metadata_location=${location ?? 'unset'})`,
    );
  }
  return location;
}

function checkNames(identifier: TableIdentifier): void {
  for (const part of [identifier.namespace, identifier.name]) {
    if (!NAME_RE.test(part)) {
      throw new ValidationError(
        `aws: invalid Glue name ${JSON.stringify(part)}: use lowercase letters, digits and underscores (Athena lowercases names)`,
      );
    }
  }
}

function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

/** A 4xx that is not throttling or a timeout: the request was rejected, so it certainly did not apply. */
function isDefiniteClientError(error: unknown): boolean {
  const e = error as {
    $fault?: string;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
  } | null;
  const status = e?.$metadata?.httpStatusCode;
  return (
    e?.$fault === 'client' &&
    !e.$retryable &&
    status !== undefined &&
    status >= 400 &&
    status < 500 &&
    status !== 408 &&
    status !== 429
  );
}

function show(identifier: TableIdentifier): string {
  return `${identifier.namespace}.${identifier.name}`;
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
