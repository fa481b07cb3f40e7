/**
 * A FileIO that fails on purpose, for fault tests: it counts the mutating calls (`write`, `createExclusive`)
 * made through it and makes the one chosen by {@link FaultPlan} fail — before touching storage (`'before'`:
 * a full disk, a refused PUT) or after the bytes landed (`'after'`: the response was lost). Reads pass through.
 */
import type { FileInfo, FileIO } from '../io/file-io.js';

/** Which call fails and how. `nth` counts from 1 over the calls whose kind is in `kinds`. */
export interface FaultPlan {
  readonly nth: number;
  readonly kinds: readonly ('write' | 'createExclusive')[];
  readonly when: 'before' | 'after';
  /** Only calls whose path matches fail (default: every path). */
  readonly pathFilter?: RegExp;
}

/** The error a planned fault throws. */
export class InjectedFault extends Error {
  readonly code = 'INJECTED_FAULT';
  readonly transient = false;
}

/** Wraps `inner`; `plan` may be changed between operations, `calls` lists every mutating call seen. */
export class FaultyFileIO implements FileIO {
  plan: FaultPlan | null = null;
  readonly calls: string[] = [];
  private seen = 0;

  constructor(private readonly inner: FileIO) {}

  /** Arms a new plan and resets the call counter. */
  arm(plan: FaultPlan | null): void {
    this.plan = plan;
    this.seen = 0;
    this.calls.length = 0;
  }

  private async mutate<T>(kind: 'write' | 'createExclusive', path: string, op: () => Promise<T>): Promise<T> {
    this.calls.push(`${kind} ${path}`);
    const p = this.plan;
    const hit =
      p !== null && p.kinds.includes(kind) && (p.pathFilter?.test(path) ?? true) && ++this.seen === p.nth;
    if (hit && p.when === 'before') throw new InjectedFault(`injected fault: ${kind} ${path} failed`);
    const out = await op();
    if (hit) throw new InjectedFault(`injected fault: ${kind} ${path} landed but its response was lost`);
    return out;
  }

  read(path: string): Promise<Uint8Array> {
    return this.inner.read(path);
  }
  readRange(path: string, offset: number, length: number): Promise<Uint8Array> {
    return this.inner.readRange(path, offset, length);
  }
  size(path: string): Promise<number> {
    return this.inner.size(path);
  }
  write(path: string, bytes: Uint8Array): Promise<void> {
    return this.mutate('write', path, () => this.inner.write(path, bytes));
  }
  createExclusive(path: string, bytes: Uint8Array): Promise<boolean> {
    return this.mutate('createExclusive', path, () => this.inner.createExclusive(path, bytes));
  }
  exists(path: string): Promise<boolean> {
    return this.inner.exists(path);
  }
  list(prefix: string): AsyncIterable<FileInfo> {
    return this.inner.list(prefix);
  }
  delete(paths: readonly string[]): Promise<void> {
    return this.inner.delete(paths);
  }
}
