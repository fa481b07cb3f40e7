import type { RecordRule } from '../types.js';
import { stringField } from './field.js';

/**
 * `bar.after_run_session`: the date is not after the run's session. Catches future dates and the live
 * partial bar FMP serves for today during the trading day.
 */
export const notAfterRunRule: RecordRule = {
  id: 'bar.after_run_session',
  severity: 'error',
  description: "date is not after the run's session (no partial or future bars)",
  check(bar, context) {
    const date = stringField(bar, 'date');
    if (date === undefined) return null;
    // YYYY-MM-DD strings compare chronologically
    return date > context.runSession ? `${date} is after the run's session ${context.runSession}` : null;
  },
};
