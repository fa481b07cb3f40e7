/**
 * `@nasdaq-pipeline/star-schema/duckdb`: the DuckDB engine, isolated so importing the table definitions and
 * models does not load the native DuckDB binding.
 *
 * @packageDocumentation
 */
export type {
  BuildStarSchemaOptions,
  BuildStarSchemaResult,
  TableBuildSummary,
} from './engine/build-star-schema.js';
export { buildStarSchema } from './engine/build-star-schema.js';
export type { BarsInput, ProfilesInput } from './engine/staged-input.js';
export { barsSelect, profilesSelect } from './engine/staged-input.js';
