import { randomUUID } from 'node:crypto';
import * as arrow from 'apache-arrow';
import type { FileIO } from '../io/file-io.js';
import { getCurrentSchema, getPartitionSpec } from '../metadata/lookup.js';
import { applyTransform, formatPartitionValue } from '../metadata/transforms.js';
import type { DataFile, PartitionData, PartitionValue, TableMetadata } from '../metadata/types.js';
import { conformArrowTable, readIcebergValues, takeRows } from './conform-arrow.js';
import { dataFileFromParquet } from './data-file-from-parquet.js';
import { writeParquetStreamed, type WriteParquetOptions } from './write-parquet.js';

/** Options of {@link writeDataFiles}. */
export interface WriteDataFilesOptions extends WriteParquetOptions {
  readonly io: FileIO;
  /** Table metadata: current schema and default spec decide columns, field ids and partitions. */
  readonly metadata: TableMetadata;
  /** Max rows per data file. Default 2,000,000. */
  readonly targetFileRows?: number;
  /** UUID source for file names. Default `crypto.randomUUID`. */
  readonly randomUUID?: () => string;
}

/** `<location>/data` or the `write.data.path` property (iceberg.md §1). */
export function getDataLocation(metadata: TableMetadata): string {
  return (metadata.properties['write.data.path'] ?? `${metadata.location}/data`).replace(/\/+$/, '');
}

function partitionKey(values: readonly PartitionValue[]): string {
  return values
    .map((v) =>
      v === null
        ? '\u0000'
        : v instanceof Uint8Array
          ? Buffer.from(v).toString('hex')
          : `${typeof v}:${String(v)}`,
    )
    .join('\u0001');
}

function countNaNs(table: arrow.Table, metadata: TableMetadata): Map<number, bigint> {
  const schema = getCurrentSchema(metadata);
  const out = new Map<number, bigint>();
  schema.fields.forEach((f, i) => {
    if (f.type !== 'float' && f.type !== 'double') return;
    let n = 0;
    for (const d of table.getChildAt(i)!.data) {
      const values = d.values as Float64Array | Float32Array;
      for (let k = d.offset; k < d.offset + d.length; k += 1) if (values[k] !== values[k]) n += 1;
    }
    out.set(f.id, BigInt(n));
  });
  return out;
}

/**
 * Write an Arrow table as Parquet data files of the table (field ids, zstd): rows are conformed to the current
 * schema, split by the default partition spec (one partition tuple per file, spec "Partitioning") and by
 * `targetFileRows`, written under `data/<partition path>/`, and described with footer metrics.
 * Nothing is committed: pass the result to an operation (`appendFiles`, `overwriteFiles`…).
 * @throws {ValidationError} when rows do not fit the schema
 */
export async function writeDataFiles(
  table: arrow.Table,
  options: WriteDataFilesOptions,
): Promise<DataFile[]> {
  const { metadata, io } = options;
  const schema = getCurrentSchema(metadata);
  const spec = getPartitionSpec(metadata);
  const uuid = options.randomUUID ?? randomUUID;
  const conformed = conformArrowTable(table, schema);
  if (conformed.numRows === 0) return [];

  // Group rows by partition tuple, keeping input order inside each partition.
  const groups = new Map<string, { partition: PartitionValue[]; batches: arrow.RecordBatch[] }>();
  if (spec.fields.length === 0) {
    groups.set('', { partition: [], batches: conformed.batches });
  } else {
    const sources = spec.fields.map((pf) => {
      const index = schema.fields.findIndex((f) => f.id === pf.sourceId);
      return { pf, field: schema.fields[index]!, index };
    });
    for (const batch of conformed.batches) {
      const columns = sources.map((s) => readIcebergValues(batch.getChildAt(s.index)!, s.field.type));
      const rowsByKey = new Map<string, { partition: PartitionValue[]; rows: number[] }>();
      for (let r = 0; r < batch.numRows; r += 1) {
        const partition = sources.map((s, j) => applyTransform(s.pf.transform, s.field.type, columns[j]![r]));
        const key = partitionKey(partition);
        let g = rowsByKey.get(key);
        if (!g) rowsByKey.set(key, (g = { partition, rows: [] }));
        g.rows.push(r);
      }
      for (const [key, g] of rowsByKey) {
        let target = groups.get(key);
        if (!target) groups.set(key, (target = { partition: g.partition, batches: [] }));
        target.batches.push(takeRows(batch, g.rows));
      }
    }
  }

  const maxRows = options.targetFileRows ?? 2_000_000;
  const dataLocation = getDataLocation(metadata);
  const files: DataFile[] = [];
  let fileIndex = 0;
  for (const group of groups.values()) {
    const partition: Record<string, PartitionValue> = {};
    spec.fields.forEach((pf, j) => (partition[pf.name] = group.partition[j]!));
    const dir = spec.fields
      .map((pf, j) => `${pf.name}=${formatPartitionValue(pf.transform, group.partition[j]!)}`)
      .join('/');
    const whole = new arrow.Table(group.batches);
    for (let start = 0; start < whole.numRows; start += maxRows) {
      const part =
        whole.numRows <= maxRows ? whole : whole.slice(start, Math.min(start + maxRows, whole.numRows));
      const bytes = await writeParquetStreamed(part, options);
      const name = `${String(fileIndex).padStart(5, '0')}-${fileIndex}-${uuid()}-00001.parquet`;
      fileIndex += 1;
      const path = `${dataLocation}/${dir ? `${dir}/` : ''}${name}`;
      await io.write(path, bytes);
      files.push(
        await dataFileFromParquet(
          { path, bytes },
          { schema, spec, partition: partition as PartitionData, nanValueCounts: countNaNs(part, metadata) },
        ),
      );
    }
  }
  return files;
}
