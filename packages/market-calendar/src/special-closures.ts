import type { Closure } from './types.js';

/**
 * One-off full-day closures of NASDAQ since 2000, outside the holiday rules. Extend with the
 * `extraClosures` option (config `calendar.extraClosures`) when a new one is announced.
 */
export const SPECIAL_CLOSURES: readonly Closure[] = Object.freeze(
  [
    { date: '2001-09-11', name: 'September 11 attacks' },
    { date: '2001-09-12', name: 'September 11 attacks' },
    { date: '2001-09-13', name: 'September 11 attacks' },
    { date: '2001-09-14', name: 'September 11 attacks' },
    { date: '2004-06-11', name: 'National Day of Mourning for President Ronald Reagan' },
    { date: '2007-01-02', name: 'National Day of Mourning for President Gerald Ford' },
    { date: '2012-10-29', name: 'Hurricane Sandy' },
    { date: '2012-10-30', name: 'Hurricane Sandy' },
    { date: '2018-12-05', name: 'National Day of Mourning for President George H.W. Bush' },
    { date: '2025-01-09', name: 'National Day of Mourning for President Jimmy Carter' },
  ].map((c) => Object.freeze(c)),
);

/**
 * One-off 13:00 early closes since 2000 outside the early-close rules (the Friday after Christmas
 * 2003). Intraday halts such as the NYSE systems problem of 2005-06-01 are not early closes.
 */
export const SPECIAL_EARLY_CLOSES: readonly Closure[] = Object.freeze(
  [{ date: '2003-12-26', name: 'Day after Christmas' }].map((c) => Object.freeze(c)),
);
