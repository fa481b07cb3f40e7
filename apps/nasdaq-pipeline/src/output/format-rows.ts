/** Output formats of `query`. */
export type RowFormat = 'table' | 'json' | 'csv';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function csvCell(v: unknown): string {
  const s = cell(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Renders rows as an aligned text table (numbers right-aligned, NULL shown as `NULL`), a JSON array
 * of row objects, or RFC 4180 CSV with a header line.
 */
export function formatRows(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  format: RowFormat,
): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') {
    const lines = [columns.map(csvCell).join(',')];
    for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
    return `${lines.join('\n')}\n`;
  }
  const texts = rows.map((r) =>
    columns.map((c) => (r[c] === null || r[c] === undefined ? 'NULL' : cell(r[c]))),
  );
  const widths = columns.map((c, i) => Math.max(c.length, ...texts.map((t) => (t[i] ?? '').length)));
  const numeric = columns.map(
    (c) => rows.length > 0 && rows.every((r) => r[c] === null || typeof r[c] === 'number'),
  );
  const line = (parts: string[]) =>
    parts
      .map((p, i) => (numeric[i] ? p.padStart(widths[i] ?? 0) : p.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line([...columns]), widths.map((w) => '-'.repeat(w)).join('  '), ...texts.map(line)];
  out.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return `${out.join('\n')}\n`;
}
