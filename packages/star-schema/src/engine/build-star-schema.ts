import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { nasdaqCalendar } from '@nasdaq-pipeline/market-calendar';
import { ModelExecutionError, StarSchemaInputError } from '../errors.js';
import { renderModel, type ModelName, type StagedProvenance } from '../models/index.js';
import { buildCalendarDates, type DescribeDate } from '../plan/calendar-dates.js';
import { planDimDateRange, type DateRange } from '../plan/dim-date-range.js';
import { DEFAULT_HISTORY_DAYS, planHistoryFrom } from '../plan/history-window.js';
import { tableDefinitions, type ModelTableName } from '../tables/index.js';
import type { TableDefinition } from '../tables/table-definition.js';
import { enumType, literal, pathList, scanTable } from './duckdb-sql.js';
import { countRows, rewriteTouchedPartitions, writeTableFiles } from './duckdb-writer.js';
import {
  barValuesSelect,
  barsSelect,
  constantProvenance,
  profilesSelect,
  provenanceColumns,
  type BarsInput,
  type ProfilesInput,
} from './staged-input.js';
import type { StagedTable, StoredFile, TableStore, WrittenFile } from './table-store.js';

/** Options of {@link buildStarSchema}. */
export interface BuildStarSchemaOptions {
  /** Where the tables live (an Iceberg adapter, or `createParquetFolderStore`). */
  readonly store: TableStore;
  /** Local scratch folder for staged input, Parquet output and DuckDB spill files. Removed content is ours only. */
  readonly workDir: string;
  /** The run's session date (`YYYY-MM-DD`): dim_date reaches Dec 31 of the following year. */
  readonly asOf: string;
  /** `incremental` (default) upserts what the staged data changes; `rebuild` recomputes every table from it. */
  readonly mode?: 'incremental' | 'rebuild';
  readonly bars: BarsInput;
  readonly profiles?: ProfilesInput;
  /** A DuckDB connection to use (its settings are left alone); by default an in-memory instance is created. */
  readonly connection?: DuckDBConnection;
  /** Calendar for dim_date; default the NASDAQ calendar. */
  readonly calendar?: DescribeDate;
  /**
   * Symbols of ten-year history per batch (~7.6M rows by default; DuckDB spills what exceeds `memoryLimit`).
   * Default 3000: on 2 cores, a 3,000 × 10-year rebuild whose bar count is known (`bars.rows`) runs as one batch
   * that reads its JSON once, in 19.4–20.5 s with ~1.0 GB peak RSS (also with a 2 GB `memoryLimit`); two batches
   * of 1,500 staged the input first and took 22.7–24.2 s with 0.77–0.85 GB (BENCHMARKS.md, star-schema, session 4).
   */
  readonly batchSymbols?: number;
  /** Rows (staged bars + stored history) per batch; overrides `batchSymbols` × 2520. */
  readonly batchRows?: number;
  /** Calendar days of stored history read before the first recomputed session. Default 550. */
  readonly historyDays?: number;
  /** DuckDB `memory_limit` for the instance this function creates. Default `'1GB'`. */
  readonly memoryLimit?: string;
  /** DuckDB `threads` for the instance this function creates. Default: DuckDB's. */
  readonly threads?: number;
  /** Called after every SQL statement with its first line and duration (progress, `--verbose`, profiling). */
  readonly onStatement?: (sql: string, ms: number) => void;
}

/** Per-table outcome of a build. */
export interface TableBuildSummary {
  readonly table: ModelTableName;
  /** Rows computed (new or replacing stored ones). */
  readonly rowsWritten: number;
  /** Stored data files replaced. */
  readonly filesRemoved: number;
  /** Whether a staged snapshot exists for the table (false: nothing changed). */
  readonly staged: boolean;
}

/** Result of {@link buildStarSchema}: staged, unpublished snapshots. */
export interface BuildStarSchemaResult {
  readonly mode: 'incremental' | 'rebuild';
  /** Staged changes, one per table that changed. */
  readonly staged: readonly StagedTable[];
  readonly tables: readonly TableBuildSummary[];
  /** Symbols whose fact rows were recomputed. */
  readonly affectedSymbols: number;
  /** Staged bars read. */
  readonly stagedBars: number;
  /** Publish every staged table (per-table atomic). */
  publishAll(): Promise<void>;
  /** Abandon every staged table. */
  abandonAll(): Promise<void>;
}

