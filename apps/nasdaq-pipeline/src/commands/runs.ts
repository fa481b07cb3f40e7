import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

/** `nasdaq-pipeline runs [ID]`: the run ledger, or one run with its data-quality results. */
export function registerRuns(program: Command, ctx: CommandContext): void {
  program
    .command('runs')
    .description(
      'list recent runs from the ledger (pipeline_runs), or show one run with its data-quality results',
    )
    .argument('[id]', 'a run id')
    .option('-n, --limit <n>', 'how many recent runs', (v) => Number(v), 20)
    .action(async (id: string | undefined, opts: { limit: number }) =>
      (await import('./runs-action.js')).runRuns(ctx, id, opts),
    );
}
