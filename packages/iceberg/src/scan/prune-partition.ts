/**
 * Partition pruning: does a data file's partition tuple possibly hold rows matching a filter?
 * Inclusive projection (spec "Scan Planning"): identity compares directly; year/month/day/hour and truncate
 * are order-preserving, so range predicates carry over as non-strict bounds; bucket only answers `eq`/`in`.
 */
import { ValidationError } from '../errors.js';
import { applyTransform } from '../metadata/transforms.js';
import type { NestedField, PartitionData, PartitionField, PartitionSpec, Schema } from '../metadata/types.js';
import type { FilterLiteral, ScanFilter } from './filter.js';
import { compareValues, toInternalValue } from './literal.js';

/**
 * `false` only when no row of a file with `partition` (written with `spec`) can satisfy `filter`.
 * @throws {ValidationError} when the filter names a column the schema lacks or uses an unusable literal.
 */
export function mightMatchPartition(
  filter: ScanFilter,
  partition: PartitionData,
  spec: PartitionSpec,
  schema: Schema,
): boolean {
  switch (filter.op) {
    case 'and':
      return filter.filters.every((f) => mightMatchPartition(f, partition, spec, schema));
    case 'or':
      return filter.filters.some((f) => mightMatchPartition(f, partition, spec, schema));
    default: {
      const field = findColumn(schema, filter.column);
      return spec.fields
        .filter((pf) => pf.sourceId === field.id)
        .every((pf) => projectLeaf(filter, field, pf, partition));
    }
  }
}

/** The top-level field named `column` (exact, then case-insensitive). @throws {ValidationError} */
export function findColumn(schema: Schema, column: string): NestedField {
  const field =
    schema.fields.find((f) => f.name === column) ??
    schema.fields.find((f) => f.name.toLowerCase() === column.toLowerCase());
  if (!field) throw new ValidationError(`iceberg: filter names unknown column "${column}"`);
  return field;
}

type Leaf = Exclude<ScanFilter, { op: 'and' | 'or' }>;

function projectLeaf(
  filter: Leaf,
  field: NestedField,
  pf: PartitionField,
  partition: PartitionData,
): boolean {
  if (!(pf.name in partition) || pf.transform === 'void') return true;
  const part = partition[pf.name] ?? null;
  if (filter.op === 'isNull') return part === null;
  if (filter.op === 'notNull') return part !== null;
  if (filter.op === 'notEq') return true;
  if (part === null) return false; // comparisons with null are never true
  const project = (v: FilterLiteral) =>
    applyTransform(pf.transform, field.type, toInternalValue(v, field.type, field.name));
  const cmp = (v: FilterLiteral): number => {
    const t = project(v);
    return t === null ? NaN : compareValues(part, t);
  };
  if (filter.op === 'in') return filter.values.some((v) => cmp(v) === 0);
  const ordered = pf.transform === 'identity' || !pf.transform.startsWith('bucket');
  switch (filter.op) {
    case 'eq':
      return cmp(filter.value) === 0;
    case 'lt':
      // identity keeps strictness; other order-preserving transforms may map v' < v to t(v') = t(v).
      return !ordered || (pf.transform === 'identity' ? cmp(filter.value) < 0 : cmp(filter.value) <= 0);
    case 'ltEq':
      return !ordered || cmp(filter.value) <= 0;
    case 'gt':
      return !ordered || (pf.transform === 'identity' ? cmp(filter.value) > 0 : cmp(filter.value) >= 0);
    case 'gtEq':
      return !ordered || cmp(filter.value) >= 0;
  }
}

/** Canonical key of a partition tuple within a spec, to compare partitions for delete applicability. */
export function partitionKey(specId: number, partition: PartitionData): string {
  const parts = Object.keys(partition)
    .sort()
    .map((k) => `${k}=${valueKey(partition[k] ?? null)}`);
  return `${specId}|${parts.join('|')}`;
}

function valueKey(v: unknown): string {
  if (v === null) return '∅';
  if (v instanceof Uint8Array) return `b:${Buffer.from(v).toString('hex')}`;
  if (typeof v === 'bigint' || typeof v === 'number') return `n:${String(v)}`;
  return `${typeof v}:${String(v)}`;
}

/** `true` when `spec` has no partition fields (or only void ones). */
export function isUnpartitioned(spec: PartitionSpec | undefined): boolean {
  if (!spec) return true;
  if (spec.fields.length === 0) return true;
  return spec.fields.every((f) => f.transform === 'void');
}

/** Throws when a filter references columns that do not exist, before any I/O. @throws {ValidationError} */
export function validateFilter(filter: ScanFilter, schema: Schema): void {
  switch (filter.op) {
    case 'and':
    case 'or':
      for (const f of filter.filters) validateFilter(f, schema);
      return;
    case 'isNull':
    case 'notNull':
      findColumn(schema, filter.column);
      return;
    case 'in': {
      const field = findColumn(schema, filter.column);
      for (const v of filter.values) toInternalValue(v, field.type, field.name);
      return;
    }
    default: {
      const field = findColumn(schema, filter.column);
      toInternalValue(filter.value, field.type, field.name);
    }
  }
}
