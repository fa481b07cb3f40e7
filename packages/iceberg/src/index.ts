/**
 * @nasdaq-pipeline/iceberg: Apache Iceberg v2 tables from TypeScript: metadata, Avro manifests, Parquet data files, commits, scans and maintenance.
 *
 * @packageDocumentation
 */
export {};
