/**
 * @nasdaq-pipeline/star-schema: The star schema of the NASDAQ pipeline: table definitions, SQL models for DuckDB and Spark SQL, incremental planning.
 *
 * @packageDocumentation
 */
export {};
