// Test-only: a DuckDB-backed `RunSql`. The library never imports DuckDB; the CLI passes its own runner.
import { DuckDBInstance } from '@duckdb/node-api';
import type { RunSql } from '../expectations/types.js';

/** An in-memory DuckDB with a `RunSql` and an `exec` for fixture DDL. */
export interface DuckDbHarness {
  runSql: RunSql;
  exec(sql: string): Promise<void>;
  close(): void;
}

/** Opens an in-memory DuckDB database for a test. */
export async function createDuckDbHarness(): Promise<DuckDBHarnessImpl> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return new DuckDBHarnessImpl(instance, connection);
}

class DuckDBHarnessImpl implements DuckDbHarness {
  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: Awaited<ReturnType<DuckDBInstance['connect']>>,
  ) {}

  runSql: RunSql = async (sql) => {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  };

  async exec(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
