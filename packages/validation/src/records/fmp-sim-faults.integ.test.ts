import { createSimFetch, DATA_FAULTS, type FaultKind } from '@nasdaq-pipeline/fmp-sim';
import { describe, expect, it } from 'vitest';
import { validateFmpPayload } from '../validate-fmp-payload.js';
import { RECORD_RULE_IDS } from './rule-ids.js';
import { RECORD_RULES } from './rules/index.js';
import { validateBars } from './validate-bars.js';

const BASE = 'https://financialmodelingprep.com/stable';
// Monday 2025-06-16 11:00 New York: the session is open, so the last completed one is Friday 06-13.
const NOW = () => new Date('2025-06-16T15:00:00Z');
const RUN_SESSION = '2025-06-13';
const QUERY = 'historical-price-eod/full?symbol=AAPL&from=2025-06-02&to=2025-06-16';

async function fetchBars(kind?: FaultKind): Promise<unknown> {
  const fetch = createSimFetch({
    now: NOW,
    faults: kind ? [{ kind, endpoint: 'historical-price-eod/full' }] : [],
  });
  return (await fetch(`${BASE}/${QUERY}`)).json();
}

function validate(body: unknown) {
  return validateBars(body as Record<string, unknown>[], {
    runId: '01JFAULTRUN000000000000000',
    runSession: RUN_SESSION,
    now: () => new Date('2025-06-16T15:00:00Z'),
  });
}

// What each fmp-sim data fault must trip. `partial-today` is also what fmp-sim serves unasked during
// the session, so the clean payload already carries one after-run bar: the baseline below.
const expected: Partial<Record<FaultKind, string[]>> = {
  'wrong-types': [RECORD_RULE_IDS.schema],
  nulls: [RECORD_RULE_IDS.schema],
  'negative-price': [RECORD_RULE_IDS.pricePositive],
  'high-below-low': [RECORD_RULE_IDS.highBound, RECORD_RULE_IDS.lowBound],
  'conflicting-date': [RECORD_RULE_IDS.conflictingDuplicate],
  'future-date': [RECORD_RULE_IDS.afterRunSession],
  'partial-today': [RECORD_RULE_IDS.afterRunSession],
  'float-volume': [RECORD_RULE_IDS.volume],
};

describe('record rules against fmp-sim faults', () => {
  it('a clean payload only loses the live partial bar of today', async () => {
    const r = validate(await fetchBars());
    expect(r.quarantined.map((q) => `${q.rule_id} ${q.trade_date}`)).toEqual([
      `${RECORD_RULE_IDS.afterRunSession} 2025-06-16`,
    ]);
    expect(r.accepted).toHaveLength(10);
    expect(r.knownGaps).toEqual([]);
  });

  it.each(Object.entries(expected))('%s lands in quarantine with the raw row', async (kind, rules = []) => {
    const body = (await fetchBars(kind as FaultKind)) as Record<string, unknown>[];
    expect(validateFmpPayload('historical-price-eod/full', body)).toEqual({ ok: true });
    const r = validate(body);
    const hit = r.quarantined.filter((q) => q.trade_date !== '2025-06-16' || kind === 'partial-today');
    for (const rule of rules) {
      const q = hit.find((x) => x.rule_id === rule);
      expect(q, `${kind} should trip ${rule}`).toBeDefined();
      const raw = JSON.parse(q?.raw_row ?? 'null') as Record<string, unknown>;
      // the raw row exactly as FMP (the simulator) sent it
      expect(body).toContainEqual(raw);
      expect(q?.run_id).toBe('01JFAULTRUN000000000000000');
    }
    expect(r.accepted.length).toBeLessThan(11);
  });

  it('duplicate-date collapses to one bar, quarantining nothing more', async () => {
    const r = validate(await fetchBars('duplicate-date'));
    expect(r.duplicatesCollapsed).toBe(1);
    expect(r.accepted).toHaveLength(10);
    expect(r.quarantined).toHaveLength(1);
  });

  it('legacy-shape is rejected by the payload schema before any row is read', async () => {
    const v = validateFmpPayload('historical-price-eod/full', await fetchBars('legacy-shape'));
    expect(v.ok).toBe(false);
  });

  it('covers every data fault and every error rule (bar.session_date by a hand-built weekend bar)', () => {
    const covered = new Set(Object.values(expected).flat() as string[]);
    covered.add(RECORD_RULE_IDS.sessionDate); // no fmp-sim fault dates a bar on a closed day
    expect(RECORD_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
    expect(covered.has(RECORD_RULE_IDS.conflictingDuplicate)).toBe(true);
    expect([...DATA_FAULTS].sort()).toEqual(
      [...Object.keys(expected), 'legacy-shape', 'duplicate-date'].sort(),
    );
    const weekend = validate([
      { symbol: 'AAPL', date: '2025-06-07', open: 1, high: 1, low: 1, close: 1, volume: 1 },
    ]);
    expect(weekend.quarantined.map((q) => q.rule_id)).toEqual([RECORD_RULE_IDS.sessionDate]);
  });
});
