import type { RecordRule } from '../types.js';
import { stringField } from './field.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `bar.session_date`: the date is a NASDAQ session (no weekends, holidays or special closures). */
export const sessionDateRule: RecordRule = {
  id: 'bar.session_date',
  severity: 'error',
  description: 'date is a NASDAQ session',
  check(bar, context) {
    const date = stringField(bar, 'date');
    if (date === undefined || !DATE.test(date)) return null; // bar.schema reports it
    try {
      return context.isSession(date) ? null : `${date} is not a NASDAQ session`;
    } catch (e) {
      return `${date} is not a usable date (${(e as Error).message})`;
    }
  },
};
