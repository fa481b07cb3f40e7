import { UnsupportedFormatVersionError, ValidationError } from '../errors.js';
import {
  parseLosslessJson,
  stringifyLosslessJson,
  toArray,
  toBigInt,
  toNumber,
  toObject,
  toStr,
} from './json.js';
import { parseSchema, serializeSchema } from './type-json.js';
import type {
  PartitionField,
  PartitionSpec,
  Snapshot,
  SnapshotRef,
  SnapshotSummary,
  SortOrder,
  TableMetadata,
  Transform,
} from './types.js';

/**
 * Parse a `*.metadata.json` document without losing 64-bit ids.
 * @param location used in error messages only
 * @throws {UnsupportedFormatVersionError} unless `format-version` is 2
 * @throws {ValidationError} when required fields are missing or malformed
 */
export function parseTableMetadata(text: string, location?: string): TableMetadata {
  const o = toObject(parseLosslessJson(text, `table metadata ${location ?? ''}`.trim()), 'metadata');
  const version =
    o['format-version'] === undefined ? undefined : toNumber(o['format-version'], 'format-version');
  if (version !== 2) throw new UnsupportedFormatVersionError(version, location);
  const need = (key: string): unknown => {
    if (o[key] === undefined)
      throw new ValidationError(`iceberg: metadata ${location ?? ''} lacks required ${key}`);
    return o[key];
  };
  const current = o['current-snapshot-id'];
  const currentSnapshotId =
    current === undefined || current === null ? undefined : toBigInt(current, 'current-snapshot-id');
  const refs: Record<string, SnapshotRef> = {};
  for (const [name, raw] of Object.entries(toObject(o['refs'] ?? {}, 'refs'))) refs[name] = parseRef(raw);
  if (currentSnapshotId !== undefined && currentSnapshotId >= 0n && !refs['main']) {
    // v2 readers must treat a missing main ref as pointing at current-snapshot-id (spec "Table Metadata").
    refs['main'] = { snapshotId: currentSnapshotId, type: 'branch' };
  }
  return {
    formatVersion: 2,
    tableUuid: toStr(need('table-uuid'), 'table-uuid'),
    location: toStr(need('location'), 'location'),
    lastSequenceNumber: toBigInt(need('last-sequence-number'), 'last-sequence-number'),
    lastUpdatedMs: toNumber(need('last-updated-ms'), 'last-updated-ms'),
    lastColumnId: toNumber(need('last-column-id'), 'last-column-id'),
    schemas: toArray(need('schemas'), 'schemas').map(parseSchema),
    currentSchemaId: toNumber(need('current-schema-id'), 'current-schema-id'),
    partitionSpecs: toArray(need('partition-specs'), 'partition-specs').map(parsePartitionSpec),
    defaultSpecId: toNumber(need('default-spec-id'), 'default-spec-id'),
    lastPartitionId: toNumber(need('last-partition-id'), 'last-partition-id'),
    properties: Object.fromEntries(
      Object.entries(toObject(o['properties'] ?? {}, 'properties')).map(([k, v]) => [k, String(v)]),
    ),
    ...(currentSnapshotId !== undefined && currentSnapshotId >= 0n ? { currentSnapshotId } : {}),
    snapshots: toArray(o['snapshots'], 'snapshots').map(parseSnapshot),
    snapshotLog: toArray(o['snapshot-log'], 'snapshot-log').map((raw) => {
      const e = toObject(raw, 'snapshot-log');
      return {
        timestampMs: toNumber(e['timestamp-ms'], 'timestamp-ms'),
        snapshotId: toBigInt(e['snapshot-id'], 'snapshot-id'),
      };
    }),
    metadataLog: toArray(o['metadata-log'], 'metadata-log').map((raw) => {
      const e = toObject(raw, 'metadata-log');
      return {
        timestampMs: toNumber(e['timestamp-ms'], 'timestamp-ms'),
        metadataFile: toStr(e['metadata-file'], 'metadata-file'),
      };
    }),
    sortOrders: toArray(need('sort-orders'), 'sort-orders').map(parseSortOrder),
    defaultSortOrderId: toNumber(need('default-sort-order-id'), 'default-sort-order-id'),
    refs,
    statistics: toArray(o['statistics'], 'statistics'),
    ...(o['partition-statistics'] !== undefined
      ? { partitionStatistics: toArray(o['partition-statistics'], 'partition-statistics') }
      : {}),
  };
}

function parsePartitionSpec(raw: unknown): PartitionSpec {
  const o = toObject(raw, 'partition-spec');
  return {
    specId: toNumber(o['spec-id'], 'spec-id'),
    fields: toArray(o['fields'], 'fields').map(parsePartitionField),
  };
}

/** Parse one partition field (also used for the `partition-spec` manifest header). */
export function parsePartitionField(raw: unknown): PartitionField {
  const f = toObject(raw, 'partition-field');
  return {
    sourceId: toNumber(f['source-id'], 'source-id'),
    fieldId: toNumber(f['field-id'], 'field-id'),
    name: toStr(f['name'], 'name'),
    transform: toStr(f['transform'], 'transform') as Transform,
  };
}

function parseSortOrder(raw: unknown): SortOrder {
  const o = toObject(raw, 'sort-order');
  return {
    orderId: toNumber(o['order-id'], 'order-id'),
    fields: toArray(o['fields'], 'fields').map((r) => {
      const f = toObject(r, 'sort-field');
      return {
        sourceId: toNumber(f['source-id'], 'source-id'),
        transform: toStr(f['transform'], 'transform') as Transform,
        direction: f['direction'] === 'desc' ? 'desc' : 'asc',
        nullOrder: f['null-order'] === 'nulls-last' ? 'nulls-last' : 'nulls-first',
      };
    }),
  };
}

