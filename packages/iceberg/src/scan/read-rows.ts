/**
 * Reads the rows of a {@link ScanPlan}: columns by field id (schema evolution, renamed columns), missing
 * columns from identity partitions or null, position and equality deletes applied.
 */
import { ValidationError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import type { DataFile, NestedField, PartitionSpec, Schema, TableMetadata } from '../metadata/types.js';
import type { FileScanTask, ScanPlan } from './plan-scan.js';
import { openParquet, readParquetRows, type OpenParquet, type TimestampMode } from './read-parquet.js';

/** Options of {@link readRows}. */
export interface ReadRowsOptions {
  /** Column names of the plan's schema to return (default: all, in schema order). */
  readonly columns?: readonly string[];
  /**
   * `'date'` (default): timestamp/timestamptz columns as `Date` (millisecond precision, like icebird).
   * `'micros'`: exact microseconds since the epoch as `bigint` — use it to rewrite rows without losing digits.
   */
  readonly timestamps?: TimestampMode;
}

/**
 * A row keyed by column name. Values as hyparquet decodes them: long → bigint, int/float/double/decimal → number,
 * date → Date (UTC midnight), timestamp → Date (or µs bigint, see {@link ReadRowsOptions.timestamps}), string.
 */
export type Row = Record<string, unknown>;

// Reserved field ids of position delete files (spec "Position Delete Files").
const POS_FILE_PATH_ID = 2147483546;
const POS_POS_ID = 2147483545;

/**
 * Reads every row of `plan` with deletes applied, in task order.
 * @throws {ValidationError} for an unknown column or a non-Parquet data file.
 * @throws {NotFoundError} when a data or delete file is missing.
 */
export async function readRows(io: FileIO, plan: ScanPlan, options: ReadRowsOptions = {}): Promise<Row[]> {
  const fields = projectFields(plan.schema, options.columns);
  const timestamps = options.timestamps ?? 'date';
  const deletes = new DeleteCache(io, plan.schema, timestamps);
  const out: Row[] = [];
  for (const task of plan.tasks) {
    for (const row of await readTask(io, plan.metadata, task, fields, deletes, timestamps)) out.push(row);
  }
  return out;
}

function projectFields(schema: Schema, columns: readonly string[] | undefined): NestedField[] {
  if (!columns) return [...schema.fields];
  return columns.map((c) => {
    const f = schema.fields.find((x) => x.name === c);
    if (!f) throw new ValidationError(`iceberg: column "${c}" is not in schema ${schema.schemaId}`);
    return f;
  });
}

/**
 * Column name for `field` in `file`: by field id; for files without ids, by the table's
 * `schema.name-mapping.default`, then by the field's current name.
 */
function resolveColumn(
  file: OpenParquet,
  field: NestedField,
  nameMapping: ReadonlyMap<number, readonly string[]>,
): string | undefined {
  if (file.nameById.size > 0) return file.nameById.get(field.id);
  for (const name of nameMapping.get(field.id) ?? []) if (file.names.includes(name)) return name;
  return file.names.includes(field.name) ? field.name : undefined;
}

async function readTask(
  io: FileIO,
  metadata: TableMetadata,
  task: FileScanTask,
  fields: readonly NestedField[],
  deletes: DeleteCache,
  timestamps: TimestampMode,
): Promise<Row[]> {
  if (task.file.fileFormat !== 'PARQUET') {
    throw new ValidationError(`iceberg: ${task.file.filePath}: only Parquet data files are supported`);
  }
  const file = await openParquet(io, task.file.filePath);
  const mapping = nameMappingOf(metadata);
  const eqDeletes = await Promise.all(
    task.deletes.filter((d) => d.content === 2).map((d) => deletes.equality(d)),
  );
  const eqFieldIds = new Set(eqDeletes.flatMap((d) => d.fieldIds));
  const allFields = new Map<number, NestedField>(fields.map((f) => [f.id, f]));
  for (const id of eqFieldIds) {
    if (!allFields.has(id)) {
      const f = deletes.schema.fields.find((x) => x.id === id);
      if (f) allFields.set(id, f);
    }
  }
  const columnOf = new Map<number, string | undefined>();
  for (const f of allFields.values()) columnOf.set(f.id, resolveColumn(file, f, mapping));
  const names = [...new Set([...columnOf.values()].filter((n): n is string => n !== undefined))];
  const raw = await readParquetRows(file, names, timestamps);

  const positions = new Set<number>();
  for (const d of task.deletes.filter((x) => x.content === 1)) {
    for (const pos of await deletes.positions(d, task.file.filePath)) positions.add(pos);
  }
  const spec = metadata.partitionSpecs.find((s) => s.specId === task.entry.partitionSpecId);
  const out: Row[] = [];
  raw.forEach((r, pos) => {
    if (positions.has(pos)) return;
    const valueOf = (f: NestedField): unknown => {
      const col = columnOf.get(f.id);
      return col !== undefined ? (r[col] ?? null) : missingValue(f, task.file, spec, timestamps);
    };
    for (const d of eqDeletes) {
      if (d.keys.has(rowKey(d.fieldIds.map((id) => valueOf(allFields.get(id) as NestedField))))) return;
    }
    const row: Row = {};
    for (const f of fields) row[f.name] = valueOf(f);
    out.push(row);
  });
  return out;
}

/**
 * Spec "Column Projection": a field missing from a data file takes its identity-partition value when there
 * is one, else null.
 */
function missingValue(
  field: NestedField,
  file: DataFile,
  spec: PartitionSpec | undefined,
  timestamps: TimestampMode,
): unknown {
  const pf = spec?.fields.find((p) => p.sourceId === field.id && p.transform === 'identity');
  if (!pf || !(pf.name in file.partition)) return null;
  const v = file.partition[pf.name] ?? null;
  // Match hyparquet's representation of the same column.
  if (field.type === 'date' && typeof v === 'number') return new Date(v * 86_400_000);
  if (typeof field.type === 'string' && field.type.startsWith('timestamp') && typeof v === 'bigint')
    return timestamps === 'micros' ? v : new Date(Number(v / 1000n));
  return v;
}

function nameMappingOf(metadata: TableMetadata): Map<number, readonly string[]> {
  const out = new Map<number, readonly string[]>();
  const text = metadata.properties['schema.name-mapping.default'];
  if (!text) return out;
  const walk = (items: unknown): void => {
    for (const m of (Array.isArray(items) ? items : []) as {
      'field-id'?: number;
      names?: string[];
      fields?: unknown;
    }[]) {
      if (typeof m['field-id'] === 'number' && Array.isArray(m.names)) out.set(m['field-id'], m.names);
      walk(m.fields);
    }
  };
  try {
    walk(JSON.parse(text));
  } catch {
    // An unreadable mapping only matters for files without field ids; names are the fallback.
  }
  return out;
}

/** Canonical key of a tuple of values, equal for equal Iceberg values whatever their JS representation. */
export function rowKey(values: readonly unknown[]): string {
  return values
    .map((v) => {
      if (v === null || v === undefined) return '∅';
      if (typeof v === 'bigint') return `n${v}`;
      if (typeof v === 'number') return Number.isInteger(v) ? `n${v}` : `f${v}`;
      if (v instanceof Date) return `d${v.getTime()}`;
      if (v instanceof Uint8Array) return `b${Buffer.from(v).toString('hex')}`;
      return `${typeof v}:${String(v)}`;
    })
    .join('\u0001');
}

interface EqualityDeletes {
  readonly fieldIds: readonly number[];
  readonly keys: ReadonlySet<string>;
}

/** Reads each delete file once per {@link readRows} call. */
class DeleteCache {
  private readonly pos = new Map<string, Promise<Map<string, number[]>>>();
  private readonly eq = new Map<string, Promise<EqualityDeletes>>();

  constructor(
    private readonly io: FileIO,
    readonly schema: Schema,
    private readonly timestamps: TimestampMode,
  ) {}

  async positions(file: DataFile, dataPath: string): Promise<number[]> {
    let p = this.pos.get(file.filePath);
    if (!p) {
      p = this.loadPositions(file);
      this.pos.set(file.filePath, p);
    }
    return (await p).get(dataPath) ?? [];
  }

  private async loadPositions(file: DataFile): Promise<Map<string, number[]>> {
    const pq = await openParquet(this.io, file.filePath);
    const pathCol = pq.nameById.get(POS_FILE_PATH_ID) ?? 'file_path';
    const posCol = pq.nameById.get(POS_POS_ID) ?? 'pos';
    const byPath = new Map<string, number[]>();
    for (const r of await readParquetRows(pq, [pathCol, posCol])) {
      const path = String(r[pathCol]);
      const list = byPath.get(path) ?? [];
      list.push(Number(r[posCol]));
      byPath.set(path, list);
    }
    return byPath;
  }

  equality(file: DataFile): Promise<EqualityDeletes> {
    let p = this.eq.get(file.filePath);
    if (!p) {
      p = this.loadEquality(file);
      this.eq.set(file.filePath, p);
    }
    return p;
  }

  private async loadEquality(file: DataFile): Promise<EqualityDeletes> {
    const fieldIds = file.equalityIds ?? [];
    if (fieldIds.length === 0)
      throw new ValidationError(`iceberg: equality delete file ${file.filePath} has no equality_ids`);
    const pq = await openParquet(this.io, file.filePath);
    const cols = fieldIds.map((id) => {
      const field = this.schema.fields.find((f) => f.id === id);
      const col = pq.nameById.get(id) ?? (field && pq.names.includes(field.name) ? field.name : undefined);
      if (col === undefined)
        throw new ValidationError(`iceberg: equality delete file ${file.filePath} lacks field ${id}`);
      return col;
    });
    const keys = new Set<string>();
    for (const r of await readParquetRows(pq, cols, this.timestamps))
      keys.add(rowKey(cols.map((c) => r[c] ?? null)));
    return { fieldIds, keys };
  }
}
