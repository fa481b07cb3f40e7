/** The environment variable that arms {@link chaosPoint}; unset in normal use. */
export const CHAOS_KILL_AT_ENV = 'NASDAQ_PIPELINE_CHAOS_KILL_AT';

const reached = new Map<string, number>();

/**
 * A named step of a commit path where the crash suite (`tools/chaos/crash.mjs`) can kill the process: when
 * `NASDAQ_PIPELINE_CHAOS_KILL_AT` is `<step>` or `<step>#<k>`, the k-th time (default the first) the process
 * reaches `step` it sends itself SIGKILL — no cleanup, no `finally`, like a power cut. Does nothing otherwise.
 *
 * Steps: `staged` (snapshots staged, nothing published), `publish` (before each table's pointer swap; the publish
 * journal is written before the first), `published` (every table swapped, the run not yet recorded),
 * `maintain-expired`, `maintain-compacted`, `maintain-orphans` (after that part of `maintain`, per table).
 */
export function chaosPoint(step: string, env: NodeJS.ProcessEnv = process.env): void {
  const at = env[CHAOS_KILL_AT_ENV];
  if (!at) return;
  const k = (reached.get(step) ?? 0) + 1;
  reached.set(step, k);
  const [want, nth = '1'] = at.split('#');
  if (want === step && Number(nth) === k) process.kill(process.pid, 'SIGKILL');
}
