/**
 * Field-id based access to decoded Avro records. Iceberg readers resolve manifest fields by id, not name
 * (Java/Athena name ids 504–506 `added_data_files_count`…, PyIceberg/rust `added_files_count`…).
 */
import type { AvroValue } from '../avro/read-decoder.js';
import type { AvroType } from '../avro/read-schema.js';

/** A decoded record plus its Avro record schema, readable by Iceberg field id. */
export interface IdRecord {
  readonly type: AvroType;
  readonly value: { readonly [key: string]: AvroValue };
}

/** Returns the record schema under unions (`["null", record]`). */
export function unwrapUnion(type: AvroType, value: AvroValue): AvroType {
  if (type.type !== 'union') return type;
  const nonNull = type.branches.filter((b) => b.type !== 'null');
  if (nonNull.length === 1) return nonNull[0] as AvroType;
  // Ambiguous unions do not occur in Iceberg manifests; pick the branch by JS shape as a best effort.
  return nonNull.find((b) => b.type === 'record' && typeof value === 'object') ?? (nonNull[0] as AvroType);
}

/**
 * Looks up the field with `field-id` = `id` (falling back to `name`) and returns its value and type.
 * @returns `undefined` when the record has no such field (older writers omit optional fields).
 */
export function getField(
  rec: IdRecord,
  id: number,
  name: string,
): { value: AvroValue; type: AvroType } | undefined {
  if (rec.type.type !== 'record') return undefined;
  const field =
    rec.type.fields.find((f) => Number(f.attrs['field-id']) === id) ??
    rec.type.fields.find((f) => f.name === name);
  if (!field) return undefined;
  const value = rec.value[field.name] ?? null;
  return { value, type: unwrapUnion(field.type, value) };
}

/** The sub-record at field `id`, or `undefined` when absent or null. */
export function getRecord(rec: IdRecord, id: number, name: string): IdRecord | undefined {
  const f = getField(rec, id, name);
  if (!f || f.value === null || typeof f.value !== 'object') return undefined;
  return { type: f.type, value: f.value as { [key: string]: AvroValue } };
}

/** A long field as bigint (`undefined` when null/absent). */
export function getBigint(rec: IdRecord, id: number, name: string): bigint | undefined {
  const v = getField(rec, id, name)?.value;
  if (v === null || v === undefined) return undefined;
  return typeof v === 'bigint' ? v : BigInt(v as number);
}

/** An int field as number (`undefined` when null/absent). */
export function getNumber(rec: IdRecord, id: number, name: string): number | undefined {
  const v = getField(rec, id, name)?.value;
  if (v === null || v === undefined) return undefined;
  return Number(v);
}

/** A string field (`undefined` when null/absent). */
export function getString(rec: IdRecord, id: number, name: string): string | undefined {
  const v = getField(rec, id, name)?.value;
  return typeof v === 'string' ? v : undefined;
}

/** A bytes field (`undefined` when null/absent). */
export function getBytes(rec: IdRecord, id: number, name: string): Uint8Array | undefined {
  const v = getField(rec, id, name)?.value;
  return v instanceof Uint8Array ? v : undefined;
}

/** A boolean field (`undefined` when null/absent). */
export function getBoolean(rec: IdRecord, id: number, name: string): boolean | undefined {
  const v = getField(rec, id, name)?.value;
  return typeof v === 'boolean' ? v : undefined;
}

/** An array field's items as records (`undefined` when null/absent). */
export function getRecordArray(rec: IdRecord, id: number, name: string): IdRecord[] | undefined {
  const f = getField(rec, id, name);
  if (!f || !Array.isArray(f.value) || f.type.type !== 'array') return undefined;
  const items = f.type.items;
  return f.value.map((v) => ({ type: unwrapUnion(items, v), value: v as { [key: string]: AvroValue } }));
}

/** An array field's primitive items (`undefined` when null/absent). */
export function getArray(rec: IdRecord, id: number, name: string): AvroValue[] | undefined {
  const v = getField(rec, id, name)?.value;
  return Array.isArray(v) ? v : undefined;
}

/**
 * An Iceberg int-keyed map: an Avro array of `{key, value}` records (`logicalType: map`), or a native Avro
 * map with numeric string keys. `undefined` when null/absent.
 */
export function getIntMap<V>(
  rec: IdRecord,
  id: number,
  name: string,
  convert: (v: AvroValue) => V,
): Map<number, V> | undefined {
  const v = getField(rec, id, name)?.value;
  if (v === null || v === undefined) return undefined;
  const out = new Map<number, V>();
  if (Array.isArray(v)) {
    for (const kv of v as { key: AvroValue; value: AvroValue }[]) out.set(Number(kv.key), convert(kv.value));
  } else if (typeof v === 'object' && !(v instanceof Uint8Array)) {
    for (const [k, val] of Object.entries(v)) out.set(Number(k), convert(val));
  }
  return out;
}
