import type * as arrow from 'apache-arrow';
import type { LoadedTable } from '../catalog/catalog.js';
import { ValidationConflictError, ValidationError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { getCurrentSchema } from '../metadata/lookup.js';
import { compareValues, deserializeSingleValue } from '../metadata/single-value.js';
import type { IcebergValue } from '../metadata/transforms.js';
import type { DataFile, NestedField, Schema } from '../metadata/types.js';
import { conformArrowTable, readIcebergValues } from '../parquet/conform-arrow.js';
import { planScan } from '../scan/plan-scan.js';
import type { DataWriteOptions } from './append.js';
import { rewriteRows, writeRowsAndTable } from './rewrite-rows.js';
import { buildKey, toRowInternal } from './row-values.js';
import type { TableChange } from './table-change.js';

interface KeyRange {
  readonly field: NestedField;
  min?: IcebergValue;
  max?: IcebergValue;
}

function resolveKeyFields(schema: Schema, keyColumns: readonly string[]): NestedField[] {
  if (keyColumns.length === 0) throw new ValidationError('iceberg: upsert needs at least one key column');
  return keyColumns.map((name) => {
    const f = schema.fields.find((x) => x.name === name);
    if (!f) throw new ValidationError(`iceberg: upsert key column ${name} is not in the table schema`);
    if (typeof f.type !== 'string')
      throw new ValidationError(`iceberg: upsert key column ${name} must be primitive`);
    return f;
  });
}

/** Could `file` hold one of the keys? Uses the key columns' lower/upper bounds; no bounds → maybe. */
function mightHoldKeys(file: DataFile, ranges: readonly KeyRange[]): boolean {
  for (const r of ranges) {
    if (r.min === undefined || r.max === undefined) continue;
    const lo = file.lowerBounds?.get(r.field.id);
    const hi = file.upperBounds?.get(r.field.id);
    const l = lo && deserializeSingleValue(r.field.type, lo);
    const h = hi && deserializeSingleValue(r.field.type, hi);
    if (h !== undefined && h !== '' && compareValues(h, r.min) < 0) return false;
    if (l !== undefined && compareValues(l, r.max) > 0) return false;
  }
  return true;
}

/**
 * Upsert by key columns, copy-on-write: every live row whose key appears in `rows` is replaced by the new row;
 * other rows stay. Only files whose key-column bounds overlap the new keys are read, and only files that actually
 * hold one of the keys are rewritten (iceberg.md §8). One `overwrite` snapshot (`append` when no key existed).
 * @throws {ValidationError} when a key column is missing, or `rows` repeats a key
 */
export async function prepareUpsert(
  io: FileIO,
  base: LoadedTable,
  rows: arrow.Table,
  keyColumns: readonly string[],
  options: DataWriteOptions = {},
): Promise<TableChange> {
  const schema = getCurrentSchema(base.metadata);
  const keyFields = resolveKeyFields(schema, keyColumns);
  const conformed = conformArrowTable(rows, schema);
  const columns = keyFields.map((f) => readIcebergValues(conformed.getChild(f.name)!, f.type));
  const keys = new Set<string>();
  const ranges: KeyRange[] = keyFields.map((field) => ({ field }));
  for (let r = 0; r < conformed.numRows; r += 1) {
    const tuple = columns.map((c) => c[r] ?? null);
    const key = buildKey(tuple);
    if (keys.has(key))
      throw new ValidationError(
        `iceberg: upsert rows repeat key (${keyColumns.join(', ')}) = ${tuple.map(String).join(', ')}`,
      );
    keys.add(key);
    tuple.forEach((v, i) => {
      if (v === null) return;
      const range = ranges[i]!;
      if (range.min === undefined || compareValues(v, range.min) < 0) range.min = v;
      if (range.max === undefined || compareValues(v, range.max) > 0) range.max = v;
    });
  }
  const plan = await planScan(base.metadata, io);
  const candidates = conformed.numRows === 0 ? [] : plan.tasks.filter((t) => mightHoldKeys(t.file, ranges));
  const keyOf = (row: Record<string, unknown>): string =>
    buildKey(keyFields.map((f) => toRowInternal(row[f.name], f.type, f.name)));
  const { removed, survivors, droppedRows } = await rewriteRows(
    io,
    plan,
    candidates,
    (row) => !keys.has(keyOf(row)),
  );
  const added = await writeRowsAndTable(survivors, conformed, base.metadata, { ...options, io });
  return {
    operation: removed.length === 0 ? 'append' : 'overwrite',
    added,
    removed,
    ownedFiles: added.map((f) => f.filePath),
    summary: {
      'nasdaq-pipeline.upserted-rows': String(conformed.numRows),
      'nasdaq-pipeline.replaced-rows': String(droppedRows),
    },
    checkConcurrentAdds: (files) => {
      const hit = files.find((f) => f.content !== 0 || mightHoldKeys(f, ranges));
      if (hit)
        throw new ValidationConflictError(
          `iceberg: a concurrent commit added ${hit.filePath}, which may hold upserted keys; redo the upsert`,
        );
    },
  };
}
