import { describe, expect, it } from 'vitest';
import { tableDefinitions } from './index.js';
import { fieldIdsOf, toIcebergSchema, toPartitionSpec, toSortOrder } from './table-definition.js';

// Field ids are part of the on-disk contract: Parquet files and Iceberg metadata refer to columns by id. This
// list is written by hand; a change here must be an addition with a new, never-used id.
const FROZEN: Record<string, string> = {
  dim_date:
    '1:date_key 2:date 3:year 4:quarter 5:month 6:month_name 7:day_of_month 8:day_of_week 9:day_name 10:iso_year 11:iso_week 12:is_weekend 13:is_trading_day 14:is_early_close 15:holiday_name',
  dim_exchange: '1:exchange_key 2:exchange_code 3:exchange_name 4:country 5:timezone',
  dim_stock:
    '1:stock_key 2:symbol 3:company_name 4:exchange 5:exchange_full_name 6:sector 7:industry 8:country 9:currency 10:ipo_date 11:market_cap 12:market_cap_tier 13:is_actively_trading 14:valid_from 15:valid_to 16:is_current',
  fact_stock_daily_price:
    '1:symbol 2:trade_date 3:date_key 4:stock_key 5:open_price 6:high_price 7:low_price 8:close_price 9:volume 10:typical_price 11:previous_close 12:price_change 13:change_percentage 14:log_return 15:daily_volatility 16:price_avg_50d 17:price_avg_200d 18:year_high_52w 19:year_low_52w 20:market_cap 21:source 22:run_id 23:ingested_at',
  agg_stock_weekly_metrics:
    '1:symbol 2:iso_year 3:iso_week 4:week_start 5:week_end 6:trading_days 7:week_open 8:week_close 9:week_high 10:week_low 11:total_volume 12:avg_close 13:close_stddev 14:avg_daily_volatility 15:weekly_return_pct 16:weekly_change_pct',
  agg_stock_monthly_metrics:
    '1:symbol 2:year 3:month 4:month_start 5:trading_days 6:month_open 7:month_close 8:month_high 9:month_low 10:total_volume 11:avg_close 12:close_stddev 13:avg_daily_volatility 14:monthly_return_pct 15:monthly_change_pct 16:sector 17:avg_market_cap',
  agg_sector_performance:
    '1:trade_date 2:sector 3:num_stocks 4:avg_change_pct 5:change_pct_stddev 6:total_volume 7:avg_market_cap',
  pipeline_runs:
    '1:run_id 2:command 3:status 4:started_at 5:finished_at 6:window_from 7:window_to 8:source 9:engine 10:symbols_requested 11:symbols_failed 12:bars_accepted 13:bars_quarantined 14:exit_code 15:message',
  dq_results:
    '1:run_id 2:expectation_id 3:stage 4:table_name 5:severity 6:status 7:observed_value 8:expected_value 9:failing_rows 10:sample_rows 11:message 12:evaluated_at',
  quarantine_daily_price:
    '1:run_id 2:symbol 3:trade_date 4:rule_id 5:severity 6:message 7:raw_row 8:raw_path 9:quarantined_at',
};

describe('table definitions', () => {
  it('covers every table of DESIGN §5', () => {
    expect(Object.keys(tableDefinitions).sort()).toEqual(Object.keys(FROZEN).sort());
  });

  for (const [name, frozen] of Object.entries(FROZEN)) {
    it(`${name} keeps its field ids`, () => {
      const table = tableDefinitions[name as keyof typeof tableDefinitions];
      const actual = table.columns.map((c) => `${c.id}:${c.name}`).join(' ');
      expect(actual).toBe(frozen);
      const ids = table.columns.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  }

  it('renders Iceberg schemas with required keys as identifier fields', () => {
    const schema = toIcebergSchema(tableDefinitions.fact_stock_daily_price);
    expect(schema.schemaId).toBe(0);
    expect(schema.identifierFieldIds).toEqual([1, 2]);
    expect(schema.fields[22]).toMatchObject({
      id: 23,
      name: 'ingested_at',
      type: 'timestamptz',
      required: true,
    });
    for (const t of Object.values(tableDefinitions)) {
      const s = toIcebergSchema(t);
      for (const id of s.identifierFieldIds ?? [])
        expect(s.fields.find((f) => f.id === id)?.required).toBe(true);
    }
  });

  it('partitions the fact by month(trade_date) and the aggregates by year', () => {
    expect(toPartitionSpec(tableDefinitions.fact_stock_daily_price)).toEqual({
      specId: 0,
      fields: [{ sourceId: 2, fieldId: 1000, name: 'trade_date_month', transform: 'month' }],
    });
    expect(toPartitionSpec(tableDefinitions.agg_stock_weekly_metrics).fields[0]).toMatchObject({
      sourceId: 4,
      transform: 'year',
    });
    expect(toPartitionSpec(tableDefinitions.agg_stock_monthly_metrics).fields[0]).toMatchObject({
      sourceId: 4,
      transform: 'year',
    });
    expect(toPartitionSpec(tableDefinitions.agg_sector_performance).fields[0]).toMatchObject({
      sourceId: 1,
      transform: 'month',
    });
    expect(toPartitionSpec(tableDefinitions.dim_stock)).toEqual({ specId: 0, fields: [] });
  });

  it('sorts the fact by symbol then trade date and maps names to field ids', () => {
    expect(toSortOrder(tableDefinitions.fact_stock_daily_price).fields.map((f) => f.sourceId)).toEqual([
      1, 2,
    ]);
    expect(fieldIdsOf(tableDefinitions.dim_exchange)).toEqual({
      exchange_key: 1,
      exchange_code: 2,
      exchange_name: 3,
      country: 4,
      timezone: 5,
    });
  });
});
