/** Output formats of `query`. */
export type RowFormat = 'table' | 'json' | 'csv';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const CSV_SPECIAL = /[",\n\r]/;

function csvCell(v: unknown): string {
  if (typeof v === 'number') return String(v);
  const s = cell(v);
  return CSV_SPECIAL.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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
    let out = `${columns.map(csvCell).join(',')}\n`;
    for (const r of rows) {
      let line = '';
      for (let i = 0; i < columns.length; i++) line += (i > 0 ? ',' : '') + csvCell(r[columns[i] as string]);
      out += `${line}\n`;
    }
    return out;
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
