import { ValidationError } from '../errors.js';
import { compareValues, serializeSingleValue } from '../metadata/single-value.js';
import { applyTransform, type IcebergValue } from '../metadata/transforms.js';
import type { DataFile, IcebergType, PartitionData, PartitionSpec, Schema } from '../metadata/types.js';

/** Options of {@link dataFileFromStats} and `dataFileFromParquet`. */
export interface DataFileFromParquetOptions {
  /** Table schema the file's field ids refer to. */
  readonly schema: Schema;
  /** Partition spec; defaults to unpartitioned. */
  readonly spec?: PartitionSpec;
  /**
   * Partition tuple of the file. When omitted it is derived from the column bounds: each partition source column's
   * min and max must transform to the same value (a data file holds exactly one partition tuple).
   */
  readonly partition?: PartitionData;
  /** NaN counts by field id when known (Parquet footers do not record them). */
  readonly nanValueCounts?: ReadonlyMap<number, bigint>;
  readonly sortOrderId?: number;
}

/**
 * Metrics of one column of a data file. Leave out what is not known: a missing bound, count or size is simply
 * not recorded (readers then cannot prune on it), while a wrong one makes them skip rows.
 */
export interface ColumnStats {
  /** Bytes of the column in the file (compressed), summed over row groups. */
  readonly size?: bigint;
  /** Values, nulls included (for a top-level column: the record count). */
  readonly valueCount?: bigint;
  readonly nullCount?: bigint;
  /** Smallest non-null value, exact, in the Iceberg representation of the column's type (days, µs, string…). */
  readonly lower?: IcebergValue;
  /** Largest non-null value, exact (never a truncated upper bound). */
  readonly upper?: IcebergValue;
}

/**
 * What the writer of a Parquet data file reports about it, e.g. DuckDB's `COPY … (RETURN_STATS)`: enough to
 * register the file without reading its footer back.
 */
export interface DataFileStats {
  /** The file's path as the table will reference it. */
  readonly path: string;
  readonly recordCount: bigint;
  /** Exact size of the file in bytes. */
  readonly fileSizeInBytes: bigint;
  /** Column metrics by Iceberg field id. */
  readonly columns: ReadonlyMap<number, ColumnStats>;
  /** Offsets of the row groups (optional in Iceberg: readers then split by size). */
  readonly splitOffsets?: readonly bigint[];
}

/**
 * Build the manifest `DataFile` of a Parquet file from the statistics its writer reported, without reading the
 * file: the same entry `dataFileFromParquet` builds from the footer, bounds serialised per spec Appendix D, the
 * partition tuple given or derived from the bounds. Bounds of nested or decimal columns are not recorded.
 * @throws {ValidationError} when a required column has no statistics or the file spans several partitions
 */
export function dataFileFromStats(stats: DataFileStats, options: DataFileFromParquetOptions): DataFile {
  for (const f of options.schema.fields) {
    if (f.required && typeof f.type === 'string' && !stats.columns.has(f.id))
      throw new ValidationError(`iceberg: ${stats.path} lacks required column ${f.name} (field id ${f.id})`);
  }
  return assembleDataFile(stats, options);
}

/** The `DataFile` of `stats`, unchecked (the caller validated the file against the schema). */
export function assembleDataFile(stats: DataFileStats, options: DataFileFromParquetOptions): DataFile {
  const { schema } = options;
  const spec = options.spec ?? { specId: 0, fields: [] };
  const typeById = new Map<number, IcebergType>(schema.fields.map((f) => [f.id, f.type]));
  const columnSizes = new Map<number, bigint>();
  const valueCounts = new Map<number, bigint>();
  const nullCounts = new Map<number, bigint>();
  const lower = new Map<number, IcebergValue>();
  const upper = new Map<number, IcebergValue>();
  for (const [id, c] of stats.columns) {
    if (c.size !== undefined) columnSizes.set(id, c.size);
    if (c.valueCount !== undefined) valueCounts.set(id, c.valueCount);
    if (c.nullCount !== undefined) nullCounts.set(id, c.nullCount);
    const type = typeById.get(id);
    if (c.lower === undefined || c.upper === undefined || !boundable(type)) continue;
    // Writers keep whichever zero they met first; Iceberg orders −0.0 before +0.0, so a zero bound is widened.
    const float = type === 'double' || type === 'float';
    lower.set(id, float && c.lower === 0 ? -0 : c.lower);
    upper.set(id, float && c.upper === 0 ? 0 : c.upper);
  }
  const partition =
    options.partition ?? derivePartition(spec, schema, lower, upper, nullCounts, valueCounts, stats.path);
  const serialize = (m: Map<number, IcebergValue>): Map<number, Uint8Array> =>
    new Map([...m].map(([id, v]) => [id, serializeSingleValue(typeById.get(id)!, v)]));
  return {
    content: 0,
    filePath: stats.path,
    fileFormat: 'PARQUET',
    partition,
    recordCount: stats.recordCount,
    fileSizeInBytes: stats.fileSizeInBytes,
    columnSizes,
    valueCounts,
    nullValueCounts: nullCounts,
    ...(options.nanValueCounts ? { nanValueCounts: options.nanValueCounts } : {}),
    lowerBounds: serialize(lower),
    upperBounds: serialize(upper),
    ...(stats.splitOffsets ? { splitOffsets: [...stats.splitOffsets] } : {}),
    ...(options.sortOrderId !== undefined ? { sortOrderId: options.sortOrderId } : {}),
  };
}

/** Whether bounds of a column of `type` are recorded: top-level primitive columns other than decimals. */
function boundable(type: IcebergType | undefined): boolean {
  return typeof type === 'string' && !type.startsWith('decimal');
}

function derivePartition(
  spec: PartitionSpec,
  schema: Schema,
  lower: ReadonlyMap<number, IcebergValue>,
  upper: ReadonlyMap<number, IcebergValue>,
  nulls: ReadonlyMap<number, bigint>,
  values: ReadonlyMap<number, bigint>,
  path: string,
): PartitionData {
  const out: Record<string, IcebergValue | null> = {};
  for (const pf of spec.fields) {
    const source = schema.fields.find((f) => f.id === pf.sourceId)!;
    const lo = lower.get(pf.sourceId);
    const hi = upper.get(pf.sourceId);
    const nullCount = nulls.get(pf.sourceId);
    const allNull = nullCount !== undefined && nullCount === values.get(pf.sourceId);
    if (allNull || (lo === undefined && hi === undefined && nullCount !== undefined && nullCount > 0n)) {
      out[pf.name] = null;
      continue;
    }
    if (lo === undefined || hi === undefined) {
      throw new ValidationError(
        `iceberg: ${path}: no statistics for partition source ${source.name}; pass options.partition`,
      );
    }
    const a = applyTransform(pf.transform, source.type, lo);
    const b = applyTransform(pf.transform, source.type, hi);
    const mixedNull = nullCount !== undefined && nullCount > 0n;
    if (mixedNull || a === null || b === null || compareValues(a as IcebergValue, b as IcebergValue) !== 0) {
      throw new ValidationError(
        `iceberg: ${path} spans several ${pf.name} partitions; write one file per partition`,
      );
    }
    out[pf.name] = a;
  }
  return out;
}
