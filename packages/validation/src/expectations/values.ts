/** Makes an engine value JSON-safe: bigint → number (string beyond 2^53), dates → `YYYY-MM-DD`. */
export function toPlainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlainValue);
  // engine value objects (DuckDB dates, decimals, timestamps) print themselves
  return String(value);
}

/** A number from an engine value (`bigint`, numeric string, number); `0` for null. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const n = Number(String(value));
  return Number.isFinite(n) ? n : 0;
}

/** Sample rows of a composed query: the `dq_sampled = 1` rows, `dq_*` statistics removed. */
export function extractSamples(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const row of rows) {
    if (toNumber(row['dq_sampled']) !== 1) continue;
    const sample: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
      if (!k.startsWith('dq_')) sample[k] = toPlainValue(v);
    }
    out.push(sample);
  }
  return out;
}
