import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import { addSelectionOptions, type SelectionOptions } from './selection-options.js';

/** `nasdaq-pipeline run`: extract → validate raw → transform (staged) → validate tables → publish. */
export function registerRun(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('run')
    .description(
      'the daily job: extract, validate, transform into staged snapshots, validate tables, publish',
    );
  addSelectionOptions(cmd, { source: true, wait: true }).action(async (opts: SelectionOptions) => {
    await (await import('./run-action.js')).executeRunCommand(ctx, 'run', opts);
  });
}

/** `nasdaq-pipeline extract`: land raw responses and quarantine bad rows, without changing tables. */
export function registerExtract(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('extract')
    .description(
      'fetch prices into the raw zone and validate them (tables are not changed; transform builds them)',
    );
  addSelectionOptions(cmd, { source: true, wait: true }).action(async (opts: SelectionOptions) => {
    await (await import('./run-action.js')).executeRunCommand(ctx, 'extract', opts);
  });
}
