import { formatSchemaIssue } from '../../ajv.js';
import { checkEodRowSchema } from '../../validate-fmp-payload.js';
import type { RecordRule } from '../types.js';

/** `bar.schema`: the row matches the `historical-price-eod/full` row schema (fields present, typed). */
export const schemaRule: RecordRule = {
  id: 'bar.schema',
  severity: 'error',
  description: 'row has symbol, date and numeric open/high/low/close/volume',
  check(bar) {
    const issues = checkEodRowSchema(bar);
    return issues.length ? issues.map(formatSchemaIssue).join('; ') : null;
  },
};
