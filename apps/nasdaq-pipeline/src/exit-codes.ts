/** Exit codes of the CLI (DESIGN.md §8). */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** Runtime failure. */
  failure: 1,
  /** Usage or configuration error. */
  usage: 2,
  /** A data-quality gate failed; nothing was published. */
  dataQuality: 3,
  /** Some symbols failed; the rest were published. */
  partial: 4,
  /** Another run holds the warehouse lock. */
  locked: 5,
} as const;

/** One of the CLI's exit codes. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
