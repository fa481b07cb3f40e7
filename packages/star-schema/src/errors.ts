/** Options of {@link StarSchemaError}. */
export interface StarSchemaErrorOptions {
  /** Whether retrying the same call may succeed (I/O hiccup) rather than fail again (bad input). */
  transient?: boolean;
  cause?: unknown;
}

/** Base class of every error this package throws: a stable `code`, `transient`, native `cause`. */
export class StarSchemaError extends Error {
  /** Stable machine-readable code, e.g. `STAR_SCHEMA_INPUT`. */
  readonly code: string;
  /** Whether a retry may succeed. */
  readonly transient: boolean;

  constructor(code: string, message: string, options: StarSchemaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.transient = options.transient ?? false;
  }
}

/** Bad arguments: an unknown table or model, an empty batch size, a malformed date. Not transient. */
export class StarSchemaInputError extends StarSchemaError {
  constructor(message: string, options: StarSchemaErrorOptions = {}) {
    super('STAR_SCHEMA_INPUT', `star-schema: ${message}`, options);
  }
}

/** The SQL engine failed while running a model; `cause` holds the engine's error. */
export class ModelExecutionError extends StarSchemaError {
  /** The model (table name) being run. */
  readonly model: string;

  constructor(model: string, message: string, options: StarSchemaErrorOptions = {}) {
    super('STAR_SCHEMA_MODEL', `star-schema: model ${model} failed — ${message}`, options);
    this.model = model;
  }
}

/** Writing or staging a table through the injected table store failed. */
export class TableStoreError extends StarSchemaError {
  /** The table being written. */
  readonly table: string;

  constructor(table: string, message: string, options: StarSchemaErrorOptions = {}) {
    super('STAR_SCHEMA_STORE', `star-schema: table ${table} — ${message}`, options);
    this.table = table;
  }
}