function parseSnapshot(raw: unknown): Snapshot {
  const o = toObject(raw, 'snapshot');
  const summary = Object.fromEntries(
    Object.entries(toObject(o['summary'] ?? { operation: 'append' }, 'summary')).map(([k, v]) => [
      k,
      String(v),
    ]),
  ) as SnapshotSummary;
  return {
    snapshotId: toBigInt(o['snapshot-id'], 'snapshot-id'),
    ...(o['parent-snapshot-id'] !== undefined && o['parent-snapshot-id'] !== null
      ? { parentSnapshotId: toBigInt(o['parent-snapshot-id'], 'parent-snapshot-id') }
      : {}),
    sequenceNumber:
      o['sequence-number'] === undefined ? 0n : toBigInt(o['sequence-number'], 'sequence-number'),
    timestampMs: toNumber(o['timestamp-ms'], 'timestamp-ms'),
    manifestList: toStr(o['manifest-list'], 'manifest-list'),
    summary,
    ...(o['schema-id'] !== undefined ? { schemaId: toNumber(o['schema-id'], 'schema-id') } : {}),
  };
}

function parseRef(raw: unknown): SnapshotRef {
  const o = toObject(raw, 'ref');
  const opt = (key: string, name: keyof SnapshotRef): Record<string, number> =>
    o[key] === undefined || o[key] === null ? {} : { [name]: toNumber(o[key], key) };
  return {
    snapshotId: toBigInt(o['snapshot-id'], 'ref.snapshot-id'),
    type: o['type'] === 'tag' ? 'tag' : 'branch',
    ...opt('min-snapshots-to-keep', 'minSnapshotsToKeep'),
    ...opt('max-snapshot-age-ms', 'maxSnapshotAgeMs'),
    ...opt('max-ref-age-ms', 'maxRefAgeMs'),
  };
}

/** Spec JSON form of a partition field. */
export function serializePartitionField(f: PartitionField): Record<string, unknown> {
  return { name: f.name, transform: f.transform, 'source-id': f.sourceId, 'field-id': f.fieldId };
}

/**
 * Serialise table metadata to spec JSON (iceberg.md §2): every required and recommended key, `current-snapshot-id`
 * `-1` for an empty table (what Java writes), bigints as exact JSON numbers.
 */
export function serializeTableMetadata(m: TableMetadata): string {
  const doc = {
    'format-version': 2,
    'table-uuid': m.tableUuid,
    location: m.location,
    'last-sequence-number': m.lastSequenceNumber,
    'last-updated-ms': m.lastUpdatedMs,
    'last-column-id': m.lastColumnId,
    'current-schema-id': m.currentSchemaId,
    schemas: m.schemas.map(serializeSchema),
    'default-spec-id': m.defaultSpecId,
    'partition-specs': m.partitionSpecs.map((s) => ({
      'spec-id': s.specId,
      fields: s.fields.map(serializePartitionField),
    })),
    'last-partition-id': m.lastPartitionId,
    'default-sort-order-id': m.defaultSortOrderId,
    'sort-orders': m.sortOrders.map((s) => ({
      'order-id': s.orderId,
      fields: s.fields.map((f) => ({
        transform: f.transform,
        'source-id': f.sourceId,
        direction: f.direction,
        'null-order': f.nullOrder,
      })),
    })),
    properties: { ...m.properties },
    'current-snapshot-id': m.currentSnapshotId ?? -1,
    refs: Object.fromEntries(
      Object.entries(m.refs).map(([name, r]) => [
        name,
        {
          'snapshot-id': r.snapshotId,
          type: r.type,
          ...(r.minSnapshotsToKeep !== undefined ? { 'min-snapshots-to-keep': r.minSnapshotsToKeep } : {}),
          ...(r.maxSnapshotAgeMs !== undefined ? { 'max-snapshot-age-ms': r.maxSnapshotAgeMs } : {}),
          ...(r.maxRefAgeMs !== undefined ? { 'max-ref-age-ms': r.maxRefAgeMs } : {}),
        },
      ]),
    ),
    snapshots: m.snapshots.map((s) => ({
      'sequence-number': s.sequenceNumber,
      'snapshot-id': s.snapshotId,
      ...(s.parentSnapshotId !== undefined ? { 'parent-snapshot-id': s.parentSnapshotId } : {}),
      'timestamp-ms': s.timestampMs,
      summary: { ...s.summary },
      'manifest-list': s.manifestList,
      ...(s.schemaId !== undefined ? { 'schema-id': s.schemaId } : {}),
    })),
    statistics: [...m.statistics],
    ...(m.partitionStatistics !== undefined ? { 'partition-statistics': [...m.partitionStatistics] } : {}),
    'snapshot-log': m.snapshotLog.map((e) => ({
      'timestamp-ms': e.timestampMs,
      'snapshot-id': e.snapshotId,
    })),
    'metadata-log': m.metadataLog.map((e) => ({
      'timestamp-ms': e.timestampMs,
      'metadata-file': e.metadataFile,
    })),
  };
  // Compact like Java's TableMetadataParser: the file is read on every commit and grows with snapshot history.
  return stringifyLosslessJson(doc);
}
