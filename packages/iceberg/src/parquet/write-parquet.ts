import * as arrow from 'apache-arrow';
import * as parquetWasm from 'parquet-wasm/node';

/** Options of {@link writeParquetBytes}. */
export interface WriteParquetOptions {
  /** Default `zstd` (what the table property `write.parquet.compression-codec` says we write). */
  readonly compression?: 'zstd' | 'snappy' | 'uncompressed';
  /** Max rows per row group. Default 1,048,576 (arrow-rs default). */
  readonly rowGroupSize?: number;
}

/**
 * Encode a conformed Arrow table (see `conformArrowTable`) as Parquet with parquet-wasm (arrow-rs). Arrow field
 * metadata `PARQUET:field_id` becomes the Parquet `field_id` of every column, nested ones included.
 */
export function writeParquetBytes(table: arrow.Table, options: WriteParquetOptions = {}): Uint8Array {
  const codec =
    options.compression === 'snappy'
      ? parquetWasm.Compression.SNAPPY
      : options.compression === 'uncompressed'
        ? parquetWasm.Compression.UNCOMPRESSED
        : parquetWasm.Compression.ZSTD;
  let builder = new parquetWasm.WriterPropertiesBuilder()
    .setCompression(codec)
    .setCreatedBy('nasdaq-pipeline iceberg (parquet-wasm)');
  if (options.rowGroupSize) builder = builder.setMaxRowGroupSize(options.rowGroupSize);
  const wasmTable = parquetWasm.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  return parquetWasm.writeParquet(wasmTable, builder.build());
}
