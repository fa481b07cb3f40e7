import { ValidationError } from '../errors.js';
import { toNumber, toObject, toStr, toArray } from './json.js';
import type { IcebergType, NestedField, PrimitiveTypeName, Schema } from './types.js';

const PRIMITIVES = new Set([
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'date',
  'time',
  'timestamp',
  'timestamptz',
  'timestamp_ns',
  'timestamptz_ns',
  'string',
  'uuid',
  'binary',
]);

/** Parse an Iceberg type from its spec JSON form. @throws {ValidationError} */
export function parseIcebergType(json: unknown): IcebergType {
  if (typeof json === 'string') {
    const t = json.trim();
    if (PRIMITIVES.has(t)) return t as PrimitiveTypeName;
    const fixed = /^fixed\[\s*(\d+)\s*\]$/.exec(t);
    if (fixed) return `fixed[${Number(fixed[1])}]`;
    const dec = /^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(t);
    if (dec) return `decimal(${Number(dec[1])}, ${Number(dec[2])})`;
    throw new ValidationError(`iceberg: unknown type ${JSON.stringify(json)}`);
  }
  const o = toObject(json, 'type');
  switch (o['type']) {
    case 'struct':
      return { type: 'struct', fields: toArray(o['fields'], 'fields').map(parseNestedField) };
    case 'list':
      return {
        type: 'list',
        elementId: toNumber(o['element-id'], 'element-id'),
        elementRequired: o['element-required'] === true,
        element: parseIcebergType(o['element']),
      };
    case 'map':
      return {
        type: 'map',
        keyId: toNumber(o['key-id'], 'key-id'),
        key: parseIcebergType(o['key']),
        valueId: toNumber(o['value-id'], 'value-id'),
        valueRequired: o['value-required'] === true,
        value: parseIcebergType(o['value']),
      };
    default:
      throw new ValidationError(`iceberg: unknown nested type ${String(o['type'])}`);
  }
}

/** Parse one struct field. @throws {ValidationError} */
export function parseNestedField(json: unknown): NestedField {
  const o = toObject(json, 'field');
  return {
    id: toNumber(o['id'], 'field.id'),
    name: toStr(o['name'], 'field.name'),
    required: o['required'] === true,
    type: parseIcebergType(o['type']),
    ...(typeof o['doc'] === 'string' ? { doc: o['doc'] } : {}),
    ...(o['initial-default'] !== undefined ? { initialDefault: o['initial-default'] } : {}),
    ...(o['write-default'] !== undefined ? { writeDefault: o['write-default'] } : {}),
  };
}

/** Parse a schema (`{"type":"struct","schema-id":…,"fields":[…]}`). @throws {ValidationError} */
export function parseSchema(json: unknown): Schema {
  const o = toObject(json, 'schema');
  const ids = o['identifier-field-ids'];
  return {
    type: 'struct',
    schemaId: o['schema-id'] === undefined ? 0 : toNumber(o['schema-id'], 'schema-id'),
    ...(ids !== undefined
      ? { identifierFieldIds: toArray(ids, 'identifier-field-ids').map((v) => toNumber(v, 'id')) }
      : {}),
    fields: toArray(o['fields'], 'schema.fields').map(parseNestedField),
  };
}

/** Spec JSON form of a type. */
export function serializeIcebergType(type: IcebergType): unknown {
  if (typeof type === 'string') return type;
  switch (type.type) {
    case 'struct':
      return { type: 'struct', fields: type.fields.map(serializeNestedField) };
    case 'list':
      return {
        type: 'list',
        'element-id': type.elementId,
        element: serializeIcebergType(type.element),
        'element-required': type.elementRequired,
      };
    case 'map':
      return {
        type: 'map',
        'key-id': type.keyId,
        key: serializeIcebergType(type.key),
        'value-id': type.valueId,
        value: serializeIcebergType(type.value),
        'value-required': type.valueRequired,
      };
  }
}

/** Spec JSON form of a struct field. */
export function serializeNestedField(field: NestedField): Record<string, unknown> {
  return {
    id: field.id,
    name: field.name,
    required: field.required,
    type: serializeIcebergType(field.type),
    ...(field.doc !== undefined ? { doc: field.doc } : {}),
    ...(field.initialDefault !== undefined ? { 'initial-default': field.initialDefault } : {}),
    ...(field.writeDefault !== undefined ? { 'write-default': field.writeDefault } : {}),
  };
}

/** Spec JSON form of a schema (used in metadata and in manifest headers). */
export function serializeSchema(schema: Schema): Record<string, unknown> {
  return {
    type: 'struct',
    'schema-id': schema.schemaId,
    ...(schema.identifierFieldIds && schema.identifierFieldIds.length > 0
      ? { 'identifier-field-ids': [...schema.identifierFieldIds] }
      : {}),
    fields: schema.fields.map(serializeNestedField),
  };
}

/** Largest field id used anywhere in the fields (0 when none). */
export function findMaxFieldId(fields: readonly NestedField[]): number {
  let max = 0;
  const visit = (t: IcebergType): void => {
    if (typeof t === 'string') return;
    if (t.type === 'struct')
      for (const f of t.fields) {
        max = Math.max(max, f.id);
        visit(f.type);
      }
    else if (t.type === 'list') {
      max = Math.max(max, t.elementId);
      visit(t.element);
    } else {
      max = Math.max(max, t.keyId, t.valueId);
      visit(t.key);
      visit(t.value);
    }
  };
  visit({ type: 'struct', fields });
  return max;
}
