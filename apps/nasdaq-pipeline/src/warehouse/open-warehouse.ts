import { FilesystemCatalog, LocalFileIO, type Catalog, type FileIO } from '@nasdaq-pipeline/iceberg';
import type { ResolvedConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { warehouseRootUri } from '../pipeline/uri.js';

/** The warehouse a command works on: where it is, how to read/write it, and its catalog. */
export interface Warehouse {
  /** Root URI (`file:///…` or `s3://…`). */
  rootUri: string;
  namespace: string;
  io: FileIO;
  catalog: Catalog;
  target: 'local' | 'aws';
}

/** Factory for the AWS warehouse, registered by the AWS integration. */
export type AwsWarehouseFactory = (config: ResolvedConfig, cwd: string) => Promise<Warehouse>;

let awsFactory: AwsWarehouseFactory | null = null;

/** Registers how `--target aws` opens its warehouse (S3 FileIO + Glue catalog). */
export function registerAwsWarehouse(factory: AwsWarehouseFactory): void {
  awsFactory = factory;
}

/**
 * Opens the configured warehouse: locally a folder with the `filesystem` Iceberg catalog
 * (`<root>/<namespace>/<table>`); with `--target aws` the registered AWS factory.
 */
export async function openWarehouse(config: ResolvedConfig, cwd: string): Promise<Warehouse> {
  if (config.target === 'aws') {
    if (!awsFactory) throw new UsageError('--target aws is not available in this build');
    return awsFactory(config, cwd);
  }
  const rootUri = warehouseRootUri(config.warehouse, cwd);
  const io = new LocalFileIO();
  const catalog = new FilesystemCatalog({ warehouse: rootUri, io });
  return { rootUri, namespace: config.namespace, io, catalog, target: 'local' };
}
