import { FmpInvalidSymbolError } from './errors.js';

const MAX_INPUT = 24;
// Only ASCII letters, digits and the separators FMP uses; checked before any case mapping, since
// `toUpperCase` maps some non-ASCII letters onto ASCII ones ('ß' → 'SS', 'ﬁ' → 'FI').
const ALLOWED_CHARS = /^[A-Za-z0-9.\-/^]+$/;
// Canonical: an index (^IXIC), or a root of 1–10 letters/digits, an optional share class after a
// dash (BRK-B) and an optional foreign-listing suffix after a dot (VOD.L, SHOP.TO).
const CANONICAL = /^(?:\^[A-Z0-9]{1,10}|[A-Z0-9]{1,10}(?:-[A-Z0-9]{1,5})?(?:\.[A-Z]{1,4})?)$/;
// Single-letter dotted suffixes that are exchanges rather than share classes (London, Tokyo,
// TSX Venture, Frankfurt), so `VOD.L` stays a foreign listing while `BRK.B` becomes `BRK-B`.
const EXCHANGE_SUFFIXES = new Set(['L', 'T', 'V', 'F']);

/**
 * Canonical FMP form of a ticker: surrounding spaces trimmed, upper case, class shares with a dash
 * (`brk.b`, `BRK/B` → `BRK-B`), validated against a strict pattern so nothing odd ever reaches a URL.
 * @throws {FmpInvalidSymbolError} for empty, over-long, non-ASCII or malformed input (`../x`,
 *   `A;DROP`, `%2e%2e`, look-alike letters)
 */
export function canonicalizeSymbol(input: string): string {
  if (typeof input !== 'string') throw new FmpInvalidSymbolError(String(input), 'not a string');
  const trimmed = input.trim();
  if (trimmed.length === 0) throw new FmpInvalidSymbolError(input, 'empty');
  if (trimmed.length > MAX_INPUT) {
    throw new FmpInvalidSymbolError(input, `longer than ${MAX_INPUT} characters`);
  }
  if (!ALLOWED_CHARS.test(trimmed)) {
    throw new FmpInvalidSymbolError(input, 'only ASCII letters, digits, ".", "-", "/" and "^" are allowed');
  }
  let symbol = trimmed.toUpperCase().replace('/', '-');
  const classDot = /^([A-Z0-9]{1,10})\.([A-Z])$/.exec(symbol);
  if (classDot && !EXCHANGE_SUFFIXES.has(classDot[2] as string)) {
    symbol = `${classDot[1]}-${classDot[2]}`;
  }
  if (!CANONICAL.test(symbol)) throw new FmpInvalidSymbolError(input, 'not a ticker');
  return symbol;
}
