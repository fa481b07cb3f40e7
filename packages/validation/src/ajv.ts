import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under nodenext its default import is the module object in some builds.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * Creates the ajv instance every schema of this package compiles with: draft 2020-12, all errors,
 * `ajv-formats`, defaults applied when `useDefaults` is set.
 */
export function createAjv(options: { useDefaults?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, useDefaults: options.useDefaults ?? false });
  addFormats(ajv);
  return ajv;
}

/** One readable validation problem: where, what was expected, what was found. */
export interface SchemaIssue {
  /** JSON pointer of the offending value (`/fmp/plan`), `/` for the root. */
  path: string;
  /** What the schema expected, in words. */
  expected: string;
  /** The offending value, rendered compactly. */
  got: string;
}

function render(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function valueAt(root: unknown, pointer: string): unknown {
  if (!pointer) return root;
  let cur: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function expectation(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'enum':
      return `one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `a value of type ${String(p['type'])}`;
    case 'additionalProperties':
      return `no property "${String(p['additionalProperty'])}" (unknown key; check its spelling)`;
    case 'required':
      return `a property "${String(p['missingProperty'])}"`;
    case 'pattern':
      return `a string matching ${String(p['pattern'])}`;
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      return `a number ${String(p['comparison'])} ${String(p['limit'])}`;
    case 'minItems':
      return `at least ${String(p['limit'])} item(s)`;
    case 'minLength':
      return `at least ${String(p['limit'])} character(s)`;
    case 'format':
      return `a ${String(p['format'])} (e.g. ${p['format'] === 'date' ? '2025-06-13' : String(p['format'])})`;
    default:
      return e.message ?? e.keyword;
  }
}

/** Turns ajv errors into one readable issue each (path, expected, got), most specific first. */
export function toSchemaIssues(
  errors: readonly ErrorObject[] | null | undefined,
  data: unknown,
): SchemaIssue[] {
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (const e of errors ?? []) {
    const extra = e.keyword === 'additionalProperties' ? `/${String(e.params['additionalProperty'])}` : '';
    const path = (e.instancePath || '') + extra || '/';
    const issue: SchemaIssue = {
      path,
      expected: expectation(e),
      got: e.keyword === 'required' ? 'nothing' : render(valueAt(data, (e.instancePath || '') + extra)),
    };
    const key = `${issue.path}|${issue.expected}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

/** Renders an issue as one line: `at /fmp/plan: expected one of "free", …; got "gold"`. */
export function formatSchemaIssue(issue: SchemaIssue): string {
  return `at ${issue.path}: expected ${issue.expected}; got ${issue.got}`;
}

export type { ValidateFunction };
