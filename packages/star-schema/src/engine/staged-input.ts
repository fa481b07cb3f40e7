import { duckdbDialect } from '../models/dialect.js';
import { provenanceConstants, type StagedProvenance } from '../models/provenance.js';
import { literal, pathList } from './duckdb-sql.js';

/**
 * Accepted bars to load: FMP `historical-price-eod/full` rows in JSON array files (`[]` = no sessions) or Parquet
 * files with the same fields, stamped with the run's provenance; or any DuckDB SELECT that yields the
 * `staged_bars` columns `(symbol, date, open, high, low, close, volume, source, run_id, ingested_at)`.
 */
export type BarsInput =
  | {
      readonly format: 'json' | 'parquet';
      readonly files: readonly string[];
      readonly source: 'fmp' | 'sample';
      readonly runId: string;
      /** ISO 8601 instant. */
      readonly ingestedAt: string;
      /**
       * Number of bars the files hold, when the caller knows it (the CLI does). A rebuild whose bars fit one batch
       * then parses the files once, inside the fact model, instead of staging them as Parquet first.
       */
      readonly rows?: number;
    }
  | { readonly sql: string };

/**
 * Accepted company profiles: FMP `profile` rows in JSON array files observed on `asOf` (the run's session), or a
 * SELECT yielding `staged_profiles(symbol, as_of, company_name, exchange, exchange_full_name, sector, industry,
 * country, currency, ipo_date, market_cap, is_actively_trading)`.
 */
export type ProfilesInput =
  | { readonly format: 'json'; readonly files: readonly string[]; readonly asOf: string }
  | { readonly sql: string };

const BAR_COLUMNS =
  "{symbol: 'VARCHAR', date: 'DATE', open: 'DOUBLE', high: 'DOUBLE', low: 'DOUBLE', close: 'DOUBLE', volume: 'DOUBLE'}";

/** The SELECT that yields staged bars from `input`. */
export function barsSelect(input: BarsInput): string {
  if ('sql' in input) return input.sql;
  return `SELECT v.*, ${provenanceColumns(input)}\nFROM (${barValuesSelect(input)}) v`;
}

/**
 * The provenance a file input stamps on every bar (one value for the whole input), or undefined for a SQL input,
 * whose rows carry their own.
 */
export function constantProvenance(input: BarsInput): StagedProvenance | undefined {
  if ('sql' in input) return undefined;
  return { source: input.source, runId: input.runId, ingestedAt: input.ingestedAt };
}

/** `source, run_id, ingested_at` of `p` as constant columns. */
export function provenanceColumns(p: StagedProvenance): string {
  return provenanceConstants(duckdbDialect, p);
}

/** The bar values of a file input — `(symbol, date, open, high, low, close, volume)`, no provenance. */
export function barValuesSelect(input: Exclude<BarsInput, { sql: string }>): string {
  const reader =
    input.files.length === 0
      ? `(SELECT CAST(NULL AS VARCHAR) AS symbol, CAST(NULL AS DATE) AS date, 0.0 AS open, 0.0 AS high, 0.0 AS low, 0.0 AS close, 0.0 AS volume WHERE false)`
      : input.format === 'json'
        ? `read_json(${pathList(input.files)}, format = 'array', columns = ${BAR_COLUMNS})`
        : `read_parquet(${pathList(input.files)})`;
  return `SELECT symbol, CAST(date AS DATE) AS date, CAST(open AS DOUBLE) AS open, CAST(high AS DOUBLE) AS high,
  CAST(low AS DOUBLE) AS low, CAST(close AS DOUBLE) AS close, CAST(volume AS DOUBLE) AS volume
FROM ${reader}`;
}

const PROFILE_COLUMNS = `{symbol: 'VARCHAR', companyName: 'VARCHAR', exchange: 'VARCHAR', exchangeFullName: 'VARCHAR',
  sector: 'VARCHAR', industry: 'VARCHAR', country: 'VARCHAR', currency: 'VARCHAR', ipoDate: 'VARCHAR',
  marketCap: 'DOUBLE', isActivelyTrading: 'BOOLEAN'}`;

/** The SELECT that yields staged profiles from `input` (empty strings read as null). */
export function profilesSelect(input: ProfilesInput | undefined): string {
  const empty = `SELECT CAST(NULL AS VARCHAR) AS symbol, CAST(NULL AS DATE) AS as_of, CAST(NULL AS VARCHAR) AS company_name,
  CAST(NULL AS VARCHAR) AS exchange, CAST(NULL AS VARCHAR) AS exchange_full_name, CAST(NULL AS VARCHAR) AS sector,
  CAST(NULL AS VARCHAR) AS industry, CAST(NULL AS VARCHAR) AS country, CAST(NULL AS VARCHAR) AS currency,
  CAST(NULL AS DATE) AS ipo_date, CAST(NULL AS BIGINT) AS market_cap, CAST(NULL AS BOOLEAN) AS is_actively_trading
WHERE false`;
  if (!input) return empty;
  if ('sql' in input) return input.sql;
  if (input.files.length === 0) return empty;
  return `SELECT symbol, DATE ${literal(input.asOf)} AS as_of, nullif(companyName, '') AS company_name,
  nullif(exchange, '') AS exchange, nullif(exchangeFullName, '') AS exchange_full_name, nullif(sector, '') AS sector,
  nullif(industry, '') AS industry, nullif(country, '') AS country, nullif(currency, '') AS currency,
  TRY_CAST(nullif(ipoDate, '') AS DATE) AS ipo_date, CAST(marketCap AS BIGINT) AS market_cap,
  isActivelyTrading AS is_actively_trading
FROM read_json(${pathList(input.files)}, format = 'array', columns = ${PROFILE_COLUMNS})`;
}
