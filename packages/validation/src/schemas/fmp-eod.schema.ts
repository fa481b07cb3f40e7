import { arrayOf, dateSchema, numberSchema, symbolSchema } from './fmp-common.js';

/**
 * One row of `historical-price-eod/full`: `symbol, date, open, high, low, close, volume` required;
 * `change`, `changePercent`, `vwap` optional (never used: `change` is close − open of the same day).
 * Value rules (prices > 0, high ≥ low …) are record rules, not schema: a bad row is quarantined, not
 * the whole payload.
 */
export const fmpEodFullRowSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'FMP historical-price-eod/full row',
  type: 'object',
  required: ['symbol', 'date', 'open', 'high', 'low', 'close', 'volume'],
  properties: {
    symbol: symbolSchema,
    date: dateSchema,
    open: numberSchema,
    high: numberSchema,
    low: numberSchema,
    close: numberSchema,
    volume: numberSchema,
    change: { type: ['number', 'null'] },
    changePercent: { type: ['number', 'null'] },
    vwap: { type: ['number', 'null'] },
  },
} as const;

/**
 * Envelope of `historical-price-eod/full`: a bare array of objects (newest first; `[]` is data: no
 * sessions). Rows are checked one by one with {@link fmpEodFullRowSchema} by the record rules.
 */
export const fmpEodFullSchema = arrayOf('FMP historical-price-eod/full', {
  type: 'object',
  required: ['date'],
});

/** One row of `historical-price-eod/light`: `symbol, date, price` (= close), `volume`. */
export const fmpEodLightRowSchema = {
  type: 'object',
  required: ['symbol', 'date', 'price', 'volume'],
  properties: { symbol: symbolSchema, date: dateSchema, price: numberSchema, volume: numberSchema },
} as const;

/** Payload of `historical-price-eod/light`. */
export const fmpEodLightSchema = arrayOf('FMP historical-price-eod/light', fmpEodLightRowSchema);

/** A decimal number written as a CSV string (every `eod-bulk` value is a string). */
const csvNumber = { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$' } as const;

/**
 * One parsed row of `eod-bulk?date=` (CSV, columns `symbol,date,open,low,high,close,adjClose,volume`,
 * every value a string). Convert with `coerceEodBulkRow` before the record rules.
 */
export const fmpEodBulkRowSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'FMP eod-bulk CSV row',
  type: 'object',
  required: ['symbol', 'date', 'open', 'low', 'high', 'close', 'volume'],
  properties: {
    symbol: { type: 'string', minLength: 1 },
    date: dateSchema,
    open: csvNumber,
    low: csvNumber,
    high: csvNumber,
    close: csvNumber,
    adjClose: { anyOf: [csvNumber, { type: 'string', maxLength: 0 }] },
    volume: csvNumber,
  },
} as const;

/** Payload of `eod-bulk` once its CSV is parsed into row objects. */
export const fmpEodBulkSchema = arrayOf('FMP eod-bulk (parsed CSV)', fmpEodBulkRowSchema);
