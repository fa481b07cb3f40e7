import { Option, type Command } from 'commander';
import { canonicalizeSymbol } from '@nasdaq-pipeline/fmp-client';
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

/** Parses `--symbols A,B`: canonical symbols (BRK.B → BRK-B), hostile input rejected before any I/O. */
export function parseSymbolsOption(value: string): string[] {
  const out: string[] = [];
  for (const raw of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    try {
      out.push(canonicalizeSymbol(raw));
    } catch (e) {
      throw new UsageError(`--symbols: ${(e as Error).message}`, e);
    }
  }
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
