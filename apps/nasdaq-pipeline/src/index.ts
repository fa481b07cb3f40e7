/**
 * `@nasdaq-pipeline/nasdaq-pipeline`: the CLI, importable for in-process use and tests.
 *
 * @packageDocumentation
 */
export { buildProgram, runCli } from './program.js';
export type { CommandContext, GlobalOptions } from './program.js';
export type { CliDeps, TextSink } from './deps.js';
export { ExitCode } from './exit-codes.js';
export type { ExitCodeValue } from './exit-codes.js';
export { PipelineError, ConfigError, UsageError, isPipelineErrorLike, exitCodeFor } from './errors.js';
export { loadConfig } from './config/load-config.js';
export type { ConfigFlags, ConfigSources } from './config/load-config.js';
export { defaultConfig, builtInSymbolGroups } from './config/defaults.js';
export type { ResolvedConfig, FmpPlanName, ExtraClosure } from './config/types.js';
export { loadSymbolGroups, selectSymbols } from './config/symbols.js';
export type { SymbolGroups } from './config/symbols.js';
export { renderHelpReference, spliceHelpReference, helpMarkers } from './help-reference.js';
