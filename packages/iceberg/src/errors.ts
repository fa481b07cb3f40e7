/**
 * Error taxonomy of `@nasdaq-pipeline/iceberg`. Retries key off `transient`, never off message text.
 */

/** Options accepted by every {@link IcebergError}. */
export interface IcebergErrorOptions {
  readonly cause?: unknown;
}

/** Base class: a stable `code`, whether retrying may help (`transient`), and the native `cause`. */
export class IcebergError extends Error {
  /** Stable machine-readable code, e.g. `ICEBERG_COMMIT_CONFLICT`. */
  readonly code: string;
  /** `true` when the same operation may succeed if retried (e.g. a lost optimistic-concurrency race). */
  readonly transient: boolean;

  constructor(code: string, message: string, transient = false, options: IcebergErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.transient = transient;
  }
}

/** The table pointer moved since the base metadata was loaded; reload and retry. Transient. */
export class CommitConflictError extends IcebergError {
  constructor(message: string, options?: IcebergErrorOptions) {
    super('ICEBERG_COMMIT_CONFLICT', message, true, options);
  }
}

/**
 * The swap may or may not have happened (e.g. network error during the catalog call). Do NOT clean up the files
 * of the attempted commit: they may be referenced by the table now. Not transient.
 */
export class CommitStateUnknownError extends IcebergError {
  constructor(message: string, options?: IcebergErrorOptions) {
    super('ICEBERG_COMMIT_STATE_UNKNOWN', message, false, options);
  }
}

/** Metadata declares a `format-version` this package does not support (only 2). */
export class UnsupportedFormatVersionError extends IcebergError {
  readonly formatVersion: unknown;
  constructor(formatVersion: unknown, location?: string) {
    super(
      'ICEBERG_UNSUPPORTED_FORMAT_VERSION',
      `iceberg: table metadata${location ? ` ${location}` : ''} has format-version ${String(formatVersion)}; ` +
        'only format version 2 is supported (upgrade v1 tables with Spark/PyIceberg first)',
    );
    this.formatVersion = formatVersion;
  }
}

/** The catalog has no such table. */
export class TableNotFoundError extends IcebergError {
  constructor(message: string, options?: IcebergErrorOptions) {
    super('ICEBERG_TABLE_NOT_FOUND', message, false, options);
  }
}

/** `createTable` on an identifier that already exists. */
export class TableAlreadyExistsError extends IcebergError {
  constructor(message: string, options?: IcebergErrorOptions) {
    super('ICEBERG_TABLE_ALREADY_EXISTS', message, false, options);
  }
}

/** Input does not satisfy the spec or the table (schema mismatch, bad metadata JSON, bad partition value…). */
export class ValidationError extends IcebergError {
  constructor(message: string, options?: IcebergErrorOptions) {
    super('ICEBERG_VALIDATION', message, false, options);
  }
}

/** A file that must exist does not (FileIO `read`/`size`). */
export class NotFoundError extends IcebergError {
  readonly path: string;
  constructor(path: string, options?: IcebergErrorOptions) {
    super('ICEBERG_NOT_FOUND', `iceberg: file not found: ${path}`, false, options);
    this.path = path;
  }
}

/**
 * A concurrent commit removed or replaced files this operation depends on (overwrite/delete/replace retry
 * re-validation, iceberg.md §8). Retrying the whole operation from fresh data may succeed.
 */
export class ValidationConflictError extends IcebergError {
  constructor(message: string, options?: IcebergErrorOptions) {
    super('ICEBERG_VALIDATION_CONFLICT', message, true, options);
  }
}
