import { describe, expect, it } from 'vitest';
import { openDb, ReadOnlyQueryError } from './duckdb.js';

describe('openDb', () => {
  it('converts dates, safe 64-bit integers and timestamps for printing', async () => {
    const db = await openDb();
    const r = await db.query(
      "SELECT 1::BIGINT a, 9007199254740993::BIGINT b, DATE '2025-01-02' d, TIMESTAMPTZ '2025-01-02 10:00:00+00' t",
    );
    expect(r.rows).toEqual([{ a: 1, b: '9007199254740993', d: '2025-01-02', t: '2025-01-02T10:00:00.000Z' }]);
    db.close();
  });

  it('refuses anything but SELECT in read-only queries, before running it', async () => {
    const db = await openDb();
    await db.exec('CREATE TABLE t AS SELECT 1 AS x');
    expect((await db.queryReadOnly('SELECT x FROM t')).rows).toEqual([{ x: 1 }]);
    await expect(db.queryReadOnly("COPY t TO '/tmp/x.parquet'")).rejects.toBeInstanceOf(ReadOnlyQueryError);
    await expect(db.queryReadOnly('SELECT 1; DROP TABLE t')).rejects.toThrow(/statement 2 is DROP/);
    expect((await db.query('SELECT count(*)::INT n FROM t')).rows).toEqual([{ n: 1 }]);
    db.close();
  });
});
