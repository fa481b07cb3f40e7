/** Bounded concurrency: at most `size` holders at a time, served first come, first served. */
export interface Semaphore {
  /** Runs `task` once a slot is free and releases the slot when it settles. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Creates a {@link Semaphore} with `size` slots (≥ 1). */
export function createSemaphore(size: number): Semaphore {
  let active = 0;
  const waiting: (() => void)[] = [];

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  return {
    async run(task) {
      if (active < size) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
