import { describe, expect, it } from 'vitest';
import { UnsupportedFormatVersionError, ValidationError } from '../errors.js';
import { newTableMetadata } from './new-table-metadata.js';
import { parseTableMetadata, serializeTableMetadata } from './table-metadata-json.js';
import type { Schema, TableMetadata } from './types.js';

const schema: Schema = {
  type: 'struct',
  schemaId: 0,
  identifierFieldIds: [1],
  fields: [
    { id: 1, name: 'id', required: true, type: 'long' },
    { id: 2, name: 'ts', required: false, type: 'timestamptz' },
    {
      id: 3,
      name: 'tags',
      required: false,
      type: { type: 'list', elementId: 5, elementRequired: false, element: 'string' },
    },
    {
      id: 4,
      name: 'attrs',
      required: false,
      type: {
        type: 'map',
        keyId: 6,
        key: 'string',
        valueId: 7,
        valueRequired: true,
        value: 'decimal(10, 2)',
      },
    },
  ],
};

describe('table metadata JSON', () => {
  it('keeps snapshot ids above 2^53 exact through parse and serialise', () => {
    const big = 9007199254740993n; // 2^53 + 1: JSON.parse would round it
    const base = newTableMetadata({ location: 'file:///t', schema, tableUuid: 'u', nowMs: 1 });
    const m: TableMetadata = {
      ...base,
      currentSnapshotId: big,
      lastSequenceNumber: 1n,
      snapshots: [
        {
          snapshotId: big,
          sequenceNumber: 1n,
          timestampMs: 2,
          manifestList: 'file:///t/m.avro',
          summary: { operation: 'append' },
          schemaId: 0,
        },
      ],
      refs: { main: { snapshotId: big, type: 'branch' } },
      snapshotLog: [{ timestampMs: 2, snapshotId: big }],
    };
    const text = serializeTableMetadata(m);
    expect(text).toContain('"current-snapshot-id":9007199254740993');
    const back = parseTableMetadata(text);
    expect(back.currentSnapshotId).toBe(big);
    expect(back.snapshots[0]!.snapshotId).toBe(big);
    expect(back).toEqual(m);
  });

  it('writes an empty table the way Java/Athena do', () => {
    const doc = JSON.parse(
      serializeTableMetadata(newTableMetadata({ location: 'file:///t/', schema, tableUuid: 'u', nowMs: 1 })),
    );
    expect(doc).toMatchObject({
      'format-version': 2,
      location: 'file:///t',
      'last-sequence-number': 0,
      'current-snapshot-id': -1,
      'last-partition-id': 999,
      'last-column-id': 7,
      refs: {},
      snapshots: [],
      'partition-specs': [{ 'spec-id': 0, fields: [] }],
      'sort-orders': [{ 'order-id': 0, fields: [] }],
    });
    expect(doc.schemas[0].fields[2].type).toEqual({
      type: 'list',
      'element-id': 5,
      element: 'string',
      'element-required': false,
    });
  });

  it('rejects format versions other than 2 with a clear error', () => {
    expect(() => parseTableMetadata('{"format-version":1}', 'v1.metadata.json')).toThrow(
      UnsupportedFormatVersionError,
    );
    expect(() => parseTableMetadata('{"format-version":3}')).toThrow(/only format version 2/);
    expect(() => parseTableMetadata('{"format-version":2}')).toThrow(ValidationError);
  });
});
