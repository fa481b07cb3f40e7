/**
 * Manifest-list reader (spec "Manifest Lists"): fields resolved by id, so Java's 504–506 names
 * (`added_data_files_count`…) and the spec's (`added_files_count`…) both work.
 */
import { readAvroContainer } from '../avro/read-container.js';
import type { FileIO } from '../io/file-io.js';
import type { FieldSummary, ManifestContent, ManifestFile } from '../metadata/types.js';
import {
  getBigint,
  getBoolean,
  getBytes,
  getNumber,
  getRecordArray,
  getString,
  type IdRecord,
} from './read-fields.js';

/**
 * Reads every `manifest_file` entry of a manifest list.
 * @throws {NotFoundError} from `io` when the file is missing; Error when it is not a valid manifest list.
 */
export async function readManifestList(io: FileIO, path: string): Promise<ManifestFile[]> {
  const container = readAvroContainer(await io.read(path));
  return container.records.map((value) =>
    decodeManifestFile({ type: container.schema, value: value as IdRecord['value'] }, path),
  );
}

/** Decodes one `manifest_file` record. Exposed for tests. */
export function decodeManifestFile(rec: IdRecord, listPath = '<manifest list>'): ManifestFile {
  const manifestPath = getString(rec, 500, 'manifest_path');
  if (manifestPath === undefined)
    throw new Error(`iceberg: manifest list ${listPath} has an entry without manifest_path`);
  const partitions = getRecordArray(rec, 507, 'partitions')?.map(decodeFieldSummary);
  const keyMetadata = getBytes(rec, 519, 'key_metadata');
  // v1 lists lack content/sequence numbers: content 0 and sequence number 0 (spec "Sequence Number Inheritance").
  return {
    manifestPath,
    manifestLength: getBigint(rec, 501, 'manifest_length') ?? 0n,
    partitionSpecId: getNumber(rec, 502, 'partition_spec_id') ?? 0,
    content: (getNumber(rec, 517, 'content') ?? 0) as ManifestContent,
    sequenceNumber: getBigint(rec, 515, 'sequence_number') ?? 0n,
    minSequenceNumber: getBigint(rec, 516, 'min_sequence_number') ?? 0n,
    addedSnapshotId: getBigint(rec, 503, 'added_snapshot_id') ?? 0n,
    addedFilesCount: getNumber(rec, 504, 'added_files_count') ?? 0,
    existingFilesCount: getNumber(rec, 505, 'existing_files_count') ?? 0,
    deletedFilesCount: getNumber(rec, 506, 'deleted_files_count') ?? 0,
    addedRowsCount: getBigint(rec, 512, 'added_rows_count') ?? 0n,
    existingRowsCount: getBigint(rec, 513, 'existing_rows_count') ?? 0n,
    deletedRowsCount: getBigint(rec, 514, 'deleted_rows_count') ?? 0n,
    ...(partitions ? { partitions } : {}),
    ...(keyMetadata ? { keyMetadata } : {}),
  };
}

function decodeFieldSummary(rec: IdRecord): FieldSummary {
  const containsNan = getBoolean(rec, 518, 'contains_nan');
  const lowerBound = getBytes(rec, 510, 'lower_bound');
  const upperBound = getBytes(rec, 511, 'upper_bound');
  return {
    containsNull: getBoolean(rec, 509, 'contains_null') ?? true,
    ...(containsNan !== undefined ? { containsNan } : {}),
    ...(lowerBound ? { lowerBound } : {}),
    ...(upperBound ? { upperBound } : {}),
  };
}
