import { describe, expect, it } from 'vitest';
import { normalizeHistory } from './normalize-history.js';

const bounds = {
  from: '2025-06-02',
  to: '2025-06-20',
  lastCompleteSession: '2025-06-12',
  today: '2025-06-13',
};

describe('normalizeHistory', () => {
  it('sorts ascending, collapses identical duplicates, keeps conflicting ones', () => {
    const rows = [
      { date: '2025-06-05', close: 3 },
      { date: '2025-06-04', close: 2 },
      { date: '2025-06-04', close: 2 },
      { date: '2025-06-03', close: 1 },
      { date: '2025-06-03', close: 9 },
    ];
    const out = normalizeHistory(rows, bounds);
    expect(out.rows).toEqual([
      { date: '2025-06-03', close: 1 },
      { date: '2025-06-03', close: 9 },
      { date: '2025-06-04', close: 2 },
      { date: '2025-06-05', close: 3 },
    ]);
    expect(out.dropped).toEqual([{ reason: 'duplicate', row: { date: '2025-06-04', close: 2 } }]);
  });

  it("drops today's partial bar, future rows and rows outside the range", () => {
    const out = normalizeHistory(
      [{ date: '2025-06-16' }, { date: '2025-06-13' }, { date: '2025-06-12' }, { date: '2025-05-30' }],
      bounds,
    );
    expect(out.rows).toEqual([{ date: '2025-06-12' }]);
    expect(out.dropped.map((d) => d.reason)).toEqual(['future-date', 'partial-session', 'out-of-range']);
  });
});
