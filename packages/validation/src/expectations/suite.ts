import type { Expectation } from './kinds/index.js';

/** A named list of expectations (built-in per table, or a user's YAML/JSON file). */
export interface Suite {
  name: string;
  description?: string;
  expectations: Expectation[];
}
