import { ValidationError } from '../errors.js';
import { getTransformResultType } from '../metadata/transforms.js';
import type { IcebergType, PartitionSpec, Schema } from '../metadata/types.js';
import type { AvroSchemaJson } from './write-encoder.js';

/**
 * Avro schemas of Iceberg v2 manifests and manifest lists with the exact names, record names and field ids of the
 * spec (iceberg.md §5–6; record names `manifest_entry`, `r2`, `r102`, `r508` as Java/PyIceberg write them).
 * Optional fields are `["null", T]` unions with `default: null`; int-keyed maps are arrays of `k<K>_v<V>` records
 * with `logicalType: map` (spec "Avro": "maps with non-string keys").
 */

const opt = (t: AvroSchemaJson): AvroSchemaJson[] => ['null', t];

function intMap(
  id: number,
  keyId: number,
  valueId: number,
  name: string,
  value: AvroSchemaJson,
): Record<string, unknown> {
  return {
    name,
    type: opt({
      type: 'array',
      logicalType: 'map',
      items: {
        type: 'record',
        name: `k${keyId}_v${valueId}`,
        fields: [
          { name: 'key', type: 'int', 'field-id': keyId },
          { name: 'value', type: value, 'field-id': valueId },
        ],
      },
    }),
    default: null,
    'field-id': id,
  };
}

/** Bytes needed for a decimal of precision P as fixed (spec "Avro" type mapping). */
export function getDecimalByteLength(precision: number): number {
  let n = 1;
  while (2n ** BigInt(8 * n - 1) < 10n ** BigInt(precision)) n += 1;
  return n;
}

/** Avro schema for a primitive Iceberg type (spec "Avro" type mapping). @throws {ValidationError} for nested */
export function toAvroType(type: IcebergType): AvroSchemaJson {
  if (typeof type !== 'string') throw new ValidationError('iceberg: nested types cannot be partition values');
  switch (type) {
    case 'boolean':
    case 'int':
    case 'long':
    case 'float':
    case 'double':
    case 'string':
      return type;
    case 'binary':
      return 'bytes';
    case 'date':
      return { type: 'int', logicalType: 'date' };
    case 'time':
      return { type: 'long', logicalType: 'time-micros' };
    case 'timestamp':
      return { type: 'long', logicalType: 'timestamp-micros', 'adjust-to-utc': false };
    case 'timestamptz':
      return { type: 'long', logicalType: 'timestamp-micros', 'adjust-to-utc': true };
    case 'timestamp_ns':
      return { type: 'long', logicalType: 'timestamp-nanos', 'adjust-to-utc': false };
    case 'timestamptz_ns':
      return { type: 'long', logicalType: 'timestamp-nanos', 'adjust-to-utc': true };
    case 'uuid':
      return { type: 'fixed', name: 'uuid_fixed', size: 16, logicalType: 'uuid' };
  }
  const fixed = /^fixed\[(\d+)\]$/.exec(type);
  if (fixed) return { type: 'fixed', name: `fixed_${fixed[1]}`, size: Number(fixed[1]) };
  const dec = /^decimal\((\d+), ?(\d+)\)$/.exec(type);
  if (dec) {
    const p = Number(dec[1]);
    const s = Number(dec[2]);
    return {
      type: 'fixed',
      name: `decimal_${p}_${s}`,
      size: getDecimalByteLength(p),
      logicalType: 'decimal',
      precision: p,
      scale: s,
    };
  }
  throw new ValidationError(`iceberg: no Avro mapping for ${type}`);
}

/** The `r102` partition record for a spec: one optional field per partition field, `field-id` = partition field id. */
export function getPartitionAvroSchema(spec: PartitionSpec, schema: Schema): Record<string, unknown> {
  return {
    type: 'record',
    name: 'r102',
    fields: spec.fields.map((f) => {
      const source = schema.fields.find((x) => x.id === f.sourceId);
      if (!source)
        throw new ValidationError(
          `iceberg: partition source id ${f.sourceId} not in schema ${schema.schemaId}`,
        );
      return {
        name: f.name,
        type: opt(toAvroType(getTransformResultType(f.transform, source.type))),
        default: null,
        'field-id': f.fieldId,
      };
    }),
  };
}

