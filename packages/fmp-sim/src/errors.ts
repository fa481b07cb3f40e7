/**
 * Base class of fmp-sim errors: stable `code`, `transient` (always false here: a bad option stays
 * bad) and native `cause`.
 */
export class SimError extends Error {
  readonly code: string;
  readonly transient: boolean;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.transient = false;
  }
}

/** An invalid simulator option or faults file. */
export class SimConfigError extends SimError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SIM_CONFIG', `fmp-sim: ${message}`, options);
  }
}
