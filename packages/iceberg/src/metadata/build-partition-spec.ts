import { ValidationError } from '../errors.js';
import { getDefaultPartitionName } from './transforms.js';
import type { PartitionSpec, Schema, Transform } from './types.js';

/** One partition field by source column name. */
export interface PartitionFieldInput {
  readonly column: string;
  readonly transform: Transform;
  /** Default: spec naming (`<col>_month`, identity → column name). */
  readonly name?: string;
}

/**
 * Build a partition spec from column names: field ids from 1000 upward, default names (iceberg.md §3).
 * @throws {ValidationError} for unknown columns
 */
export function buildPartitionSpec(
  schema: Schema,
  fields: readonly PartitionFieldInput[],
  specId = 0,
): PartitionSpec {
  return {
    specId,
    fields: fields.map((f, i) => {
      const source = schema.fields.find((x) => x.name === f.column);
      if (!source) throw new ValidationError(`iceberg: partition column ${f.column} is not in the schema`);
      return {
        sourceId: source.id,
        fieldId: 1000 + i,
        name: f.name ?? getDefaultPartitionName(f.transform, source.name),
        transform: f.transform,
      };
    }),
  };
}
