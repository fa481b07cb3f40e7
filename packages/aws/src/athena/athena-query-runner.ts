import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient,
  type ColumnInfo,
  type QueryExecution,
} from '@aws-sdk/client-athena';
import { AthenaQueryFailedError, AwsTimeoutError, requireResponseField } from '../errors.js';
import { computePollDelay, sleepWithSignal, type PollOptions, type Sleep } from '../util/poll.js';
import { convertAthenaValue } from './convert-athena-value.js';

/** Options of {@link AthenaQueryRunner}. */
export interface AthenaQueryRunnerOptions {
  readonly athena: AthenaClient;
  /** Workgroup (engine v3 for Iceberg DML). Default `primary`. */
  readonly workGroup?: string;
  /** Default database of unqualified table names (the warehouse namespace, e.g. `nasdaq`). */
  readonly database?: string;
  /** Data catalog. Default `AwsDataCatalog` (the Glue Data Catalog). */
  readonly catalog?: string;
  /** `s3://…/` for result files; omit when the workgroup sets (and enforces) one. */
  readonly outputLocation?: string;
  /** Give up (and stop the query) after this long. Default 10 minutes. */
  readonly timeoutMs?: number;
  /** Polling backoff. Defaults 500 ms × 1.5 up to 5 s. */
  readonly poll?: PollOptions;
  /** Sleep. Default `setTimeout`, cancelled by the AbortSignal. */
  readonly sleep?: Sleep;
  /** Clock (ms since epoch) for the timeout. Default `Date.now`. */
  readonly now?: () => number;
}

/** Options of one {@link AthenaQueryRunner.execute} call. */
export interface AthenaExecuteOptions {
  /** Aborting stops the query (`StopQueryExecution`) and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Values for `?` placeholders (Athena `ExecutionParameters`, already SQL literals: `'AAPL'`, `42`). */
  readonly parameters?: readonly string[];
  /** Overrides the runner's timeout. */
  readonly timeoutMs?: number;
}

/** A result column: name and Athena (Trino) type. */
export interface AthenaColumn {
  readonly name: string;
  readonly type: string;
}

/** A finished query: typed rows plus what it cost. */
export interface AthenaQueryResult {
  readonly queryExecutionId: string;
  readonly columns: readonly AthenaColumn[];
  /** Rows as objects keyed by column name, values converted by {@link convertAthenaValue}. */
  readonly rows: Record<string, unknown>[];
  /** Bytes scanned: what Athena bills ($5 per TB, 10 MB minimum per query). */
  readonly dataScannedBytes: number;
  readonly engineExecutionTimeMs: number;
  /** `DDL`, `DML` or `UTILITY`. */
  readonly statementType: string | undefined;
}

/** Totals over every query a runner executed. */
export interface AthenaUsage {
  readonly queries: number;
  readonly dataScannedBytes: number;
}

const RUNNING = new Set(['QUEUED', 'RUNNING']);

/**
 * Runs SQL on Athena: `StartQueryExecution`, poll `GetQueryExecution` with backoff until a final state or the
 * timeout, page through `GetQueryResults`, convert the string cells by column type. Also the "run SQL, get rows"
 * interface (`query(sql)`) the validation package consumes.
 */
export class AthenaQueryRunner {
  private readonly options: AthenaQueryRunnerOptions;
  private queries = 0;
  private scanned = 0;

  constructor(options: AthenaQueryRunnerOptions) {
    this.options = options;
  }

  /** Queries run and bytes scanned so far (report the cost of a run). */
  get usage(): AthenaUsage {
    return { queries: this.queries, dataScannedBytes: this.scanned };
  }

  /**
   * Run `sql` and return its rows: the "run SQL, get rows" function `@nasdaq-pipeline/validation` takes as
   * `runSql`. Bound, so `runSql: runner.query` works.
   */
  readonly query = async (sql: string): Promise<Record<string, unknown>[]> => (await this.execute(sql)).rows;

  /**
   * Quote a bare table name for Athena (`"nasdaq"."fact_stock_daily_price"`), in the runner's database when set:
   * the `tableRef` of validation suites. Bound.
   */
  readonly tableRef = (table: string): string =>
    this.options.database !== undefined ? `"${this.options.database}"."${table}"` : `"${table}"`;

