import type { Dialect } from './dialect.js';

/** Provenance of staged bars: FMP or the simulated market, the run that landed them, and when (ISO 8601). */
export interface StagedProvenance {
  readonly source: string;
  readonly runId: string;
  readonly ingestedAt: string;
}

/** `source, run_id, ingested_at` of `p` as constant columns in dialect `d`. */
export function provenanceConstants(d: Dialect, p: StagedProvenance): string {
  return `${d.string(p.source)} AS source, ${d.string(p.runId)} AS run_id, ${d.toTimestamptz(d.string(p.ingestedAt))} AS ingested_at`;
}
