/**
 * Manifest pruning from the manifest list's partition field summaries (spec "Manifest Lists",
 * `field_summary`): skip reading a data manifest whose partition ranges cannot match the filter.
 */
import { deserializeSingleValue } from '../metadata/single-value.js';
import { applyTransform, getTransformResultType, type IcebergValue } from '../metadata/transforms.js';
import type { FieldSummary, ManifestFile, PartitionField, PartitionSpec, Schema } from '../metadata/types.js';
import type { FilterLiteral, ScanFilter } from './filter.js';
import { compareValues, toInternalValue } from './literal.js';
import { findColumn } from './prune-partition.js';

/**
 * `false` only when no file of `manifest` can hold rows matching `filter`. Answers `true` whenever the
 * summaries are missing or undecodable.
 */
export function mightMatchManifest(
  filter: ScanFilter,
  manifest: ManifestFile,
  spec: PartitionSpec | undefined,
  schema: Schema,
): boolean {
  if (!spec || !manifest.partitions || manifest.partitions.length !== spec.fields.length) return true;
  const summaries = manifest.partitions;
  const visit = (f: ScanFilter): boolean => {
    switch (f.op) {
      case 'and':
        return f.filters.every(visit);
      case 'or':
        return f.filters.some(visit);
      default:
        return visitLeaf(f);
    }
  };
  const visitLeaf = (f: Leaf): boolean => {
    const field = findColumn(schema, f.column);
    return spec.fields.every((pf, i) => {
      if (pf.sourceId !== field.id) return true;
      const summary = summaries[i];
      return summary ? projectOntoSummary(f, field.type, pf, summary) : true;
    });
  };
  return visit(filter);
}

type Leaf = Exclude<ScanFilter, { op: 'and' | 'or' }>;

function projectOntoSummary(
  filter: Leaf,
  sourceType: Parameters<typeof applyTransform>[1],
  pf: PartitionField,
  summary: FieldSummary,
): boolean {
  if (pf.transform === 'void') return true;
  switch (filter.op) {
    case 'isNull':
      return summary.containsNull;
    case 'notNull':
    case 'notEq':
      return true;
    default:
      return projectComparison(filter, sourceType, pf, summary);
  }
}

function projectComparison(
  filter: Leaf,
  sourceType: Parameters<typeof applyTransform>[1],
  pf: PartitionField,
  summary: FieldSummary,
): boolean {
  const resultType = getTransformResultType(pf.transform, sourceType);
  if (!summary.lowerBound || !summary.upperBound) {
    // No bounds with nulls present: every value is null (comparisons never match) unless NaNs hide the bounds.
    return !summary.containsNull || summary.containsNan === true;
  }
  const lower = deserializeSingleValue(resultType, summary.lowerBound);
  const upper = deserializeSingleValue(resultType, summary.upperBound);
  if (lower === undefined || upper === undefined) return true;
  const project = (v: FilterLiteral): IcebergValue | null =>
    applyTransform(
      pf.transform,
      sourceType,
      toInternalValue(v, sourceType, String(pf.name)),
    ) as IcebergValue | null;
  const inRange = (v: FilterLiteral): boolean => {
    const t = project(v);
    return t === null || (compareValues(lower, t) <= 0 && compareValues(t, upper) <= 0);
  };
  if (!('value' in filter)) return 'values' in filter ? filter.values.some(inRange) : true;
  if (filter.op === 'eq') return inRange(filter.value);
  if (pf.transform.startsWith('bucket')) return true;
  const t = project(filter.value);
  if (t === null) return true;
  const strict = pf.transform === 'identity';
  switch (filter.op) {
    case 'lt':
      return strict ? compareValues(lower, t) < 0 : compareValues(lower, t) <= 0;
    case 'ltEq':
      return compareValues(lower, t) <= 0;
    case 'gt':
      return strict ? compareValues(upper, t) > 0 : compareValues(upper, t) >= 0;
    case 'gtEq':
      return compareValues(upper, t) >= 0;
    default:
      return true;
  }
}
