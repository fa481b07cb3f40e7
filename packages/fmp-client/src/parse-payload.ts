import { FmpMalformedResponseError } from './errors.js';
import { parseJsonBody } from './transport.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a stable-API JSON payload as a list of rows. Accepts the stable bare array and, for shape
 * tolerance (fmp-api.md §8.6), the legacy wrappers `{symbol, historical: […]}` and
 * `{historicalStockList: [{symbol, historical}]}`; `{}` (legacy "unknown symbol") is no rows.
 * @throws {FmpMalformedResponseError} for anything else
 */
export function parseRowsPayload(body: string, contentType: string | null, request: string): unknown[] {
  const json = parseJsonBody(body, contentType, request);
  if (Array.isArray(json)) return json;
  if (isRecord(json)) {
    if (Array.isArray(json['historical'])) {
      const symbol = json['symbol'];
      return json['historical'].map((row: unknown) =>
        isRecord(row) && row['symbol'] === undefined && typeof symbol === 'string' ? { symbol, ...row } : row,
      );
    }
    if (Array.isArray(json['historicalStockList'])) {
      return json['historicalStockList'].flatMap((entry: unknown) =>
        isRecord(entry) && Array.isArray(entry['historical'])
          ? entry['historical'].map((row: unknown) =>
              isRecord(row) ? { symbol: entry['symbol'], ...row } : row,
            )
          : [],
      );
    }
    if (Object.keys(json).length === 0) return [];
  }
  throw new FmpMalformedResponseError(
    `fmp-client: unexpected payload shape for ${request} (expected a JSON array, got ${Array.isArray(json) ? 'array' : typeof json})`,
  );
}

/**
 * Reads a `*-bulk` CSV payload (header line, then one row per line; values may be double-quoted).
 * @throws {FmpMalformedResponseError} when the body is empty, HTML or JSON, or lacks a header
 */
export function parseCsvPayload(
  body: string,
  contentType: string | null,
  request: string,
): Record<string, string>[] {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text === '' || text.startsWith('<') || text.startsWith('{') || text.startsWith('[')) {
    throw new FmpMalformedResponseError(
      `fmp-client: expected CSV for ${request}, got ${text === '' ? 'an empty body' : (contentType ?? 'another format')}`,
    );
  }
  const lines = text.split(/\r?\n/);
  const header = splitCsvLine(lines[0] as string);
  if (!header.includes('symbol') || !header.includes('date')) {
    throw new FmpMalformedResponseError(`fmp-client: CSV for ${request} has no symbol/date header`);
  }
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const cells = splitCsvLine(line);
    if (cells.length < header.length) {
      // A short row is a cut body (a dropped connection), not data.
      throw new FmpMalformedResponseError(
        `fmp-client: truncated CSV for ${request} (line ${i + 1} has ${cells.length} of ${header.length} columns)`,
      );
    }
    const row: Record<string, string> = {};
    header.forEach((name, j) => {
      row[name] = cells[j] ?? '';
    });
    rows.push(row);
  }
  return rows;
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
