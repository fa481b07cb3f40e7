import { describe, expect, it } from 'vitest';
import { coerceEodBulkRow } from './coerce-eod-bulk-row.js';
import { validateBars } from './validate-bars.js';

describe('coerceEodBulkRow', () => {
  it('turns CSV strings into a full-endpoint bar the record rules accept', () => {
    const row = {
      symbol: 'AAPL',
      date: '2025-06-13',
      open: '199.73',
      low: '195.7',
      high: '200.37',
      close: '196.45',
      adjClose: '196.21',
      volume: '51447349',
    };
    const bar = coerceEodBulkRow(row);
    expect(bar).toEqual({
      symbol: 'AAPL',
      date: '2025-06-13',
      open: 199.73,
      high: 200.37,
      low: 195.7,
      close: 196.45,
      volume: 51447349,
    });
    expect(validateBars([bar], { runId: 'R', runSession: '2025-06-13' }).accepted).toHaveLength(1);
  });

  it('keeps unparseable values so bar.schema shows them', () => {
    const bar = coerceEodBulkRow({
      symbol: 'AAPL',
      date: '2025-06-13',
      open: '',
      low: '1',
      high: 'n/a',
      close: '1',
      volume: '1',
    });
    const r = validateBars([bar], { runId: 'R', runSession: '2025-06-13' });
    expect(r.quarantined[0]?.rule_id).toBe('bar.schema');
    expect(r.quarantined[0]?.message).toContain('"n/a"');
  });
});
