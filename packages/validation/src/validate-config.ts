import { createAjv, toSchemaIssues, type SchemaIssue } from './ajv.js';
import { pipelineConfigSchema } from './schemas/pipeline-config.schema.js';

/** Result of validating a configuration object. */
export type ConfigValidation =
  { ok: true; value: Record<string, unknown> } | { ok: false; issues: SchemaIssue[] };

let compiled: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/**
 * Validates a parsed configuration file against {@link pipelineConfigSchema}. The input is not
 * modified; defaults are not applied (the CLI merges flags, environment and defaults itself).
 */
export function validatePipelineConfig(config: unknown): ConfigValidation {
  compiled ??= createAjv().compile(pipelineConfigSchema);
  if (compiled(config)) return { ok: true, value: config as Record<string, unknown> };
  return { ok: false, issues: toSchemaIssues(compiled.errors, config) };
}
