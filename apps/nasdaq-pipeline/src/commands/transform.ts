import { Option, type Command } from 'commander';
import type { CommandContext } from '../program.js';
import { addSelectionOptions, type SelectionOptions } from './selection-options.js';

/** Options of `transform`. */
export interface TransformOptions extends SelectionOptions {
  engine: 'duckdb' | 'glue';
  rebuild?: boolean;
}

/** Hook for `--engine glue` (registered by the AWS integration). */
export type GlueTransform = (
  ctx: CommandContext,
  opts: TransformOptions & { dryRun?: boolean },
) => Promise<void>;
let glueTransform: GlueTransform | null = null;

/** Registers how `transform --engine glue` submits its Glue job. */
export function registerGlueTransform(fn: GlueTransform): void {
  glueTransform = fn;
}

/** The registered Glue transform, or null in a build without the AWS target. */
export function glueTransformHook(): GlueTransform | null {
  return glueTransform;
}

/**
 * `nasdaq-pipeline transform`: builds the tables from what the raw zone holds (no FMP call): the window's
 * bars, or with `--rebuild` every table recomputed from the whole raw zone.
 */
export function registerTransform(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('transform')
    .description(
      'build the tables from the raw zone (no FMP call); --rebuild recomputes every table from all raw data',
    )
    .addOption(
      new Option('--engine <engine>', 'duckdb (local engine) or glue (Glue Spark job, --target aws)')
        .choices(['duckdb', 'glue'])
        .default('duckdb'),
    )
    .option('--rebuild', 'recompute every table from the whole raw zone')
    .option('--dry-run', 'with --engine glue: print what would be created and submitted');
  addSelectionOptions(cmd, { wait: true }).action(async (opts: TransformOptions & { dryRun?: boolean }) =>
    (await import('./transform-action.js')).runTransform(ctx, opts),
  );
}
