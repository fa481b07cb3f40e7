import { toDuckDbType, type Schema } from '@nasdaq-pipeline/iceberg/read';
import { quoteIdent, quoteLiteral, type Db } from './duckdb.js';

/** One table to expose as a DuckDB view: its schema and the local Parquet files of one snapshot. */
export interface ViewSource {
  name: string;
  schema: Schema;
  /** Local filesystem paths of the live data files (no delete files: our tables are copy-on-write). */
  files: readonly string[];
}

/**
 * The SELECT behind a table's view: `read_parquet` over its files with every column cast to the
 * schema's type (so an empty table still has its columns), or an empty typed relation when the
 * snapshot has no files.
 */
export function viewSql(source: ViewSource): string {
  const cols = source.schema.fields.map((f) => ({ name: quoteIdent(f.name), type: toDuckDbType(f) }));
  if (source.files.length === 0) {
    return `SELECT ${cols.map((c) => `CAST(NULL AS ${c.type}) AS ${c.name}`).join(', ')} WHERE false`;
  }
  const files = `[${source.files.map(quoteLiteral).join(', ')}]`;
  return `SELECT ${cols.map((c) => `CAST(${c.name} AS ${c.type}) AS ${c.name}`).join(', ')} FROM read_parquet(${files}, union_by_name = true)`;
}

/** Creates (or replaces) one view per table, addressable by its bare name. */
export async function createTableViews(db: Db, sources: readonly ViewSource[]): Promise<void> {
  for (const s of sources) await db.exec(`CREATE OR REPLACE VIEW ${quoteIdent(s.name)} AS ${viewSql(s)}`);
}
