import type { TableMetadata } from '@nasdaq-pipeline/iceberg';
import { describe, expect, it } from 'vitest';
import { buildGlueTableInput } from './build-table-input.js';
import { convertIcebergTypeToGlue } from './iceberg-to-glue-type.js';
import { buildMetadataLocation, parseMetadataVersion } from './metadata-file-name.js';

const metadata = {
  formatVersion: 2,
  tableUuid: 'c0ffee00-0000-4000-8000-000000000001',
  location: 's3://lake/wh/nasdaq/fact_stock_daily_price',
  lastSequenceNumber: 0n,
  lastUpdatedMs: 0,
  lastColumnId: 4,
  schemas: [
    {
      type: 'struct',
      schemaId: 0,
      fields: [
        { id: 1, name: 'symbol', required: true, type: 'string' },
        { id: 2, name: 'old_col', required: false, type: 'int' },
      ],
    },
    {
      type: 'struct',
      schemaId: 1,
      fields: [
        { id: 1, name: 'symbol', required: true, type: 'string', doc: 'ticker' },
        { id: 3, name: 'volume', required: false, type: 'long' },
        { id: 4, name: 'close_price', required: false, type: 'decimal(18, 4)' },
      ],
    },
  ],
  currentSchemaId: 1,
  partitionSpecs: [{ specId: 0, fields: [] }],
  defaultSpecId: 0,
  lastPartitionId: 999,
  properties: {},
  snapshots: [],
  snapshotLog: [],
  metadataLog: [],
  sortOrders: [{ orderId: 0, fields: [] }],
  defaultSortOrderId: 0,
  refs: {},
  statistics: [],
} satisfies TableMetadata;

describe('buildGlueTableInput', () => {
  it('marks the table ICEBERG, keeps other parameters and lists current then historical columns', () => {
    const input = buildGlueTableInput({
      name: 'fact_stock_daily_price',
      metadata,
      metadataLocation: 's3://lake/wh/nasdaq/fact_stock_daily_price/metadata/00001-u.metadata.json',
      previousMetadataLocation: 's3://lake/wh/nasdaq/fact_stock_daily_price/metadata/00000-u.metadata.json',
      existingParameters: { owner: 'data-eng', metadata_location: 'old', table_type: 'iceberg' },
    });
    expect(input.TableType).toBe('EXTERNAL_TABLE');
    expect(input.Parameters).toEqual({
      owner: 'data-eng',
      table_type: 'ICEBERG',
      metadata_location: 's3://lake/wh/nasdaq/fact_stock_daily_price/metadata/00001-u.metadata.json',
      previous_metadata_location: 's3://lake/wh/nasdaq/fact_stock_daily_price/metadata/00000-u.metadata.json',
    });
    expect(input.StorageDescriptor?.Location).toBe(metadata.location);
    expect(input.StorageDescriptor?.Columns).toEqual([
      {
        Name: 'symbol',
        Type: 'string',
        Comment: 'ticker',
        Parameters: {
          'iceberg.field.id': '1',
          'iceberg.field.optional': 'false',
          'iceberg.field.current': 'true',
        },
      },
      {
        Name: 'volume',
        Type: 'bigint',
        Parameters: {
          'iceberg.field.id': '3',
          'iceberg.field.optional': 'true',
          'iceberg.field.current': 'true',
        },
      },
      {
        Name: 'close_price',
        Type: 'decimal(18,4)',
        Parameters: {
          'iceberg.field.id': '4',
          'iceberg.field.optional': 'true',
          'iceberg.field.current': 'true',
        },
      },
      {
        Name: 'old_col',
        Type: 'int',
        Parameters: {
          'iceberg.field.id': '2',
          'iceberg.field.optional': 'true',
          'iceberg.field.current': 'false',
        },
      },
    ]);
  });

  it('omits previous_metadata_location at create', () => {
    const input = buildGlueTableInput({
      name: 't',
      metadata,
      metadataLocation: 's3://x/00000-u.metadata.json',
    });
    expect(input.Parameters).toEqual({
      table_type: 'ICEBERG',
      metadata_location: 's3://x/00000-u.metadata.json',
    });
  });
});

describe('convertIcebergTypeToGlue', () => {
  it.each([
    ['timestamptz', 'timestamp'],
    ['uuid', 'string'],
    ['time', 'string'],
    ['fixed[16]', 'binary'],
    ['date', 'date'],
  ] as const)('%s → %s', (iceberg, glue) => {
    expect(convertIcebergTypeToGlue(iceberg)).toBe(glue);
  });

  it('renders nested types', () => {
    expect(
      convertIcebergTypeToGlue({
        type: 'struct',
        fields: [
          {
            id: 5,
            name: 'tags',
            required: false,
            type: { type: 'list', elementId: 6, elementRequired: false, element: 'string' },
          },
          {
            id: 7,
            name: 'attrs',
            required: false,
            type: { type: 'map', keyId: 8, key: 'string', valueId: 9, valueRequired: false, value: 'long' },
          },
        ],
      }),
    ).toBe('struct<tags:array<string>,attrs:map<string,bigint>>');
  });
});

describe('metadata file names', () => {
  const uuid = '0d8f8d8e-1b1c-4a4a-9d9d-123456789abc';
  it('starts at 00000 and increments the parsed version', () => {
    expect(buildMetadataLocation('s3://b/t/', {}, undefined, uuid)).toBe(
      `s3://b/t/metadata/00000-${uuid}.metadata.json`,
    );
    expect(buildMetadataLocation('s3://b/t', {}, `s3://b/t/metadata/00041-${uuid}.metadata.json`, uuid)).toBe(
      `s3://b/t/metadata/00042-${uuid}.metadata.json`,
    );
    expect(
      buildMetadataLocation(
        's3://b/t',
        { 'write.metadata.path': 's3://b/meta/' },
        's3://b/t/metadata/v3.metadata.json',
        uuid,
      ),
    ).toBe(`s3://b/meta/00000-${uuid}.metadata.json`);
  });
  it('parses V out of Java, PyIceberg and gzip names', () => {
    expect(parseMetadataVersion(`s3://b/t/metadata/00007-${uuid}.metadata.json`)).toBe(7);
    expect(parseMetadataVersion(`s3://b/t/metadata/123456-${uuid}.gz.metadata.json`)).toBe(123456);
    expect(parseMetadataVersion('s3://b/t/metadata/v3.metadata.json')).toBeUndefined();
  });
});
