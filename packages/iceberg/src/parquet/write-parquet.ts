import * as arrow from 'apache-arrow';
import * as parquetWasm from 'parquet-wasm/node';

/** Options of {@link writeParquetBytes}. */
export interface WriteParquetOptions {
  /** Default `zstd` (what the table property `write.parquet.compression-codec` says we write). */
  readonly compression?: 'zstd' | 'snappy' | 'uncompressed';
  /** Max rows per row group. Default 1,048,576 (arrow-rs default). */
  readonly rowGroupSize?: number;
  /**
   * Tables with more rows are streamed into parquet-wasm in slices of this many rows
   * ({@link writeParquetStreamed}), so the wasm heap holds one slice instead of a copy of the whole table.
   * Default 262,144.
   */
  readonly chunkRows?: number;
}

/**
 * Encode a conformed Arrow table (see `conformArrowTable`) as Parquet with parquet-wasm (arrow-rs). Arrow field
 * metadata `PARQUET:field_id` becomes the Parquet `field_id` of every column, nested ones included.
 */
export function writeParquetBytes(table: arrow.Table, options: WriteParquetOptions = {}): Uint8Array {
  const wasmTable = parquetWasm.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  return parquetWasm.writeParquet(wasmTable, buildWriterProperties(options));
}

function buildWriterProperties(options: WriteParquetOptions): parquetWasm.WriterProperties {
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
  return builder.build();
}

/**
 * Like {@link writeParquetBytes}, but feeds parquet-wasm's streaming writer slice by slice: same file layout
 * (row groups up to `rowGroupSize`), bounded wasm memory for large tables.
 */
export async function writeParquetStreamed(
  table: arrow.Table,
  options: WriteParquetOptions = {},
): Promise<Uint8Array> {
  const chunk = Math.max(1, options.chunkRows ?? 262_144);
  if (table.numRows <= chunk) return writeParquetBytes(table, options);
  let offset = 0;
  const input = new ReadableStream<parquetWasm.RecordBatch>({
    pull(controller) {
      if (offset >= table.numRows) {
        controller.close();
        return;
      }
      const part = table.slice(offset, Math.min(offset + chunk, table.numRows));
      offset += chunk;
      for (const batch of parquetWasm.Table.fromIPCStream(arrow.tableToIPC(part, 'stream')).recordBatches()) {
        controller.enqueue(batch);
      }
    },
  });
  const output = await parquetWasm.transformParquetStream(input, buildWriterProperties(options));
  const parts: Uint8Array[] = [];
  for await (const part of output as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return new Uint8Array(Buffer.concat(parts));
}
