import type { RecordRule } from '../types.js';
import { highBoundRule } from './high-bound-rule.js';
import { lowBoundRule } from './low-bound-rule.js';
import { notAfterRunRule } from './not-after-run-rule.js';
import { pricePositiveRule } from './price-positive-rule.js';
import { schemaRule } from './schema-rule.js';
import { sessionDateRule } from './session-date-rule.js';
import { volumeRule } from './volume-rule.js';

/** Every per-row error rule, in evaluation order. */
export const RECORD_RULES: readonly RecordRule[] = [
  schemaRule,
  pricePositiveRule,
  highBoundRule,
  lowBoundRule,
  volumeRule,
  sessionDateRule,
  notAfterRunRule,
];
