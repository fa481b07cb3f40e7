import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';

/** The window/symbol/source flags shared by run, extract, transform and backfill. */
export interface SelectionOptions {
  date?: string;
  from?: string;
  to?: string;
  symbols?: string[];
  source?: 'fmp' | 'sample';
  wait?: number;
}

/**
 * Splits `--symbols A,B` into a de-duplicated list. Each symbol is canonicalised and checked against
 * the strict pattern by {@link canonicalizeSymbols} before any I/O (kept out of argument parsing so
 * start-up loads no FMP code).
 */
export function parseSymbolsOption(value: string): string[] {
  const out = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (out.length === 0) throw new UsageError('--symbols needs at least one symbol, e.g. --symbols AAPL,MSFT');
  return [...new Set(out)];
}

/** Adds `--date | --from/--to`, `--symbols`, and optionally `--source` and `--wait`. */
export function addSelectionOptions(cmd: Command, extra: { source?: boolean; wait?: boolean } = {}): Command {
  cmd
    .option('--date <date>', 'one session (YYYY-MM-DD); default: the last completed session')
    .option('--from <date>', 'first day of a range')
    .option('--to <date>', 'last day of a range (default: the last completed session)')
    .option('--symbols <list>', 'comma-separated symbols (default: config symbols)', parseSymbolsOption);
  if (extra.source)
    cmd.addOption(
      new Option('--source <source>', 'fmp (needs FMP_API_KEY) or sample').choices(['fmp', 'sample']),
    );
  if (extra.wait) {
    cmd.option('--wait <seconds>', 'wait up to this long for another run to release the lock', (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0)
        throw new UsageError(`--wait ${JSON.stringify(v)} must be a number of seconds`);
      return n;
    });
  }
  return cmd;
}
