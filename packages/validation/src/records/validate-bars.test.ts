import { describe, expect, it } from 'vitest';
import { validateBars } from './validate-bars.js';

const good = (date: string, over: Record<string, unknown> = {}) => ({
  symbol: 'AAPL',
  date,
  open: 100,
  high: 102,
  low: 99,
  close: 101,
  volume: 1000,
  ...over,
});
const opts = { runId: '01RUN', runSession: '2025-06-13', now: () => new Date('2025-06-14T00:00:00Z') };

function rulesFor(rows: Record<string, unknown>[]) {
  const r = validateBars(rows, opts);
  return { r, ids: [...new Set(r.quarantined.map((q) => q.rule_id))].sort() };
}

describe('validateBars', () => {
  it('accepts good bars, sorted, with an integral float volume coerced', () => {
    const r = validateBars([good('2025-06-13'), good('2025-06-12', { volume: 5e6 })], opts);
    expect(r.quarantined).toEqual([]);
    expect(r.accepted.map((b) => b.date)).toEqual(['2025-06-12', '2025-06-13']);
    expect(r.accepted[0]?.volume).toBe(5_000_000);
  });

  it.each([
    ['bar.price_positive', good('2025-06-13', { open: -1 })],
    ['bar.price_positive', good('2025-06-13', { low: 0 })],
    ['bar.high_bound', good('2025-06-13', { high: 100.5 })],
    ['bar.low_bound', good('2025-06-13', { low: 100.5 })],
    ['bar.volume', good('2025-06-13', { volume: 10.5 })],
    ['bar.volume', good('2025-06-13', { volume: -3 })],
    ['bar.schema', good('2025-06-13', { close: null })],
    ['bar.schema', good('2025-06-13', { volume: '1000' })],
    ['bar.schema', { symbol: 'AAPL', date: '2025-06-13', open: 1 }],
    ['bar.session_date', good('2025-06-14')],
    ['bar.session_date', good('2025-12-25')],
    ['bar.after_run_session', good('2025-06-16')],
  ])('quarantines %s with the raw row and run id', (rule, row) => {
    const { r, ids } = rulesFor([row]);
    expect(ids).toContain(rule);
    expect(r.accepted).toEqual([]);
    const q = r.quarantined.find((x) => x.rule_id === rule);
    expect(q?.run_id).toBe('01RUN');
    expect(JSON.parse(q?.raw_row ?? 'null')).toEqual(row);
    expect(q?.quarantined_at.toISOString()).toBe('2025-06-14T00:00:00.000Z');
    expect(q?.raw_path).toBeNull();
  });

  it('collapses identical duplicates and quarantines both conflicting bars', () => {
    const r = validateBars(
      [good('2025-06-12'), good('2025-06-12'), good('2025-06-13'), good('2025-06-13', { close: 101.5 })],
      opts,
    );
    expect(r.duplicatesCollapsed).toBe(1);
    expect(r.accepted.map((b) => b.date)).toEqual(['2025-06-12']);
    expect(r.quarantined.map((q) => q.rule_id)).toEqual([
      'bar.conflicting_duplicate',
      'bar.conflicting_duplicate',
    ]);
    expect(r.knownGaps).toEqual([
      { symbol: 'AAPL', date: '2025-06-13', reason: 'bar.conflicting_duplicate' },
    ]);
  });

  it('records several violations of one bar, one row each', () => {
    const r = validateBars([good('2025-06-13', { volume: -1, high: 100.5 })], opts);
    expect(r.quarantined.map((q) => q.rule_id)).toEqual(['bar.high_bound', 'bar.volume']);
    expect(r.quarantined[0]?.message).toBe('high 100.5 < close 101 (bar violates bar.high_bound,bar.volume)');
  });

  it('does not count future bars as known gaps', () => {
    const r = validateBars([good('2025-06-16')], opts);
    expect(r.knownGaps).toEqual([]);
  });

  it('warns on a possible unapplied split, zero volume and a frozen close', () => {
    const rows = [
      good('2025-06-02'),
      good('2025-06-03', { open: 25, high: 26, low: 24, close: 25 }),
      good('2025-06-04', { open: 25, high: 26, low: 24, close: 25, volume: 0 }),
      good('2025-06-05', { open: 25, high: 26, low: 24, close: 25 }),
      good('2025-06-06', { open: 25, high: 26, low: 24, close: 25 }),
      good('2025-06-09', { open: 25, high: 26, low: 24, close: 25 }),
    ];
    const r = validateBars(rows, opts);
    expect(r.warnings.map((w) => `${w.rule_id} ${w.date}`)).toEqual([
      'bar.possible_unapplied_split 2025-06-03',
      'bar.zero_volume 2025-06-04',
      'bar.close_unchanged 2025-06-09',
    ]);
    const withSplit = validateBars(rows, {
      ...opts,
      splitDates: new Map([['AAPL', new Set(['2025-06-03'])]]),
    });
    expect(withSplit.warnings.map((w) => w.rule_id)).not.toContain('bar.possible_unapplied_split');
  });

  it('judges the first bar against stored closes', () => {
    const r = validateBars([good('2025-06-13')], {
      ...opts,
      priorCloses: new Map([['AAPL', [{ date: '2025-06-12', close: 300 }]]]),
    });
    expect(r.warnings.map((w) => w.rule_id)).toEqual(['bar.possible_unapplied_split']);
  });
});
