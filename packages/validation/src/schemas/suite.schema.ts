import { EXPECTATION_KINDS } from '../expectations/kinds/index.js';

const base = {
  id: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,200}$' },
  kind: { type: 'string' },
  table: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
  severity: { enum: ['error', 'warn'], default: 'error' },
  mostly: { type: 'number', minimum: 0, maximum: 1, default: 1 },
  description: { type: 'string' },
  dateColumn: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
  dateGrain: { enum: ['day', 'week', 'month'] },
} as const;

/** The schema of one expectation of `kind`: base fields plus the kind's own, nothing else. */
function kindBranch(kind: string) {
  const k = EXPECTATION_KINDS[kind as keyof typeof EXPECTATION_KINDS];
  return {
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: {
      required: ['kind', 'table', ...k.required],
      additionalProperties: false,
      properties: { ...base, ...k.properties },
    },
  };
}

/**
 * JSON Schema (draft 2020-12) of an expectation suite file (YAML or JSON):
 * `{ name, description?, expectations: [{ kind, table, severity?, mostly?, id?, …kind fields }] }`.
 * Built from the expectation kinds, so a new kind is accepted as soon as it is registered.
 */
export const suiteSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://nasdaq-pipeline.dev/schemas/suite.schema.json',
  title: 'nasdaq-pipeline expectation suite',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'expectations'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    expectations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'table'],
        properties: { kind: { enum: Object.keys(EXPECTATION_KINDS) } },
        allOf: Object.keys(EXPECTATION_KINDS).map(kindBranch),
      },
    },
  },
};
