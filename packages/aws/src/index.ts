/**
 * @nasdaq-pipeline/aws: AWS implementations: S3 FileIO, Glue Data Catalog, Athena queries and Glue Spark job runs.
 *
 * @packageDocumentation
 */
export {};
