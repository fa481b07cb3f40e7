import type { Column, TableInput } from '@aws-sdk/client-glue';
import type { TableMetadata } from '@nasdaq-pipeline/iceberg';
import { convertIcebergTypeToGlue } from './iceberg-to-glue-type.js';

/** Inputs of {@link buildGlueTableInput}. */
export interface GlueTableInputSource {
  /** Glue table name (lowercase letters, digits, underscore). */
  readonly name: string;
  readonly metadata: TableMetadata;
  /** The new `metadata_location`. */
  readonly metadataLocation: string;
  /** The metadata file being replaced (`previous_metadata_location`), when committing. */
  readonly previousMetadataLocation?: string;
  /** Parameters of the Glue table as it is now: kept, except the keys this function sets. */
  readonly existingParameters?: Readonly<Record<string, string>>;
  /** Existing table description, kept. */
  readonly description?: string;
}

/**
 * The Glue `TableInput` of an Iceberg table in the open-source Glue catalog layout (iceberg.md §9, Java
 * `GlueTableOperations`): `EXTERNAL_TABLE` with `table_type=ICEBERG` and `metadata_location` parameters, the table
 * location, and informational columns — the current schema first (`iceberg.field.current=true`), then columns that
 * only older schemas had (`false`), each with `iceberg.field.id` and `iceberg.field.optional`. Pure.
 */
export function buildGlueTableInput(source: GlueTableInputSource): TableInput {
  const { metadata } = source;
  const current =
    metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId) ?? metadata.schemas.at(-1);
  const columns: Column[] = [];
  const seen = new Set<number>();
  const add = (schemaFields: NonNullable<typeof current>['fields'], isCurrent: boolean) => {
    for (const field of schemaFields) {
      if (seen.has(field.id)) continue;
      seen.add(field.id);
      columns.push({
        Name: field.name,
        Type: convertIcebergTypeToGlue(field.type),
        ...(field.doc !== undefined ? { Comment: field.doc } : {}),
        Parameters: {
          'iceberg.field.id': String(field.id),
          'iceberg.field.optional': String(!field.required),
          'iceberg.field.current': String(isCurrent),
        },
      });
    }
  };
  if (current) add(current.fields, true);
  for (const schema of [...metadata.schemas].reverse()) add(schema.fields, false);

  const parameters: Record<string, string> = {
    ...source.existingParameters,
    table_type: 'ICEBERG',
    metadata_location: source.metadataLocation,
  };
  if (source.previousMetadataLocation !== undefined) {
    parameters['previous_metadata_location'] = source.previousMetadataLocation;
  } else {
    delete parameters['previous_metadata_location'];
  }
  return {
    Name: source.name,
    TableType: 'EXTERNAL_TABLE',
    ...(source.description !== undefined ? { Description: source.description } : {}),
    Parameters: parameters,
    StorageDescriptor: { Location: metadata.location, Columns: columns },
  };
}
