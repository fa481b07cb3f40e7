import { startOfIsoWeek } from '@nasdaq-pipeline/market-calendar';
import { ExpectationCompileError } from '../errors.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Rows of offending data kept per expectation. */
export const SAMPLE_LIMIT = 20;

/**
 * Double-quotes an identifier (valid on DuckDB and Trino alike); only plain names are accepted, so
 * user suites cannot inject SQL.
 * @throws ExpectationCompileError for anything else.
 */
export function quoteIdent(name: string, owner = 'expectation'): string {
  if (!IDENT.test(name)) throw new ExpectationCompileError(owner, `"${name}" is not a plain identifier`);
  return `"${name}"`;
}

/** A SQL literal for a string, finite number, boolean or null; `'` doubled. */
export function literal(value: unknown, owner = 'expectation'): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ExpectationCompileError(owner, `${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  throw new ExpectationCompileError(owner, `unsupported literal ${JSON.stringify(value)}`);
}

/** `DATE 'YYYY-MM-DD'` (ANSI, accepted by DuckDB and Trino). */
export function dateLiteral(value: string, owner = 'expectation'): string {
  if (!DATE.test(value)) throw new ExpectationCompileError(owner, `"${value}" is not a YYYY-MM-DD date`);
  return `DATE '${value}'`;
}

/**
 * An inline table of literal rows, `(VALUES (…), (…)) AS alias(c1, c2)`, or an empty typed relation
 * when there are no rows (an empty VALUES list is invalid SQL on both engines).
 */
export function valuesTable(
  alias: string,
  columns: readonly { name: string; type: 'VARCHAR' | 'DATE' }[],
  rows: readonly (readonly string[])[],
): string {
  const names = columns.map((c) => quoteIdent(c.name)).join(', ');
  if (rows.length === 0) {
    const nulls = columns.map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ');
    return `(SELECT ${nulls} FROM (VALUES (1)) AS dq_none(x) WHERE 1 = 0) AS ${alias}`;
  }
  const body = rows
    .map(
      (r) => `(${r.map((v, i) => (columns[i]?.type === 'DATE' ? dateLiteral(v) : literal(v))).join(', ')})`,
    )
    .join(', ');
  return `(VALUES ${body}) AS ${alias}(${names})`;
}

/** Parts of the one query an expectation compiles to. */
export interface QueryParts {
  /** Extra CTEs (`name AS (…)`), in order. */
  ctes?: readonly string[];
  /** Offending rows; becomes the `dq_bad` CTE. */
  bad?: string;
  /** Columns to order samples by. */
  orderBy?: string;
  /** One-row statistics: `dq_total`, `dq_unexpected`, optional `dq_observed`, `dq_known`. */
  stats: string;
}

/**
 * Assembles the single query of an expectation: statistics on one row, left-joined to up to
 * {@link SAMPLE_LIMIT} offending rows (marked `dq_sampled = 1`), so one round trip returns both.
 * Uses only ANSI features DuckDB and Trino share (CTEs, VALUES, LEFT JOIN … ON 1 = 1, LIMIT).
 */
export function composeQuery(parts: QueryParts): string {
  const ctes = [...(parts.ctes ?? [])];
  if (parts.bad) ctes.push(`dq_bad AS (\n${indent(parts.bad)}\n)`);
  ctes.push(`dq_stats AS (\n${indent(parts.stats)}\n)`);
  const head = `WITH ${ctes.join(',\n')}\n`;
  if (!parts.bad) return `${head}SELECT * FROM dq_stats`;
  const order = parts.orderBy ? ` ORDER BY ${parts.orderBy}` : '';
  return (
    `${head}SELECT dq_stats.*, dq_sample.*\nFROM dq_stats\n` +
    `LEFT JOIN (SELECT 1 AS dq_sampled, dq_bad.* FROM dq_bad${order} LIMIT ${SAMPLE_LIMIT}) dq_sample ON 1 = 1`
  );
}

function indent(sql: string): string {
  return sql
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** Where an expectation reads its table: the table itself, or a window-scoped CTE `dq_src`. */
export interface ScopedSource {
  /** CTEs to put first (`[]` when unscoped). */
  ctes: string[];
  /** What to write after FROM. */
  from: string;
}

/**
 * The table an expectation reads, narrowed to rows whose `dateColumn` lies in the run's window when
 * the run is window-scoped; both engines push the date predicate down to partition pruning.
 */
export function scopedSource(
  table: string,
  dateColumn: string | undefined,
  ctx: {
    tableRef: (t: string) => string;
    params: { window: { from: string; to: string }; scope?: 'window' | 'all' };
  },
  id: string,
  grain: 'day' | 'week' | 'month' = 'day',
): ScopedSource {
  const t = ctx.tableRef(table);
  if (!dateColumn || ctx.params.scope === 'all') return { ctes: [], from: t };
  const c = quoteIdent(dateColumn, id);
  const { to } = ctx.params.window;
  const from = periodStart(ctx.params.window.from, grain);
  return {
    ctes: [
      `dq_src AS (\n  SELECT * FROM ${t} WHERE ${c} BETWEEN ${dateLiteral(from, id)} AND ${dateLiteral(to, id)}\n)`,
    ],
    from: 'dq_src',
  };
}

/** The first day of the week (ISO, Monday) or month containing `date`; `date` itself for `day`. */
export function periodStart(date: string, grain: 'day' | 'week' | 'month'): string {
  if (grain === 'week') return startOfIsoWeek(date);
  if (grain === 'month') return `${date.slice(0, 8)}01`;
  return date;
}