const REPLACE_KEYS: Readonly<Record<ModelTableName, readonly string[]>> = {
  dim_date: ['date_key'],
  dim_exchange: ['exchange_code'],
  dim_stock: ['symbol'],
  fact_stock_daily_price: ['symbol', 'trade_date'],
  agg_stock_weekly_metrics: ['symbol', 'iso_year', 'iso_week'],
  agg_stock_monthly_metrics: ['symbol', 'year', 'month'],
  // A touched date is re-aggregated over every stock, so a sector that lost its last stock disappears.
  agg_sector_performance: ['trade_date'],
};

async function run(connection: DuckDBConnection, model: string, sql: string): Promise<void> {
  try {
    await connection.run(sql);
  } catch (e) {
    throw new ModelExecutionError(model, e instanceof Error ? e.message : String(e), { cause: e });
  }
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<unknown> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRows()[0]?.[0];
}

function dateString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value).slice(0, 10);
}

const model = (name: ModelName, rebuild = false, stagedProvenance?: StagedProvenance) =>
  renderModel(name, 'duckdb', { rebuild, ...(stagedProvenance ? { stagedProvenance } : {}) });

/**
 * Runs the star-schema models on DuckDB over the staged bars and profiles plus the stored history, writes
 * Parquet with Iceberg field ids, and stages one copy-on-write change per changed table through `store`.
 * Nothing is visible until `publishAll()`; call `abandonAll()` when table validation fails.
 *
 * Incremental: per symbol, every session from the first new or changed bar (or dim_stock version change) on is
 * recomputed; touched weeks, months and sector dates are recomputed whole. Rebuild: every table is replaced by
 * what the staged input alone yields (pass all accepted bars and profiles of the raw zone).
 *
 * @throws {StarSchemaInputError} on bad options; {@link ModelExecutionError} when a model fails.
 */
