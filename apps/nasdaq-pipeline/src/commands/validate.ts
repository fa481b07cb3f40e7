import { Option, type Command } from 'commander';
import type { CommandContext } from '../program.js';
import type { ValidateOptions } from './validate-action.js';

/** `nasdaq-pipeline validate`: re-check the raw zone (record rules) and/or the published tables (suites). */
export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description(
      'check the raw zone with the record rules and the published tables with the expectation suites',
    )
    .addOption(
      new Option('--stage <stage>', 'what to check').choices(['raw', 'tables', 'all']).default('all'),
    )
    .option('--run <id>', 'raw stage: only the raw responses of this run (default: every run)')
    .action(async (opts: ValidateOptions) => (await import('./validate-action.js')).runValidate(ctx, opts));
}
