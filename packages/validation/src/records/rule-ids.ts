/** Stable ids of every record rule (error rules quarantine; warn rules are reported). */
export const RECORD_RULE_IDS = {
  schema: 'bar.schema',
  pricePositive: 'bar.price_positive',
  highBound: 'bar.high_bound',
  lowBound: 'bar.low_bound',
  volume: 'bar.volume',
  sessionDate: 'bar.session_date',
  afterRunSession: 'bar.after_run_session',
  conflictingDuplicate: 'bar.conflicting_duplicate',
  possibleUnappliedSplit: 'bar.possible_unapplied_split',
  zeroVolume: 'bar.zero_volume',
  closeUnchanged: 'bar.close_unchanged',
} as const;
