import { randomUUID } from 'node:crypto';
import type { Catalog } from '../catalog/catalog.js';
import type { TableIdentifier } from '../metadata/types.js';

/** Where and how an operation commits. Clock and randomness are injectable for deterministic tests. */
export interface CommitOptions {
  readonly catalog: Catalog;
  readonly identifier: TableIdentifier;
  /** Clock, ms since epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** UUIDs for commit and file names. Default `crypto.randomUUID`. */
  readonly randomUUID?: () => string;
  /** New snapshot ids: random, positive, below 2^53 (iceberg.md §0). */
  readonly newSnapshotId?: () => bigint;
  /** Pointer-swap retries after the first attempt. Default: table property `commit.retry.num-retries`, else 4. */
  readonly retries?: number;
  /** Wait before a retry (ms → promise). Default: `setTimeout` with exponential backoff and jitter. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Default snapshot id source: 53 random bits, never 0. */
export function generateSnapshotId(): bigint {
  const [x] = crypto.getRandomValues(new BigUint64Array(1));
  const id = BigInt.asUintN(53, x!);
  return id === 0n ? 1n : id;
}

/** Options with defaults filled in. */
export interface ResolvedCommitOptions extends Required<Omit<CommitOptions, 'retries'>> {
  readonly retries: number | undefined;
}

/** Fill defaults. */
export function resolveCommitOptions(options: CommitOptions): ResolvedCommitOptions {
  return {
    catalog: options.catalog,
    identifier: options.identifier,
    now: options.now ?? Date.now,
    randomUUID: options.randomUUID ?? randomUUID,
    newSnapshotId: options.newSnapshotId ?? generateSnapshotId,
    retries: options.retries,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}
