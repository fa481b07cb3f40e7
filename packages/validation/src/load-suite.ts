import { parse as parseYaml } from 'yaml';
import { createAjv, formatSchemaIssue, toSchemaIssues, type ValidateFunction } from './ajv.js';
import { SuiteInvalidError } from './errors.js';
import type { Suite } from './expectations/suite.js';
import { suiteSchema } from './schemas/suite.schema.js';

let compiled: ValidateFunction | undefined;

/**
 * Validates a parsed suite object against {@link suiteSchema} and returns it typed.
 * @param source a name for messages (the file path).
 * @throws SuiteInvalidError with one readable line per problem.
 */
export function validateSuite(value: unknown, source = 'suite'): Suite {
  compiled ??= createAjv().compile(suiteSchema);
  if (compiled(value)) {
    const suite = value as unknown as Suite;
    const seen = new Set<string>();
    const dups = suite.expectations
      .map((e) => e.id)
      .filter((id): id is string => {
        if (!id) return false;
        const dup = seen.has(id);
        seen.add(id);
        return dup;
      });
    if (dups.length)
      throw new SuiteInvalidError(
        source,
        dups.map((d) => `duplicate expectation id "${d}"`),
      );
    return suite;
  }
  // if/then branches repeat the enum failure of `kind`; keep the most specific lines
  const issues = toSchemaIssues(
    (compiled.errors ?? []).filter((e) => e.keyword !== 'if'),
    value,
  );
  throw new SuiteInvalidError(source, issues.map(formatSchemaIssue));
}

/**
 * Parses a suite file's text — YAML (a superset of JSON, so `.json` works too) — and validates it.
 * The caller reads the file; this function does no I/O.
 * @throws SuiteInvalidError when the text does not parse or does not match the schema.
 */
export function parseSuite(text: string, source = 'suite'): Suite {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    throw new SuiteInvalidError(source, [`does not parse: ${(e as Error).message.split('\n')[0]}`], e);
  }
  return validateSuite(value, source);
}
