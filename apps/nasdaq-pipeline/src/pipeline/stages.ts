import type { AcceptedBar, KnownGap, QuarantineRow } from '@nasdaq-pipeline/validation';
import type { RunWindow } from './extract-plan.js';
import type { TableOutcome } from './run-summary.js';

/** What the transform stage receives. */
export interface TransformInput {
  runId: string;
  ingestedAt: Date;
  source: 'fmp' | 'sample';
  window: RunWindow;
  /** Bars that passed the record rules (bootstrap history included). */
  bars: readonly AcceptedBar[];
  /** Latest profile per symbol fetched in this run. */
  profiles: ReadonlyMap<string, Record<string, unknown>>;
  /** Recompute every table from `bars` alone. */
  rebuild: boolean;
}

/** Tables staged by a transform: validate them, then publish or abandon all. */
export interface StagedTransform {
  tables: TableOutcome[];
  /** Local data files of each staged table's snapshot, for validating it before publishing. */
  stagedFiles: ReadonlyMap<string, readonly string[]>;
  publish(): Promise<void>;
  abandon(): Promise<void>;
}

/** The transform stage (DuckDB engine locally). */
export type TransformStage = (input: TransformInput) => Promise<StagedTransform>;

/** The records the run keeps whatever happens: quarantine rows and known gaps. */
export interface RawValidationOutcome {
  accepted: AcceptedBar[];
  quarantined: QuarantineRow[];
  knownGaps: KnownGap[];
  warnings: number;
}
