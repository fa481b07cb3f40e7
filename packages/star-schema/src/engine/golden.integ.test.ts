import { DuckDBInstance } from '@duckdb/node-api';
import { sessionsBetween } from '@nasdaq-pipeline/market-calendar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableDefinitions } from '../tables/index.js';
import { bar, createWarehouse, type Bar, type Warehouse } from '../test-support/harness.js';

// Golden tests: every expected value below is computed by hand from the bars in the test (bar(s, d, c) has
// open = c, high = c + 1, low = c − 1, volume 1000 unless overridden).

const num = (v: unknown) => (v === null ? null : Number(v));
// The harness stamps every input with this instant; DuckDB renders a TIMESTAMPTZ as `2025-01-03 22:00:00+00`.
const INGESTED_AT = '2025-01-03T22:00:00.000Z';
const instant = (v: unknown) =>
  new Date(
    String(v)
      .replace(' ', 'T')
      .replace(/([+-]\d\d)$/, '$1:00'),
  ).toISOString();

describe('star schema on DuckDB — golden cases', () => {
  let w: Warehouse;
  beforeEach(async () => {
    w = await createWarehouse();
  });
  afterEach(async () => w.close());

  it('computes previous_close across a holiday and a data gap, ignores an empty [] symbol', async () => {
    // 2024-07-04 is Independence Day (07-03 closes early); AAA has no bar on 07-08.
    await w.build(
      [
        bar('AAA', '2024-07-02', 10),
        bar('AAA', '2024-07-03', 11),
        bar('AAA', '2024-07-05', 12),
        bar('AAA', '2024-07-09', 15),
      ],
      {
        profiles: [{ symbol: 'AAA', as_of: '2024-07-09', sector: 'Technology' }],
        emptySymbols: ['ZZZ'],
        asOf: '2024-07-09',
      },
    );
    const fact = await w.rows('fact_stock_daily_price');
    expect(fact.map((r) => r['symbol'])).toEqual(['AAA', 'AAA', 'AAA', 'AAA']);
    expect(fact.map((r) => num(r['previous_close']))).toEqual([null, 10, 11, 12]);
    expect(fact.map((r) => num(r['price_change']))).toEqual([null, 1, 1, 3]);
    expect(num(fact[1]?.['change_percentage'])).toBeCloseTo(10, 10);
    expect(num(fact[2]?.['change_percentage'])).toBeCloseTo(100 / 11, 10);
    expect(num(fact[3]?.['change_percentage'])).toBeCloseTo(25, 10);
    expect(num(fact[3]?.['log_return'])).toBeCloseTo(Math.log(1.25), 12);
    expect(fact[0]?.['log_return']).toBeNull();
    expect(num(fact[0]?.['daily_volatility'])).toBeCloseTo((100 * 2) / 9, 10);
    expect(num(fact[0]?.['typical_price'])).toBeCloseTo(10, 12);
    expect(fact.map((r) => r['date_key'])).toEqual([20240702, 20240703, 20240705, 20240709]);
    expect(num(fact[3]?.['year_high_52w'])).toBe(16);
    expect(num(fact[3]?.['year_low_52w'])).toBe(9);

    const weeks = await w.rows('agg_stock_weekly_metrics');
    expect(weeks).toHaveLength(2);
    expect(weeks[0]).toMatchObject({
      iso_year: 2024,
      iso_week: 27,
      week_start: '2024-07-01',
      week_end: '2024-07-05',
      trading_days: 3,
    });
    expect([
      weeks[0]?.['week_open'],
      weeks[0]?.['week_close'],
      weeks[0]?.['week_high'],
      weeks[0]?.['week_low'],
    ]).toEqual([10, 12, 13, 9]);
    expect(num(weeks[0]?.['close_stddev'])).toBeCloseTo(1, 12);
    expect(num(weeks[0]?.['weekly_return_pct'])).toBeCloseTo(20, 10);
    expect(weeks[0]?.['weekly_change_pct']).toBeNull();
    // Week 28 starts on Monday 07-08 although AAA has no bar that day; one session ⇒ null stddev.
    expect(weeks[1]).toMatchObject({
      iso_week: 28,
      week_start: '2024-07-08',
      week_end: '2024-07-09',
      trading_days: 1,
    });
    expect(weeks[1]?.['close_stddev']).toBeNull();
    expect(num(weeks[1]?.['weekly_change_pct'])).toBeCloseTo(25, 10);

    const months = await w.rows('agg_stock_monthly_metrics');
    expect(months).toHaveLength(1);
    expect(months[0]).toMatchObject({
      year: 2024,
      month: 7,
      month_start: '2024-07-01',
      trading_days: 4,
      sector: 'Technology',
    });
    expect(num(months[0]?.['avg_close'])).toBeCloseTo(12, 12);
    expect(num(months[0]?.['close_stddev'])).toBeCloseTo(Math.sqrt(14 / 3), 12);
    expect(num(months[0]?.['monthly_return_pct'])).toBeCloseTo(50, 10);
    expect(num(months[0]?.['total_volume'])).toBe(4000);

    const days = await w.rows('dim_date');
    expect(days).toHaveLength(366 + 365); // 2024-01-01 .. 2025-12-31
    const july4 = days.find((d) => d['date'] === '2024-07-04');
    expect(july4).toMatchObject({
      date_key: 20240704,
      day_of_week: 4,
      day_name: 'Thursday',
      month_name: 'July',
      quarter: 3,
      iso_week: 27,
      is_trading_day: false,
      is_weekend: false,
      holiday_name: 'Independence Day',
    });
    expect(days.find((d) => d['date'] === '2024-07-03')).toMatchObject({
      is_trading_day: true,
      is_early_close: true,
    });
    expect(days.find((d) => d['date'] === '2024-12-30')).toMatchObject({
      iso_year: 2025,
      iso_week: 1,
      year: 2024,
    });
  });

  it('stamps every fact row of a rebuild with the provenance of the run that landed its bars', async () => {
    await w.build(
      [bar('AAA', '2024-07-02', 10), bar('AAA', '2024-07-03', 11), bar('BBB', '2024-07-03', 20)],
      {
        mode: 'rebuild',
        runId: "run-o'neil",
        asOf: '2024-07-03',
      },
    );
    const fact = await w.rows('fact_stock_daily_price');
    expect(
      fact.map((r) => [r['symbol'], r['trade_date'], r['source'], r['run_id'], instant(r['ingested_at'])]),
    ).toEqual([
      ['AAA', '2024-07-02', 'sample', "run-o'neil", INGESTED_AT],
      ['AAA', '2024-07-03', 'sample', "run-o'neil", INGESTED_AT],
      ['BBB', '2024-07-03', 'sample', "run-o'neil", INGESTED_AT],
    ]);
    expect(fact.map((r) => num(r['previous_close']))).toEqual([null, 10, null]);
    // Written from one-value ENUMs, the columns are still plain UTF-8 strings to every Parquet reader.
    const files = await w.store.listFiles(tableDefinitions.fact_stock_daily_price);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const columns = (
      await c.runAndReadAll(
        `SELECT name, type, converted_type FROM parquet_schema('${files[0]?.localPath}') WHERE name IN ('source', 'run_id') ORDER BY name`,
      )
    ).getRowObjectsJson();
    c.closeSync();
    db.closeSync();
    expect(columns).toEqual([
      { name: 'run_id', type: 'BYTE_ARRAY', converted_type: 'UTF8' },
      { name: 'source', type: 'BYTE_ARRAY', converted_type: 'UTF8' },
    ]);
  });

  it('keeps SMA 50/200 null until 50/200 sessions exist', async () => {
    const dates = sessionsBetween('2023-01-03', '2023-12-29').concat(
      sessionsBetween('2024-01-02', '2024-01-31'),
    );
    const bars: Bar[] = dates.slice(0, 201).map((d, i) => bar('SMA', d, i + 1));
    await w.build(bars, { asOf: '2024-01-31' });
    const fact = await w.rows('fact_stock_daily_price');
    expect(fact).toHaveLength(201);
    expect(fact[48]?.['price_avg_50d']).toBeNull();
    expect(num(fact[49]?.['price_avg_50d'])).toBeCloseTo(25.5, 10);
    expect(num(fact[50]?.['price_avg_50d'])).toBeCloseTo(26.5, 10);
    expect(fact[198]?.['price_avg_200d']).toBeNull();
    expect(num(fact[199]?.['price_avg_200d'])).toBeCloseTo(100.5, 10);
    expect(num(fact[200]?.['price_avg_200d'])).toBeCloseTo(101.5, 10);
  });

  it('bounds the 52-week range to [D − 364 days, D]', async () => {
    await w.build(
      [
        bar('BBB', '2023-01-03', 50, { high: 100, low: 1 }),
        bar('BBB', '2023-06-01', 15, { high: 20, low: 10 }),
        bar('BBB', '2024-01-02', 15, { high: 21, low: 11 }),
        bar('BBB', '2024-01-03', 15, { high: 22, low: 12 }),
      ],
      { asOf: '2024-01-03' },
    );
    const fact = await w.rows('fact_stock_daily_price');
    // 2024-01-02 − 364 days = 2023-01-03: included. For 2024-01-03 it falls out.
    expect([num(fact[2]?.['year_high_52w']), num(fact[2]?.['year_low_52w'])]).toEqual([100, 1]);
    expect([num(fact[3]?.['year_high_52w']), num(fact[3]?.['year_low_52w'])]).toEqual([22, 10]);
  });

  it('pairs ISO weeks with ISO years: 2024-12-30 belongs to 2025-W01', async () => {
    const closes: [string, number][] = [
      ['2024-12-23', 10],
      ['2024-12-24', 11],
      ['2024-12-26', 12],
      ['2024-12-27', 13],
      ['2024-12-30', 20],
      ['2024-12-31', 21],
      ['2025-01-02', 22],
      ['2025-01-03', 23],
    ];
    await w.build(closes.map(([d, c]) => bar('CCC', d, c, { open: c - 0.5 })));
    const weeks = await w.rows('agg_stock_weekly_metrics');
    expect(weeks.map((r) => `${r['iso_year']}-W${r['iso_week']}`)).toEqual(['2024-W52', '2025-W1']);
    const w1 = weeks[1];
    expect(w1).toMatchObject({
      week_start: '2024-12-30',
      week_end: '2025-01-03',
      trading_days: 4,
      week_open: 19.5,
      week_close: 23,
    });
    expect(num(w1?.['weekly_return_pct'])).toBeCloseTo((100 * 3.5) / 19.5, 10);
    expect(num(w1?.['weekly_change_pct'])).toBeCloseTo((100 * 10) / 13, 10);
    const months = await w.rows('agg_stock_monthly_metrics');
    expect(months.map((m) => [m['year'], m['month'], m['trading_days']])).toEqual([
      [2024, 12, 6],
      [2025, 1, 2],
    ]);
    expect(months[1]?.['month_start']).toBe('2025-01-01');
    expect(num(months[1]?.['monthly_change_pct'])).toBeCloseTo((100 * 2) / 21, 10);
  });

  it('replaces a split-adjusted history on a split day (no −75 % day)', async () => {
    await w.build([bar('DDD', '2024-06-03', 400), bar('DDD', '2024-06-04', 404)], { runId: 'before-split' });
    // 4:1 split effective 2024-06-05: FMP `full` now answers the whole history adjusted.
    await w.build(
      [bar('DDD', '2024-06-03', 100), bar('DDD', '2024-06-04', 101), bar('DDD', '2024-06-05', 102)],
      {
        runId: 'after-split',
      },
    );
    const fact = await w.rows('fact_stock_daily_price');
    expect(
      fact.map((r) => [r['trade_date'], num(r['close_price']), num(r['previous_close']), r['run_id']]),
    ).toEqual([
      ['2024-06-03', 100, null, 'after-split'],
      ['2024-06-04', 101, 100, 'after-split'],
      ['2024-06-05', 102, 101, 'after-split'],
    ]);
    expect(num(fact[2]?.['change_percentage'])).toBeCloseTo(100 / 101, 10);
    const weeks = await w.rows('agg_stock_weekly_metrics');
    expect(weeks).toHaveLength(1);
    expect(weeks[0]).toMatchObject({
      week_open: 100,
      week_close: 102,
      week_high: 103,
      week_low: 99,
      trading_days: 3,
    });
  });

  it('points facts at the SCD2 version valid on their date when the sector changes mid-month', async () => {
    const first = sessionsBetween('2024-03-01', '2024-03-14');
    const second = sessionsBetween('2024-03-15', '2024-03-31'); // 03-29 is Good Friday
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(10);
    const barsOf = (dates: string[]) => dates.flatMap((d) => [bar('EEE', d, 50), bar('FFF', d, 20)]);
    await w.build(barsOf(first), {
      asOf: '2024-03-14',
      profiles: [
        { symbol: 'EEE', as_of: '2024-03-01', sector: 'Technology', market_cap: 5_000_000_000 },
        { symbol: 'FFF', as_of: '2024-03-01', sector: 'Technology', market_cap: 250_000_000_000 },
      ],
    });
    await w.build(barsOf(second), {
      asOf: '2024-03-28',
      profiles: [
        { symbol: 'EEE', as_of: '2024-03-15', sector: 'Health Care', market_cap: 5_000_000_000 },
        { symbol: 'FFF', as_of: '2024-03-15', sector: 'Technology', market_cap: 250_000_000_000 },
      ],
    });
    const stocks = await w.rows('dim_stock');
    expect(
      stocks.map((s) => [
        s['symbol'],
        s['valid_from'],
        s['valid_to'],
        s['is_current'],
        s['sector'],
        s['market_cap_tier'],
      ]),
    ).toEqual([
      ['EEE', '1900-01-01', '2024-03-15', false, 'Technology', 'Mid'],
      ['EEE', '2024-03-15', null, true, 'Health Care', 'Mid'],
      ['FFF', '1900-01-01', null, true, 'Technology', 'Mega'],
    ]);
    const keyOf = (from: string) =>
      stocks.find((s) => s['symbol'] === 'EEE' && s['valid_from'] === from)?.['stock_key'];
    const fact = await w.rows('fact_stock_daily_price', "symbol = 'EEE'");
    expect(fact.find((r) => r['trade_date'] === '2024-03-14')?.['stock_key']).toBe(keyOf('1900-01-01'));
    expect(fact.find((r) => r['trade_date'] === '2024-03-15')?.['stock_key']).toBe(keyOf('2024-03-15'));
    const months = await w.rows('agg_stock_monthly_metrics', "symbol = 'EEE'");
    expect(months).toHaveLength(1);
    expect(months[0]).toMatchObject({ trading_days: 20, sector: 'Health Care' });
    const sectors = await w.rows('agg_sector_performance', "trade_date IN ('2024-03-14', '2024-03-15')");
    expect(sectors.map((s) => [s['trade_date'], s['sector'], s['num_stocks']])).toEqual([
      ['2024-03-14', 'Technology', 2],
      ['2024-03-15', 'Health Care', 1],
      ['2024-03-15', 'Technology', 1],
    ]);

    // A rebuild from both profiles takes the month's sector from its last session's version too (it aggregates
    // weeks and months in one pass and joins the sector to the month's last stock_key).
    const r = await createWarehouse();
    try {
      await r.build([...barsOf(first), ...barsOf(second)], {
        asOf: '2024-03-28',
        mode: 'rebuild',
        profiles: [
          { symbol: 'EEE', as_of: '2024-03-01', sector: 'Technology', market_cap: 5_000_000_000 },
          { symbol: 'EEE', as_of: '2024-03-15', sector: 'Health Care', market_cap: 5_000_000_000 },
          { symbol: 'FFF', as_of: '2024-03-01', sector: 'Technology', market_cap: 250_000_000_000 },
        ],
      });
      expect(await r.rows('agg_stock_monthly_metrics', "symbol = 'EEE'")).toMatchObject([
        { trading_days: 20, sector: 'Health Care' },
      ]);
      const weeks = await r.rows('agg_stock_weekly_metrics', "symbol = 'EEE'");
      expect(weeks.map((x) => x['trading_days'])).toEqual(
        (await w.rows('agg_stock_weekly_metrics', "symbol = 'EEE'")).map((x) => x['trading_days']),
      );
    } finally {
      await r.close();
    }
  });

  it('rerunning with a corrected bar replaces exactly that row, the rows depending on it and their aggregates', async () => {
    const bars = [
      bar('AAA', '2024-07-01', 10),
      bar('AAA', '2024-07-02', 11),
      bar('AAA', '2024-07-03', 12),
      bar('GGG', '2024-07-01', 5),
      bar('GGG', '2024-07-02', 5),
      bar('GGG', '2024-07-03', 5),
    ];
    await w.build(bars, { runId: 'first' });
    const corrected = bars.map((b) =>
      b.symbol === 'AAA' && b.date === '2024-07-02' ? bar('AAA', b.date, 14) : b,
    );
    const result = await w.build(corrected, { runId: 'second' });
    expect(result.tables.find((t) => t.table === 'fact_stock_daily_price')?.rowsWritten).toBe(2);
    const fact = await w.rows('fact_stock_daily_price');
    expect(fact.map((r) => [r['symbol'], r['trade_date'], num(r['previous_close']), r['run_id']])).toEqual([
      ['AAA', '2024-07-01', null, 'first'],
      ['AAA', '2024-07-02', 10, 'second'],
      ['AAA', '2024-07-03', 14, 'second'],
      ['GGG', '2024-07-01', null, 'first'],
      ['GGG', '2024-07-02', 5, 'first'],
      ['GGG', '2024-07-03', 5, 'first'],
    ]);
    const weeks = await w.rows('agg_stock_weekly_metrics', "symbol = 'AAA'");
    expect(num(weeks[0]?.['avg_close'])).toBeCloseTo(12, 12);
    expect(num(weeks[0]?.['week_high'])).toBe(15);
    const sectors = await w.rows('agg_sector_performance', "trade_date = '2024-07-02'");
    expect(sectors).toHaveLength(1);
    expect(sectors[0]).toMatchObject({ sector: 'Unknown', num_stocks: 2 });
    expect(num(sectors[0]?.['avg_change_pct'])).toBeCloseTo(20, 10); // (40 + 0) / 2
  });
});
