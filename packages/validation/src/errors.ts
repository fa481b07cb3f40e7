/**
 * Base of every error thrown by `@nasdaq-pipeline/validation`: a stable `code`, whether retrying could
 * help (`transient`), and an optional native `cause`. Data-quality failures are never thrown: they are
 * results. Errors are for unusable inputs (a malformed suite file, an unknown expectation kind).
 */
export class ValidationError extends Error {
  /** Stable machine-readable code, e.g. `VALIDATION_SUITE_INVALID`. */
  readonly code: string;
  /** Whether the same call may succeed if retried. */
  readonly transient: boolean;

  constructor(message: string, options: { code: string; transient?: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.transient = options.transient ?? false;
  }
}

/** A suite file (YAML/JSON) that does not parse or does not match the suite schema. */
export class SuiteInvalidError extends ValidationError {
  /** One readable line per problem (`at /expectations/0/kind: expected …; got …`). */
  readonly issues: readonly string[];

  constructor(source: string, issues: readonly string[], cause?: unknown) {
    super(
      `validation: suite ${source} is invalid — ${issues.join('; ')}. Fix the file (schema: suiteSchema) and rerun.`,
      { code: 'VALIDATION_SUITE_INVALID', cause },
    );
    this.issues = issues;
  }
}

/** An expectation whose parameters cannot be compiled to SQL (e.g. an unsafe identifier). */
export class ExpectationCompileError extends ValidationError {
  constructor(expectationId: string, reason: string) {
    super(`validation: cannot compile expectation ${expectationId}: ${reason}`, {
      code: 'VALIDATION_EXPECTATION_COMPILE',
    });
  }
}

/** A payload for an endpoint this package has no schema for. */
export class UnknownEndpointError extends ValidationError {
  constructor(endpoint: string, known: readonly string[]) {
    super(`validation: no schema for FMP endpoint "${endpoint}"; known: ${known.join(', ')}`, {
      code: 'VALIDATION_UNKNOWN_ENDPOINT',
    });
  }
}
