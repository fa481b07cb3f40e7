import * as arrow from 'apache-arrow';
import { ValidationError } from '../errors.js';
import type { IcebergType, NestedField, Schema } from '../metadata/types.js';

/** Arrow field metadata key that arrow-rs (parquet-wasm) writes as the Parquet `field_id`. */
export const PARQUET_FIELD_ID_KEY = 'PARQUET:field_id';

function idMeta(id: number): Map<string, string> {
  return new Map([[PARQUET_FIELD_ID_KEY, String(id)]]);
}

/**
 * Arrow type used to write an Iceberg type to Parquet (iceberg.md §4): date → Date32 (days), timestamp(tz) →
 * Timestamp(µs[, UTC]), string → Utf8, decimal → Decimal128, uuid → FixedSizeBinary(16), nested types with the
 * element/key/value field ids in child metadata.
 * @throws {ValidationError} for types without a mapping
 */
export function toArrowType(type: IcebergType): arrow.DataType {
  if (typeof type === 'string') {
    switch (type) {
      case 'boolean':
        return new arrow.Bool();
      case 'int':
        return new arrow.Int32();
      case 'long':
        return new arrow.Int64();
      case 'float':
        return new arrow.Float32();
      case 'double':
        return new arrow.Float64();
      case 'date':
        return new arrow.DateDay();
      case 'time':
        return new arrow.TimeMicrosecond();
      case 'timestamp':
        return new arrow.TimestampMicrosecond();
      case 'timestamptz':
        return new arrow.TimestampMicrosecond('UTC');
      case 'timestamp_ns':
        return new arrow.TimestampNanosecond();
      case 'timestamptz_ns':
        return new arrow.TimestampNanosecond('UTC');
      case 'string':
        return new arrow.Utf8();
      case 'binary':
        return new arrow.Binary();
      case 'uuid':
        return new arrow.FixedSizeBinary(16);
    }
    const fixed = /^fixed\[(\d+)\]$/.exec(type);
    if (fixed) return new arrow.FixedSizeBinary(Number(fixed[1]));
    const dec = /^decimal\((\d+), ?(\d+)\)$/.exec(type);
    if (dec) return new arrow.Decimal(Number(dec[2]), Number(dec[1]), 128);
    throw new ValidationError(`iceberg: no Arrow mapping for ${type}`);
  }
  switch (type.type) {
    case 'struct':
      return new arrow.Struct(type.fields.map(toArrowField));
    case 'list':
      return new arrow.List(
        new arrow.Field('element', toArrowType(type.element), !type.elementRequired, idMeta(type.elementId)),
      );
    case 'map':
      return new arrow.Map_(
        new arrow.Field(
          'key_value',
          new arrow.Struct([
            new arrow.Field('key', toArrowType(type.key), false, idMeta(type.keyId)),
            new arrow.Field('value', toArrowType(type.value), !type.valueRequired, idMeta(type.valueId)),
          ] as never),
          false,
        ),
      );
  }
}

/** Arrow field for an Iceberg field, carrying `PARQUET:field_id`. */
export function toArrowField(field: NestedField): arrow.Field {
  return new arrow.Field(field.name, toArrowType(field.type), !field.required, idMeta(field.id));
}

/** Arrow schema for an Iceberg schema (every field, nested ones included, has its field id). */
export function toArrowSchema(schema: Schema): arrow.Schema {
  return new arrow.Schema(schema.fields.map(toArrowField));
}
