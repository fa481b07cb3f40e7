import { formatSchemaIssue } from '../../ajv.js';
import { checkEodRowSchema } from '../../validate-fmp-payload.js';
import type { RawBar, RecordRule } from '../types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SYMBOL = /^[\^A-Za-z0-9][A-Za-z0-9.\-^]{0,19}$/;
const OPTIONAL = ['change', 'changePercent', 'vwap'] as const;

function looksValid(bar: RawBar): boolean {
  const symbol = bar['symbol'];
  const date = bar['date'];
  if (typeof symbol !== 'string' || !SYMBOL.test(symbol) || typeof date !== 'string' || !DATE.test(date)) {
    return false;
  }
  for (const f of ['open', 'high', 'low', 'close', 'volume'] as const)
    if (typeof bar[f] !== 'number') return false;
  for (const f of OPTIONAL) {
    const v = bar[f];
    if (v !== undefined && v !== null && typeof v !== 'number') return false;
  }
  return true;
}

/** `bar.schema`: the row matches the `historical-price-eod/full` row schema (fields present, typed). */
export const schemaRule: RecordRule = {
  id: 'bar.schema',
  severity: 'error',
  description: 'row has symbol, date and numeric open/high/low/close/volume',
  check(bar) {
    // Fast path for the common well-formed row; ajv runs only to explain a failure. A valid-looking but
    // impossible date (2025-02-30) passes here and is rejected by bar.session_date.
    if (looksValid(bar)) return null;
    const issues = checkEodRowSchema(bar);
    return issues.length ? issues.map(formatSchemaIssue).join('; ') : null;
  },
};