  /**
   * Run one statement to completion.
   * @throws {AthenaQueryFailedError} when the query ends `FAILED` or `CANCELLED` (with Athena's reason)
   * @throws {AwsTimeoutError} after the timeout (the query is stopped first)
   * @throws the signal's reason when aborted (the query is stopped first)
   */
  async execute(sql: string, options: AthenaExecuteOptions = {}): Promise<AthenaQueryResult> {
    const { athena } = this.options;
    const now = this.options.now ?? Date.now;
    const sleep = this.options.sleep ?? sleepWithSignal;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? 10 * 60 * 1000;
    const { signal } = options;
    signal?.throwIfAborted();
    const started = now();
    const { QueryExecutionId: id } = await athena.send(
      new StartQueryExecutionCommand({
        QueryString: sql,
        WorkGroup: this.options.workGroup ?? 'primary',
        ...(this.options.database !== undefined || this.options.catalog !== undefined
          ? {
              QueryExecutionContext: {
                ...(this.options.database !== undefined ? { Database: this.options.database } : {}),
                Catalog: this.options.catalog ?? 'AwsDataCatalog',
              },
            }
          : {}),
        ...(this.options.outputLocation !== undefined
          ? { ResultConfiguration: { OutputLocation: this.options.outputLocation } }
          : {}),
        ...(options.parameters && options.parameters.length > 0
          ? { ExecutionParameters: [...options.parameters] }
          : {}),
      }),
    );
    const queryExecutionId = requireResponseField(id, 'StartQueryExecution.QueryExecutionId');
    this.queries += 1;
    const stop = () =>
      athena
        .send(new StopQueryExecutionCommand({ QueryExecutionId: queryExecutionId }))
        .catch(() => undefined);

    let execution: QueryExecution | undefined;
    for (let attempt = 0; ; attempt++) {
      const out = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId: queryExecutionId }));
      execution = out.QueryExecution;
      const state = execution?.Status?.State ?? 'QUEUED';
      if (!RUNNING.has(state)) break;
      if (now() - started >= timeoutMs) {
        await stop();
        throw new AwsTimeoutError(
          `athena query ${queryExecutionId}`,
          timeoutMs,
          'the query was stopped; raise the timeout or narrow the query (partition filters on trade_date)',
        );
      }
      try {
        await sleep(computePollDelay(attempt, this.options.poll), signal);
      } catch (error) {
        if (signal?.aborted) await stop();
        throw error;
      }
      if (signal?.aborted) {
        await stop();
        throw signal.reason;
      }
    }
    const scanned = execution?.Statistics?.DataScannedInBytes ?? 0;
    this.scanned += scanned;
    const state = execution?.Status?.State ?? 'UNKNOWN';
    if (state !== 'SUCCEEDED') {
      throw new AthenaQueryFailedError({
        queryExecutionId,
        state,
        stateChangeReason: execution?.Status?.StateChangeReason,
        errorCategory: execution?.Status?.AthenaError?.ErrorCategory,
        sql,
      });
    }
    const { columns, rows } = await this.fetchRows(queryExecutionId, execution?.StatementType);
    return {
      queryExecutionId,
      columns,
      rows,
      dataScannedBytes: scanned,
      engineExecutionTimeMs: execution?.Statistics?.EngineExecutionTimeInMillis ?? 0,
      statementType: execution?.StatementType,
    };
  }

  private async fetchRows(
    queryExecutionId: string,
    statementType: string | undefined,
  ): Promise<{ columns: AthenaColumn[]; rows: Record<string, unknown>[] }> {
    let columns: AthenaColumn[] = [];
    const rows: Record<string, unknown>[] = [];
    let token: string | undefined;
    let first = true;
    do {
      const page = await this.options.athena.send(
        new GetQueryResultsCommand({
          QueryExecutionId: queryExecutionId,
          NextToken: token,
          MaxResults: 1000,
        }),
      );
      if (first) columns = toColumns(page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []);
      let data = page.ResultSet?.Rows ?? [];
      // Athena repeats the column labels as the first row of the first page of a SELECT (DML) result.
      if (first && statementType !== 'DDL' && data.length > 0) {
        const header = data[0]?.Data ?? [];
        if (header.length === columns.length && header.every((d, i) => d.VarCharValue === columns[i]?.name)) {
          data = data.slice(1);
        }
      }
      for (const row of data) {
        const cells = row.Data ?? [];
        const record: Record<string, unknown> = {};
        columns.forEach((c, i) => {
          record[c.name] = convertAthenaValue(cells[i]?.VarCharValue, c.type);
        });
        rows.push(record);
      }
      token = page.NextToken;
      first = false;
    } while (token);
    return { columns, rows };
  }
}

function toColumns(info: readonly ColumnInfo[]): AthenaColumn[] {
  return info.map((c) => ({ name: c.Name ?? c.Label ?? '', type: c.Type ?? 'varchar' }));
}