/** The `data_file` record `r2` (iceberg.md §5). */
export function getDataFileAvroSchema(partition: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'record',
    name: 'r2',
    fields: [
      {
        name: 'content',
        type: 'int',
        doc: 'Contents of the file: 0=data, 1=position deletes, 2=equality deletes',
        'field-id': 134,
      },
      { name: 'file_path', type: 'string', doc: 'Location URI with FS scheme', 'field-id': 100 },
      {
        name: 'file_format',
        type: 'string',
        doc: 'File format name: avro, orc, or parquet',
        'field-id': 101,
      },
      {
        name: 'partition',
        type: partition,
        doc: 'Partition data tuple, schema based on the partition spec',
        'field-id': 102,
      },
      { name: 'record_count', type: 'long', doc: 'Number of records in the file', 'field-id': 103 },
      { name: 'file_size_in_bytes', type: 'long', doc: 'Total file size in bytes', 'field-id': 104 },
      intMap(108, 117, 118, 'column_sizes', 'long'),
      intMap(109, 119, 120, 'value_counts', 'long'),
      intMap(110, 121, 122, 'null_value_counts', 'long'),
      intMap(137, 138, 139, 'nan_value_counts', 'long'),
      intMap(125, 126, 127, 'lower_bounds', 'bytes'),
      intMap(128, 129, 130, 'upper_bounds', 'bytes'),
      { name: 'key_metadata', type: opt('bytes'), default: null, 'field-id': 131 },
      {
        name: 'split_offsets',
        type: opt({ type: 'array', items: 'long', 'element-id': 133 }),
        default: null,
        'field-id': 132,
      },
      {
        name: 'equality_ids',
        type: opt({ type: 'array', items: 'int', 'element-id': 136 }),
        default: null,
        'field-id': 135,
      },
      { name: 'sort_order_id', type: opt('int'), default: null, 'field-id': 140 },
      { name: 'referenced_data_file', type: opt('string'), default: null, 'field-id': 143 },
    ],
  };
}

/** The `manifest_entry` schema for a partition spec (iceberg.md §5). */
export function getManifestEntryAvroSchema(spec: PartitionSpec, schema: Schema): Record<string, unknown> {
  return {
    type: 'record',
    name: 'manifest_entry',
    fields: [
      { name: 'status', type: 'int', 'field-id': 0 },
      { name: 'snapshot_id', type: opt('long'), default: null, 'field-id': 1 },
      { name: 'sequence_number', type: opt('long'), default: null, 'field-id': 3 },
      { name: 'file_sequence_number', type: opt('long'), default: null, 'field-id': 4 },
      { name: 'data_file', type: getDataFileAvroSchema(getPartitionAvroSchema(spec, schema)), 'field-id': 2 },
    ],
  };
}

/** The `manifest_file` schema of manifest lists (iceberg.md §6, spec names for 504–506 like PyIceberg/rust). */
export const MANIFEST_FILE_AVRO_SCHEMA: Record<string, unknown> = {
  type: 'record',
  name: 'manifest_file',
  fields: [
    { name: 'manifest_path', type: 'string', doc: 'Location URI with FS scheme', 'field-id': 500 },
    { name: 'manifest_length', type: 'long', doc: 'Total file size in bytes', 'field-id': 501 },
    { name: 'partition_spec_id', type: 'int', doc: 'Spec ID used to write', 'field-id': 502 },
    { name: 'content', type: 'int', doc: 'Contents of the manifest: 0=data, 1=deletes', 'field-id': 517 },
    {
      name: 'sequence_number',
      type: 'long',
      doc: 'Sequence number when the manifest was added',
      'field-id': 515,
    },
    {
      name: 'min_sequence_number',
      type: 'long',
      doc: 'Lowest sequence number in the manifest',
      'field-id': 516,
    },
    { name: 'added_snapshot_id', type: 'long', doc: 'Snapshot ID that added the manifest', 'field-id': 503 },
    { name: 'added_files_count', type: 'int', doc: 'Added entry count', 'field-id': 504 },
    { name: 'existing_files_count', type: 'int', doc: 'Existing entry count', 'field-id': 505 },
    { name: 'deleted_files_count', type: 'int', doc: 'Deleted entry count', 'field-id': 506 },
    { name: 'added_rows_count', type: 'long', doc: 'Added rows count', 'field-id': 512 },
    { name: 'existing_rows_count', type: 'long', doc: 'Existing rows count', 'field-id': 513 },
    { name: 'deleted_rows_count', type: 'long', doc: 'Deleted rows count', 'field-id': 514 },
    {
      name: 'partitions',
      type: opt({
        type: 'array',
        items: {
          type: 'record',
          name: 'r508',
          fields: [
            {
              name: 'contains_null',
              type: 'boolean',
              doc: 'True if any file has a null partition value',
              'field-id': 509,
            },
            {
              name: 'contains_nan',
              type: opt('boolean'),
              doc: 'True if any file has a nan partition value',
              default: null,
              'field-id': 518,
            },
            {
              name: 'lower_bound',
              type: opt('bytes'),
              doc: 'Partition lower bound for all files',
              default: null,
              'field-id': 510,
            },
            {
              name: 'upper_bound',
              type: opt('bytes'),
              doc: 'Partition upper bound for all files',
              default: null,
              'field-id': 511,
            },
          ],
        },
        'element-id': 508,
      }),
      doc: 'Summary for each partition',
      default: null,
      'field-id': 507,
    },
    {
      name: 'key_metadata',
      type: opt('bytes'),
      doc: 'Encryption key metadata blob',
      default: null,
      'field-id': 519,
    },
  ],
};
