import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import type { BackfillOptions } from './backfill-action.js';
import { parseDateOption } from '../cli-dates.js';
import { parseSymbolsOption } from './selection-options.js';

/** `nasdaq-pipeline backfill`: month-sized chunks, each a full published run, resumable from the ledger. */
export function registerBackfill(program: Command, ctx: CommandContext): void {
  program
    .command('backfill')
    .description(
      'load a date range month by month (each month a published run); --resume skips months already done',
    )
    .requiredOption('--from <date>', 'first day', (v) => parseDateOption(v, '--from'))
    .requiredOption('--to <date>', 'last day', (v) => parseDateOption(v, '--to'))
    .option('--symbols <list>', 'comma-separated symbols (default: config symbols)', parseSymbolsOption)
    .option('--resume', 'skip months an earlier backfill of these symbols already published')
    .option(
      '--dry-run',
      'print the chunks and the API calls they will spend against the plan quota; change nothing',
    )
    .option('--source <source>', 'fmp or sample')
    .option('--wait <seconds>', 'wait for the lock up to this long', (v) => Number(v))
    .action(async (opts: BackfillOptions) => (await import('./backfill-action.js')).runBackfill(ctx, opts));
}
