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
export { builtInSuites } from './expectations/built-in-suites.js';
export { runSuites } from './expectations/run-suites.js';
export type { RunSuitesOptions, SuitesOutcome } from './expectations/run-suites.js';
export { compileExpectation, expectationId } from './expectations/compile-expectation.js';
export { EXPECTATION_KINDS } from './expectations/kinds/index.js';
export type {
  Expectation,
  NotNullExpectation,
  UniqueExpectation,
  CompoundUniqueExpectation,
  BetweenExpectation,
  ColumnPairExpectation,
  InSetExpectation,
  RowCountExpectation,
  ForeignKeyExpectation,
  CompletenessExpectation,
  FreshnessExpectation,
  ReconcileExpectation,
  ColumnTypesExpectation,
} from './expectations/kinds/index.js';
export type { IcebergTypeName } from './expectations/kinds/column-types.js';
export { normalizeEngineType } from './expectations/kinds/column-types.js';
export type { ExpectationKind } from './expectations/kinds/kind.js';
export type { Suite } from './expectations/suite.js';
export type {
  RunSql,
  TableRef,
  SuiteRunParams,
  CompileContext,
  CompiledExpectation,
  Evaluation,
  ExpectationBase,
  ExpectationResult,
  ExpectationStatus,
} from './expectations/types.js';
export { toDqResultRows, toRawStageDqRows } from './expectations/dq-results.js';
export type { DqResultRow } from './expectations/dq-results.js';
export { SAMPLE_LIMIT } from './expectations/sql.js';
export { toPlainValue } from './expectations/values.js';
export { suiteSchema } from './schemas/suite.schema.js';
export { parseSuite, validateSuite } from './load-suite.js';
export { buildRunReport, renderReportJson, historyEntryOf } from './report/build-run-report.js';
export { renderJunitXml } from './report/render-junit.js';
export { renderHtmlReport } from './report/render-html.js';
export type { HtmlReportOptions } from './report/render-html.js';
export { renderReportFiles } from './report/render-report-files.js';
export type { ReportFiles } from './report/render-report-files.js';
export { renderPriceChartSvg, renderHistoryChartSvg } from './report/svg-charts.js';
export type {
  ClosePoint,
  RunHistoryEntry,
  RunReport,
  RunReportInput,
  RunSummary,
  RunVerdict,
} from './report/types.js';
export {
  compileClosePricesQuery,
  toClosePoints,
  compileRunHistoryQuery,
  toRunHistory,
} from './report/report-queries.js';
export { coerceEodBulkRow } from './records/coerce-eod-bulk-row.js';
export { buildSuiteRunParams } from './expectations/build-suite-run-params.js';
export type { SuiteRunParamsInput } from './expectations/build-suite-run-params.js';
