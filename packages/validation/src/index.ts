/**
 * `@nasdaq-pipeline/validation`: JSON schemas (FMP payloads, config, suites), record rules with
 * quarantine, SQL expectations and run reports.
 *
 * @packageDocumentation
 */
export { createAjv, toSchemaIssues, formatSchemaIssue } from './ajv.js';
export type { SchemaIssue } from './ajv.js';
export { pipelineConfigSchema } from './schemas/pipeline-config.schema.js';
export { validatePipelineConfig } from './validate-config.js';
export type { ConfigValidation } from './validate-config.js';
