import { describe, expect, it } from 'vitest';
import { nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import { backfillCalls, chunkByMonth } from './backfill-plan.js';

describe('chunkByMonth', () => {
  it('splits a range into month chunks counting sessions (holidays excluded)', () => {
    const chunks = chunkByMonth('2024-11-15', '2025-01-10', nasdaqCalendar);
    expect(chunks).toEqual([
      { month: '2024-11', from: '2024-11-15', to: '2024-11-30', sessions: 10 },
      { month: '2024-12', from: '2024-12-01', to: '2024-12-31', sessions: 21 },
      // Jan 1 holiday, Jan 9 national day of mourning: Jan 2, 3, 6, 7, 8, 10
      { month: '2025-01', from: '2025-01-01', to: '2025-01-10', sessions: 6 },
    ]);
    expect(backfillCalls(chunks.length, 8)).toBe(40);
  });
});
