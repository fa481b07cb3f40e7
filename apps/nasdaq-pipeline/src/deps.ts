/** A writable text sink (stdout, stderr, or a buffer in tests). */
export interface TextSink {
  write(text: string): void;
  /** Whether the sink is an interactive terminal (progress bars only then). */
  isTTY?: boolean;
}

/**
 * Everything the CLI touches in the outside world. `bin.ts` passes the real process; tests pass
 * their own, so commands run in-process without mocking modules.
 */
export interface CliDeps {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: TextSink;
  stderr: TextSink;
  /** Current time; injected so runs are reproducible. */
  now: () => Date;
  /** HTTP client used for FMP (defaults to the global fetch). */
  fetch?: typeof fetch;
}
