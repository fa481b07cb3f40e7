import type { IcebergType } from '@nasdaq-pipeline/iceberg';

const PRIMITIVES: Record<string, string> = {
  boolean: 'boolean',
  int: 'int',
  long: 'bigint',
  float: 'float',
  double: 'double',
  date: 'date',
  time: 'string',
  timestamp: 'timestamp',
  timestamptz: 'timestamp',
  timestamp_ns: 'timestamp',
  timestamptz_ns: 'timestamp',
  string: 'string',
  uuid: 'string',
  binary: 'binary',
};

/**
 * The Hive type Glue shows for an Iceberg type (iceberg.md §9, Java `IcebergToGlueConverter`): `long` → `bigint`,
 * `uuid`/`time` → `string`, `timestamptz` → `timestamp`, `fixed[L]` → `binary`, `decimal(P, S)` → `decimal(P,S)`,
 * nested `struct<a:t>`, `array<t>`, `map<k,v>`. Informational only: Athena reads the schema from the metadata file.
 */
export function convertIcebergTypeToGlue(type: IcebergType): string {
  if (typeof type === 'string') {
    const primitive = PRIMITIVES[type];
    if (primitive) return primitive;
    if (type.startsWith('fixed[')) return 'binary';
    if (type.startsWith('decimal(')) return type.replace(/\s+/g, '');
    return 'string';
  }
  switch (type.type) {
    case 'struct':
      return `struct<${type.fields.map((f) => `${f.name}:${convertIcebergTypeToGlue(f.type)}`).join(',')}>`;
    case 'list':
      return `array<${convertIcebergTypeToGlue(type.element)}>`;
    case 'map':
      return `map<${convertIcebergTypeToGlue(type.key)},${convertIcebergTypeToGlue(type.value)}>`;
  }
}
