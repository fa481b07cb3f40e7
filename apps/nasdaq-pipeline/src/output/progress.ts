import type { CommandContext } from '../program.js';

/** A progress indicator: a bar on an interactive stderr, nothing otherwise (cron, pipes, --json, --quiet). */
export interface Progress {
  update(done: number, total: number, item: string): void;
  stop(): void;
}

/** Creates a progress bar when stderr is a TTY and output is for humans; a no-op otherwise. */
export function createProgress(ctx: CommandContext, label: string): Progress {
  const g = ctx.globals();
  const sink = ctx.deps.stderr;
  if (!sink.isTTY || g.quiet || g.json) return { update: () => undefined, stop: () => undefined };
  let drawn = false;
  return {
    update(done, total, item) {
      const width = 24;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      sink.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${item.padEnd(10)}`,
      );
      drawn = true;
    },
    stop() {
      if (drawn) sink.write('\n');
    },
  };
}
