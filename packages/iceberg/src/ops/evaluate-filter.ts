import type { Schema } from '../metadata/types.js';
import type { ScanFilter } from '../scan/filter.js';
import { compareValues } from '../scan/literal.js';
import { findColumn } from '../scan/prune-partition.js';
import type { Row } from '../scan/read-rows.js';
import { toInternalValue } from '../scan/literal.js';
import { toRowInternal } from './row-values.js';

/**
 * Evaluate a filter on one row (SQL semantics: comparisons with null are false, so `delete where x <> 1` keeps
 * rows whose x is null).
 */
export function matchesFilter(filter: ScanFilter, row: Row, schema: Schema): boolean {
  switch (filter.op) {
    case 'and':
      return filter.filters.every((f) => matchesFilter(f, row, schema));
    case 'or':
      return filter.filters.some((f) => matchesFilter(f, row, schema));
    case 'isNull':
    case 'notNull': {
      const field = findColumn(schema, filter.column);
      const v = row[field.name];
      return (v === null || v === undefined) === (filter.op === 'isNull');
    }
    case 'in': {
      const field = findColumn(schema, filter.column);
      const v = toRowInternal(row[field.name], field.type, field.name);
      if (v === null) return false;
      return filter.values.some(
        (lit) => compareValues(v, toInternalValue(lit, field.type, field.name)) === 0,
      );
    }
    default: {
      const field = findColumn(schema, filter.column);
      const v = toRowInternal(row[field.name], field.type, field.name);
      if (v === null) return false;
      const c = compareValues(v, toInternalValue(filter.value, field.type, field.name));
      switch (filter.op) {
        case 'eq':
          return c === 0;
        case 'notEq':
          return c !== 0;
        case 'lt':
          return c < 0;
        case 'ltEq':
          return c <= 0;
        case 'gt':
          return c > 0;
        case 'gtEq':
          return c >= 0;
      }
    }
  }
  return false;
}