export async function buildStarSchema(options: BuildStarSchemaOptions): Promise<BuildStarSchemaResult> {
  const mode = options.mode ?? 'incremental';
  const batchSymbols = options.batchSymbols ?? 3000;
  if (!Number.isInteger(batchSymbols) || batchSymbols < 1)
    throw new StarSchemaInputError(`batchSymbols must be a positive integer, got ${batchSymbols}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
    throw new StarSchemaInputError(`asOf must be YYYY-MM-DD, got ${options.asOf}`);
  const work = options.workDir;
  await mkdir(work, { recursive: true });
  let instance: DuckDBInstance | undefined;
  let connection = options.connection;
  if (!connection) {
    const config: Record<string, string> = {
      memory_limit: options.memoryLimit ?? '1GB',
      temp_directory: join(work, 'duckdb-spill'),
      preserve_insertion_order: 'false',
      // A batch writes up to ~120 monthly fact partitions at once; DuckDB's default of 100 open files would split
      // some partitions into two files.
      partitioned_write_max_open_files: '1000',
    };
    if (options.threads !== undefined) config['threads'] = String(options.threads);
    instance = await DuckDBInstance.create(':memory:', config);
    connection = await instance.connect();
  }
  const hook = options.onStatement;
  const timed: DuckDBConnection = hook
    ? new Proxy(connection, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if ((prop === 'run' || prop === 'runAndReadAll') && typeof value === 'function') {
            return async (sql: string) => {
              const t0 = performance.now();
              try {
                return await (value as (q: string) => Promise<unknown>).call(target, sql);
              } finally {
                hook(sql.trim().split('\n')[0]?.slice(0, 120) ?? '', performance.now() - t0);
              }
            };
          }
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      })
    : connection;
  try {
    return await buildWith(timed, options, mode, batchSymbols);
  } finally {
    if (instance) {
      connection.closeSync();
      instance.closeSync();
    }
    await rm(join(work, 'duckdb-spill'), { recursive: true, force: true });
  }
}

async function buildWith(
  c: DuckDBConnection,
  options: BuildStarSchemaOptions,
  mode: 'incremental' | 'rebuild',
  batchSymbols: number,
): Promise<BuildStarSchemaResult> {
  const { store, workDir } = options;
  const rebuild = mode === 'rebuild';
  const out = join(workDir, 'out');
  await mkdir(out, { recursive: true });
  const t = tableDefinitions;

  // 1. Stage the input once as Parquet: JSON is parsed a single time, batches then filter by symbol hash. A file
  // input's provenance is one value: it is added by the `staged_bars` view, not stored per row. A rebuild whose
  // file input is known to fit one batch skips the copy and reads the files once, inside the fact model.
  const stagedPath = join(workDir, 'staged-bars.parquet');
  const provenance = constantProvenance(options.bars);
  const bars = options.bars;
  const batchRows = options.batchRows ?? batchSymbols * 2520;
  const direct = rebuild && !('sql' in bars) && bars.rows !== undefined && bars.rows <= batchRows;
  const stagedRelation = direct ? `(${barValuesSelect(bars)})` : `read_parquet(${literal(stagedPath)})`;
  let stagedBars = 0;
  let symbolCount = 0;
  let minStaged: unknown = null;
  if (!direct) {
    await run(
      c,
      'staged_bars',
      // Scratch, read twice at most: no dictionary and no compression write 15 % faster and read as fast.
      `COPY (${'sql' in bars ? barsSelect(bars) : barValuesSelect(bars)}) TO ${literal(stagedPath)}
      (FORMAT parquet, COMPRESSION uncompressed, DICTIONARY_SIZE_LIMIT 1)`,
    );
    const stats = await c.runAndReadAll(
      `SELECT count(*), count(DISTINCT symbol), min(date) FROM ${stagedRelation}`,
    );
    const [barCount, symbols, minDate] = stats.getRows()[0] ?? [0, 0, null];
    stagedBars = Number(barCount);
    symbolCount = Number(symbols);
    minStaged = minDate;
  }
  await run(
    c,
    'staged_profiles',
    `CREATE OR REPLACE TEMP TABLE staged_profiles AS ${profilesSelect(options.profiles)}
    QUALIFY row_number() OVER (PARTITION BY symbol, as_of ORDER BY company_name) = 1`,
  );

  // 2. dim_stock (SCD2) and what its changes force the fact table to recompute.
  const dimStockFiles = rebuild ? [] : await store.listFiles(t.dim_stock);
  await run(
    c,
    'stored_dim_stock',
    `CREATE OR REPLACE TEMP VIEW stored_dim_stock AS ${scanTable(
      t.dim_stock,
      dimStockFiles.map((f) => f.localPath),
    )}`,
  );
  await run(c, 'dim_stock', `CREATE OR REPLACE TEMP TABLE new_dim_stock AS ${model('dim_stock')}`);
  await run(
    c,
    'all_dim_stock',
    `CREATE OR REPLACE TEMP TABLE all_dim_stock AS
    SELECT * FROM stored_dim_stock WHERE symbol NOT IN (SELECT symbol FROM new_dim_stock)
    UNION ALL BY NAME SELECT * FROM new_dim_stock`,
  );
  await run(c, 'stock_changes', `CREATE OR REPLACE TEMP TABLE stock_changes AS ${model('stock_changes')}`);
  const minChange = dateString(
    await scalar(
      c,
      `SELECT min(from_date) FROM stock_changes WHERE symbol IN (SELECT symbol FROM stored_dim_stock)`,
    ),
  );

  // 3. Stored fact history the windows need (partition-pruned), then the fact and period aggregates per batch.
  const firsts = [dateString(minStaged), minChange].filter((d): d is string => d !== null).sort();
  const historyFrom = firsts[0]
    ? planHistoryFrom(firsts[0], options.historyDays ?? DEFAULT_HISTORY_DAYS)
    : options.asOf;
  const factHistory = rebuild
    ? []
    : await store.listFiles(t.fact_stock_daily_price, { fromDate: historyFrom });
  await run(
    c,
    'stored_fact',
    `CREATE OR REPLACE TEMP VIEW stored_fact AS ${scanTable(
      t.fact_stock_daily_price,
      factHistory.map((f) => f.localPath),
    )}`,
  );

  // A batch holds about `batchSymbols` symbols' worth of rows: ten years of bars in a rebuild, or the staged bars
  // plus ~500 stored sessions of history per symbol in an incremental run (a daily run is then one or two batches,
  // so the stored history is scanned once or twice instead of once per symbol batch).
  // A rebuild's fact rows all carry the input's provenance: written as one-value ENUMs, the strings are not copied
  // into every partition's buffer (the run id alone cost ~20 % of the partitioned write).
  const factTypes: Record<string, string> =
    rebuild && provenance
      ? { source: enumType([provenance.source]), run_id: enumType([provenance.runId]) }
      : {};
  const rowsToWindow = stagedBars + (rebuild ? 0 : symbolCount * 500);
  const batches = direct ? 1 : Math.max(1, Math.ceil(rowsToWindow / batchRows));
  const written: Record<'fact' | 'weekly' | 'monthly', WrittenFile[]> = { fact: [], weekly: [], monthly: [] };
  let affectedSymbols = 0;
  const rows = { fact: 0, weekly: 0, monthly: 0 };
  for (let b = 0; b < batches; b++) {
    const inBatch = batches === 1 ? 'true' : `hash(symbol) % ${batches} = ${b}`;
    await run(
      c,
      'staged_bars',
      `CREATE OR REPLACE TEMP VIEW staged_bars AS
      SELECT *${provenance ? `, ${provenanceColumns(provenance)}` : ''}
      FROM ${stagedRelation} WHERE ${inBatch}`,
    );
    if (!rebuild) {
      // Version changes of symbols without bars in this run are handled in the batch of their hash. (A rebuild
      // recomputes every staged symbol from its first bar: its models need no change set.)
      await run(
        c,
        'affected_symbols',
        `CREATE OR REPLACE TEMP TABLE affected_symbols AS
        SELECT * FROM (${model('affected_symbols')}) WHERE ${inBatch}`,
      );
      affectedSymbols += await countRows(c, 'SELECT * FROM affected_symbols');
    }
    // The fact rows go straight from the model into Parquet (never held whole in memory); the period models then
    // read this batch's files back as `new_fact`.
    const factFiles = await writeTableFiles(
      c,
      t.fact_stock_daily_price,
      model('fact_stock_daily_price', rebuild, provenance),
      out,
      { sort: false, types: factTypes, dictionary: false },
    );
    if (factFiles.length === 0) continue;
    const batchFact = scanTable(
      t.fact_stock_daily_price,
      factFiles.map((f) => f.localPath),
    );
    await run(c, 'new_fact', `CREATE OR REPLACE TEMP VIEW new_fact AS ${batchFact}`);
    rows.fact += await countFiles(c, factFiles);
    written.fact.push(...factFiles);
    // A rebuild aggregates weeks and months in one scan of the batch's fact files.
    if (rebuild)
      await run(
        c,
        'period_groups',
        `CREATE OR REPLACE TEMP TABLE period_groups AS ${model('period_groups', rebuild)}`,
      );
    const weekly = await writeTableFiles(
      c,
      t.agg_stock_weekly_metrics,
      model('agg_stock_weekly_metrics', rebuild),
      out,
    );
    rows.weekly += await countFiles(c, weekly);
    written.weekly.push(...weekly);
    const monthly = await writeTableFiles(
      c,
      t.agg_stock_monthly_metrics,
      model('agg_stock_monthly_metrics', rebuild),
      out,
    );
    rows.monthly += await countFiles(c, monthly);
    written.monthly.push(...monthly);
    if (rebuild) {
      // Nothing was staged to count in a direct rebuild: its symbols are those with a month of fact rows.
      if (direct)
        symbolCount = Number(
          await scalar(c, 'SELECT count(DISTINCT symbol) FROM period_groups WHERE is_month = 1'),
        );
      await run(c, 'period_groups', 'DROP TABLE IF EXISTS period_groups');
    }
  }

  // Nothing was staged to count in a direct rebuild: it writes one fact row per bar.
  if (direct) stagedBars = rows.fact;

  // 4. Sector performance over every stock of the touched dates.
  let sectorFiles: WrittenFile[] = [];
  let sectorRows = 0;
  if (written.fact.length > 0) {
    await run(
      c,
      'new_fact',
      `CREATE OR REPLACE TEMP VIEW new_fact AS ${scanTable(
        t.fact_stock_daily_price,
        written.fact.map((f) => f.localPath),
      )}`,
    );
    await run(
      c,
      'agg_sector_performance',
      `CREATE OR REPLACE TEMP TABLE new_sector AS ${model('agg_sector_performance', rebuild)}`,
    );
    sectorRows = await countRows(c, 'SELECT * FROM new_sector');
    sectorFiles = await writeTableFiles(c, t.agg_sector_performance, 'SELECT * FROM new_sector', out);
  }

  // 5. Small dimensions: rewritten whole when their content changes.
  const dimDateFiles = await store.listFiles(t.dim_date);
  await run(
    c,
    'stored_dim_date',
    `CREATE OR REPLACE TEMP VIEW stored_dim_date AS ${scanTable(
      t.dim_date,
      dimDateFiles.map((f) => f.localPath),
    )}`,
  );
  const storedRange = rebuild ? null : await dateRangeOf(c, 'SELECT "date" AS d FROM stored_dim_date');
  // (In a direct rebuild the fact files hold one row per bar: their trade_date bounds are the data's range.)
  const dataRange = !direct
    ? await dateRangeOf(c, `SELECT date AS d FROM ${stagedRelation}`)
    : written.fact.length > 0
      ? (dateRangeOfFiles(written.fact, t.fact_stock_daily_price, 'trade_date') ??
        (await dateRangeOf(c, 'SELECT trade_date AS d FROM new_fact')))
      : null;
  const dateRange = planDimDateRange({ stored: storedRange, data: dataRange, asOf: options.asOf });
  let dimDateWritten: WrittenFile[] = [];
  if (dateRange) {
    const days = buildCalendarDates(options.calendar ?? nasdaqCalendar, dateRange.from, dateRange.to);
    const calendarFile = join(workDir, 'calendar-dates.json');
    await writeFile(calendarFile, JSON.stringify(days));
    await run(
      c,
      'calendar_dates',
      `CREATE OR REPLACE TEMP TABLE calendar_dates AS SELECT * FROM read_json(${literal(calendarFile)}, format = 'array',
        columns = {date: 'DATE', is_trading_day: 'BOOLEAN', is_early_close: 'BOOLEAN', holiday_name: 'VARCHAR'})`,
    );
    dimDateWritten = await writeTableFiles(c, t.dim_date, model('dim_date'), out);
  }
  const exchangeFiles = await store.listFiles(t.dim_exchange);
  const storedExchange = scanTable(
    t.dim_exchange,
    exchangeFiles.map((f) => f.localPath),
  );
  const newExchange = model('dim_exchange');
  const exchangeChanged =
    rebuild ||
    (await countRows(c, `(${newExchange}) EXCEPT (${storedExchange})`)) +
      (await countRows(c, `(${storedExchange}) EXCEPT (${newExchange})`)) >
      0;
  const exchangeWritten = exchangeChanged ? await writeTableFiles(c, t.dim_exchange, newExchange, out) : [];
  const stockChanged = rebuild || (await countRows(c, 'SELECT * FROM stock_changes')) > 0;
  const stockWritten = stockChanged
    ? await writeTableFiles(c, t.dim_stock, 'SELECT * FROM new_dim_stock', out)
    : [];

  // 6. Copy-on-write and staging, one change per table.
  const staged: StagedTable[] = [];
  const summaries: TableBuildSummary[] = [];
  const stage = async (
    name: ModelTableName,
    added: WrittenFile[],
    count: number,
    whole: boolean,
    stored?: readonly StoredFile[],
  ) => {
    const table = t[name];
    if (added.length === 0 && !(rebuild && (await store.listFiles(table)).length > 0)) {
      summaries.push({ table: name, rowsWritten: 0, filesRemoved: 0, staged: false });
      return;
    }
    let remove: StoredFile[];
    let add = added;
    if (rebuild) {
      remove = [...(await store.listFiles(table))];
    } else if (whole) {
      remove = [...(stored ?? (await store.listFiles(table)))];
    } else {
      const candidates = stored ?? (await store.listFiles(table));
      const cow = await rewriteTouchedPartitions(c, table, candidates, added, REPLACE_KEYS[name], out);
      remove = cow.remove;
      add = [...added, ...cow.survivors];
    }
    staged.push(await store.stage(table, { remove, add, mode: rebuild || whole ? 'rebuild' : 'upsert' }));
    summaries.push({ table: name, rowsWritten: count, filesRemoved: remove.length, staged: true });
  };
  await stage(
    'dim_date',
    dimDateWritten,
    dateRange ? await countRows(c, 'SELECT * FROM calendar_dates') : 0,
    true,
    dimDateFiles,
  );
  await stage(
    'dim_exchange',
    exchangeWritten,
    exchangeWritten.length > 0 ? await countRows(c, newExchange) : 0,
    true,
    exchangeFiles,
  );
  await stage(
    'dim_stock',
    stockWritten,
    stockChanged ? await countRows(c, 'SELECT * FROM new_dim_stock') : 0,
    false,
    dimStockFiles,
  );
  await stage('fact_stock_daily_price', written.fact, rows.fact, false, rebuild ? undefined : factHistory);
  const weekFrom = historyFrom;
  await stage(
    'agg_stock_weekly_metrics',
    written.weekly,
    rows.weekly,
    false,
    rebuild ? undefined : await store.listFiles(t.agg_stock_weekly_metrics, { fromDate: weekFrom }),
  );
  await stage(
    'agg_stock_monthly_metrics',
    written.monthly,
    rows.monthly,
    false,
    rebuild ? undefined : await store.listFiles(t.agg_stock_monthly_metrics, { fromDate: weekFrom }),
  );
  await stage(
    'agg_sector_performance',
    sectorFiles,
    sectorRows,
    false,
    rebuild ? undefined : await store.listFiles(t.agg_sector_performance, { fromDate: weekFrom }),
  );

  return {
    mode,
    staged,
    tables: summaries,
    affectedSymbols: rebuild ? symbolCount : affectedSymbols,
    stagedBars,
    publishAll: async () => {
      for (const s of staged) await s.publish();
    },
    abandonAll: async () => {
      for (const s of staged) await s.abandon();
    },
  };
}

/** Rows of written files: as their writer reported, or counted when it did not. */
async function countFiles(c: DuckDBConnection, files: readonly WrittenFile[]): Promise<number> {
  const reported = files.map((f) => f.stats?.recordCount);
  if (reported.every((n) => n !== undefined)) return reported.reduce((sum, n) => sum + Number(n), 0);
  return countRows(c, `SELECT 1 FROM read_parquet(${pathList(files.map((f) => f.localPath))})`);
}

/** The range of DATE column `name` over written files, from their writer's statistics (null when one lacks them). */
function dateRangeOfFiles(
  files: readonly WrittenFile[],
  table: TableDefinition,
  name: string,
): DateRange | null {
  const id = table.columns.find((col) => col.name === name)?.id;
  let from = Infinity;
  let to = -Infinity;
  for (const f of files) {
    const s = id === undefined ? undefined : f.stats?.columns.get(id);
    if (typeof s?.lower !== 'number' || typeof s.upper !== 'number') return null;
    from = Math.min(from, s.lower);
    to = Math.max(to, s.upper);
  }
  const iso = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);
  return files.length === 0 ? null : { from: iso(from), to: iso(to) };
}

async function dateRangeOf(c: DuckDBConnection, relation: string): Promise<DateRange | null> {
  const reader = await c.runAndReadAll(
    `SELECT CAST(min(d) AS VARCHAR), CAST(max(d) AS VARCHAR) FROM (${relation})`,
  );
  const [from, to] = reader.getRows()[0] ?? [null, null];
  if (from === null || to === null || from === undefined || to === undefined) return null;
  return { from: String(from), to: String(to) };
}
