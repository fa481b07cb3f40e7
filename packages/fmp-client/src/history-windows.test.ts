import { describe, expect, it } from 'vitest';
import { splitHistoryWindows } from './history-windows.js';

describe('splitHistoryWindows', () => {
  it('keeps a short range whole', () => {
    expect(splitHistoryWindows('2025-01-01', '2025-06-30')).toEqual([
      { from: '2025-01-01', to: '2025-06-30' },
    ]);
  });

  it('cuts 12 years into contiguous windows of at most 5 years', () => {
    const w = splitHistoryWindows('2013-01-01', '2024-12-31');
    expect(w).toEqual([
      { from: '2013-01-01', to: '2017-12-31' },
      { from: '2018-01-01', to: '2022-12-31' },
      { from: '2023-01-01', to: '2024-12-31' },
    ]);
  });

  it('handles a leap day start and empty ranges', () => {
    expect(splitHistoryWindows('2020-02-29', '2026-01-01')[0]).toEqual({
      from: '2020-02-29',
      to: '2025-02-27',
    });
    expect(splitHistoryWindows('2025-01-02', '2025-01-01')).toEqual([]);
  });
});
