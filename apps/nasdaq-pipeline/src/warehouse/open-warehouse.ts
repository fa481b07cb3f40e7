import type { Catalog, FileIO } from '@nasdaq-pipeline/iceberg/read';
import type { ResolvedConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { warehouseRootUri } from '../pipeline/uri.js';
import { loadAwsTarget } from '../aws/load-aws-target.js';

/** The warehouse a command works on: where it is, how to read/write it, and its catalog. */
export interface Warehouse {
  /** Root URI (`file:///…` or `s3://…`). */
  rootUri: string;
  namespace: string;
  io: FileIO;
  catalog: Catalog;
  target: 'local' | 'aws';
  /** SQL engine of the target when it is not the local DuckDB (Athena on AWS). */
  remoteSql?: RemoteSql;
  /** Local paths DuckDB can read for data files (S3 objects are downloaded to a cache first). */
  localize?: (paths: readonly string[]) => Promise<string[]>;
  /** Local scratch folder for DuckDB spills and transform work. */
  scratchDir?: string;
}

/** "Run SQL, get rows" on a remote engine, with the table reference it needs and what it scanned. */
export interface RemoteSql {
  query(sql: string): Promise<Record<string, unknown>[]>;
  tableRef(table: string): string;
  /** Bytes scanned so far (Athena bills by it). */
  scannedBytes(): number;
}

/** Factory for the AWS warehouse, registered by the AWS integration. */
export type AwsWarehouseFactory = (
  config: ResolvedConfig,
  cwd: string,
  options: { forWrite: boolean },
) => Promise<Warehouse>;

let awsFactory: AwsWarehouseFactory | null = null;

/** Registers how `--target aws` opens its warehouse (S3 FileIO + Glue catalog). */
export function registerAwsWarehouse(factory: AwsWarehouseFactory): void {
  awsFactory = factory;
}

/**
 * Opens the configured warehouse: locally a folder with the `filesystem` Iceberg catalog
 * (`<root>/<namespace>/<table>`); with `--target aws` the registered AWS factory.
 */
export async function openWarehouse(
  config: ResolvedConfig,
  cwd: string,
  options: { forWrite?: boolean } = {},
): Promise<Warehouse> {
  if (config.target === 'aws') {
    if (!awsFactory) await loadAwsTarget();
    if (!awsFactory) throw new UsageError('--target aws is not available in this build');
    return awsFactory(config, cwd, { forWrite: options.forWrite ?? false });
  }
  const rootUri = warehouseRootUri(config.warehouse, cwd);
  // Loaded on first use so `--help` and other light commands start fast.
  const { FilesystemCatalog, LocalFileIO } = await import('@nasdaq-pipeline/iceberg/read');
  const io = new LocalFileIO();
  const catalog = new FilesystemCatalog({ warehouse: rootUri, io });
  return { rootUri, namespace: config.namespace, io, catalog, target: 'local' };
}
