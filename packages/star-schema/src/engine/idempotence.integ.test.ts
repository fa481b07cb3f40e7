import { readdir } from 'node:fs/promises';
import { sessionsBetween } from '@nasdaq-pipeline/market-calendar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bar, createWarehouse, type Bar, type Profile, type Warehouse } from '../test-support/harness.js';
import { modelTableNames } from '../tables/index.js';

const sessions = sessionsBetween('2024-11-01', '2025-01-10');
const symbols = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
const bars: Bar[] = symbols.flatMap((s, k) =>
  sessions.map((d, i) => bar(s, d, 10 + k + ((i * 7 + k * 3) % 11))),
);
const profiles: Profile[] = symbols.map((s, k) => ({
  symbol: s,
  as_of: '2024-11-01',
  sector: k % 2 ? 'Energy' : 'Technology',
}));

// Incremental and rebuild runs sum the same doubles in a different order (batches, files), which can move the
// last binary digit of an average or a standard deviation; compare those at 13 significant digits.
function roundDoubles(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(13)) : v,
    ]),
  );
}

async function snapshot(w: Warehouse, dropRunColumns = false): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of modelTableNames) {
    const rows = await w.rows(t);
    out[t] = dropRunColumns
      ? rows.map(({ run_id: _r, ingested_at: _i, ...rest }) => roundDoubles(rest))
      : rows;
  }
  return out;
}

describe('determinism', () => {
  let w: Warehouse;
  let v: Warehouse;
  beforeEach(async () => {
    w = await createWarehouse();
    v = await createWarehouse();
  });
  afterEach(async () => {
    await w.close();
    await v.close();
  });

  it('running the same window twice leaves every table identical and rewrites nothing', async () => {
    await w.build(bars, { profiles, asOf: '2025-01-10', batchRows: 100 });
    const before = await snapshot(w);
    expect((before['fact_stock_daily_price'] ?? []).length).toBe(bars.length);
    const again = await w.build(bars, { profiles, asOf: '2025-01-10', batchRows: 100 });
    expect(again.staged).toHaveLength(0);
    expect(await snapshot(w)).toEqual(before);
  });

  it('daily increments and a rebuild from all bars give the same tables (run columns aside)', async () => {
    const cut = sessions.indexOf('2025-01-06');
    await v.build(
      bars.filter((b) => b.date <= sessions[cut]!),
      { profiles, asOf: '2025-01-06', batchRows: 100 },
    );
    for (const day of sessions.slice(cut + 1)) {
      await v.build(
        bars.filter((b) => b.date === day),
        { asOf: day, batchRows: 1000 },
      );
    }
    await w.build(bars, { profiles, asOf: '2025-01-10', mode: 'rebuild' });
    const incremental = await snapshot(v, true);
    const rebuilt = await snapshot(w, true);
    for (const t of modelTableNames) expect({ t, rows: incremental[t] }).toEqual({ t, rows: rebuilt[t] });
  }, 90_000);

  it('a rebuild that reads its files directly (bar count known, one batch) writes what a staged rebuild writes', async () => {
    const staged = await w.build(bars, { profiles, asOf: '2025-01-10', mode: 'rebuild', batchRows: 100 });
    const direct = await v.build(bars, { profiles, asOf: '2025-01-10', mode: 'rebuild', countBars: true });
    expect([direct.stagedBars, direct.affectedSymbols]).toEqual([bars.length, symbols.length]);
    expect([staged.stagedBars, staged.affectedSymbols]).toEqual([bars.length, symbols.length]);
    // Only the staged rebuild copied its input to scratch Parquet first.
    const scratch = async (x: Warehouse) =>
      (await readdir(x.root, { recursive: true })).filter((f) => f.endsWith('staged-bars.parquet')).length;
    expect([await scratch(w), await scratch(v)]).toEqual([1, 0]);
    const a = await snapshot(w, true);
    const b = await snapshot(v, true);
    for (const t of modelTableNames) expect({ t, rows: b[t] }).toEqual({ t, rows: a[t] });
    // dim_date spans the data's first year to the year after the run, read from the fact rows.
    const dates = (b['dim_date'] ?? []) as { date: string }[];
    expect([dates[0]?.date, dates.at(-1)?.date]).toEqual(['2024-01-01', '2026-12-31']);
  }, 90_000);

  it('a direct rebuild of files that hold no sessions writes nothing and counts nothing', async () => {
    const r = await v.build([], {
      asOf: '2025-01-10',
      mode: 'rebuild',
      countBars: true,
      emptySymbols: ['ZZZ'],
    });
    expect([r.stagedBars, r.affectedSymbols]).toEqual([0, 0]);
    expect(await v.rows('fact_stock_daily_price')).toEqual([]);
  });
});
