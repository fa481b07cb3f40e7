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
export {
  ValidationError,
  SuiteInvalidError,
  ExpectationCompileError,
  UnknownEndpointError,
} from './errors.js';
export { fmpPayloadSchemas, validateFmpPayload, checkEodRowSchema } from './validate-fmp-payload.js';
export type { FmpEndpoint, PayloadValidation } from './validate-fmp-payload.js';
export { fmpEodFullRowSchema, fmpEodBulkRowSchema } from './schemas/fmp-eod.schema.js';
export { validateBars } from './records/validate-bars.js';
export type { ValidateBarsOptions, BarValidation } from './records/validate-bars.js';
export { RECORD_RULES } from './records/rules/index.js';
export { RECORD_RULE_IDS } from './records/rule-ids.js';
export { findBarWarnings, SPLIT_LOG_RETURN_THRESHOLD } from './records/warnings.js';
export type { BarWarningOptions, PriorClose } from './records/warnings.js';
export type {
  AcceptedBar,
  BarWarning,
  KnownGap,
  QuarantineRow,
  RawBar,
  RecordRule,
  RecordRuleContext,
  Severity,
} from './records/types.js';
