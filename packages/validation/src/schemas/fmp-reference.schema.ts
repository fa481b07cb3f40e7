import {
  arrayOf,
  dateSchema,
  nullableNumberSchema,
  numberSchema,
  optionalDateSchema,
  symbolSchema,
} from './fmp-common.js';

/** Payload of `profile?symbol=` (a one-element array; `[]` for unknown or delisted symbols). */
export const fmpProfileSchema = arrayOf('FMP profile', {
  type: 'object',
  required: ['symbol', 'companyName'],
  properties: {
    symbol: symbolSchema,
    price: nullableNumberSchema,
    marketCap: nullableNumberSchema,
    beta: nullableNumberSchema,
    companyName: { type: 'string' },
    currency: { type: ['string', 'null'] },
    cik: { type: ['string', 'null'] },
    exchange: { type: ['string', 'null'] },
    exchangeFullName: { type: ['string', 'null'] },
    industry: { type: ['string', 'null'] },
    sector: { type: ['string', 'null'] },
    country: { type: ['string', 'null'] },
    // FMP sends employees as a string ("164000")
    fullTimeEmployees: { type: ['string', 'null'] },
    ipoDate: optionalDateSchema,
    isEtf: { type: 'boolean' },
    isActivelyTrading: { type: 'boolean' },
    isAdr: { type: 'boolean' },
    isFund: { type: 'boolean' },
  },
});

/** Payload of `quote?symbol=` (stable names: `changePercentage`, `timestamp` in Unix seconds). */
export const fmpQuoteSchema = arrayOf('FMP quote', {
  type: 'object',
  required: ['symbol', 'price'],
  properties: {
    symbol: symbolSchema,
    name: { type: ['string', 'null'] },
    price: numberSchema,
    changePercentage: nullableNumberSchema,
    change: nullableNumberSchema,
    volume: nullableNumberSchema,
    dayLow: nullableNumberSchema,
    dayHigh: nullableNumberSchema,
    yearHigh: nullableNumberSchema,
    yearLow: nullableNumberSchema,
    marketCap: nullableNumberSchema,
    priceAvg50: nullableNumberSchema,
    priceAvg200: nullableNumberSchema,
    exchange: { type: ['string', 'null'] },
    open: nullableNumberSchema,
    previousClose: nullableNumberSchema,
    timestamp: { type: 'integer' },
  },
});

/** Payload of `splits?symbol=`: `symbol, date, numerator, denominator`. */
export const fmpSplitsSchema = arrayOf('FMP splits', {
  type: 'object',
  required: ['symbol', 'date', 'numerator', 'denominator'],
  properties: {
    symbol: symbolSchema,
    date: dateSchema,
    numerator: { type: 'number', exclusiveMinimum: 0 },
    denominator: { type: 'number', exclusiveMinimum: 0 },
  },
});

/** Payload of `dividends?symbol=` (record/payment/declaration dates may be `""`). */
export const fmpDividendsSchema = arrayOf('FMP dividends', {
  type: 'object',
  required: ['symbol', 'date'],
  properties: {
    symbol: symbolSchema,
    date: dateSchema,
    recordDate: optionalDateSchema,
    paymentDate: optionalDateSchema,
    declarationDate: optionalDateSchema,
    adjDividend: nullableNumberSchema,
    dividend: nullableNumberSchema,
    yield: nullableNumberSchema,
    frequency: { type: ['string', 'null'] },
  },
});

/** Payload of `holidays-by-exchange?exchange=`. */
export const fmpHolidaysSchema = arrayOf('FMP holidays-by-exchange', {
  type: 'object',
  required: ['exchange', 'date', 'name', 'isClosed'],
  properties: {
    exchange: { type: 'string' },
    date: dateSchema,
    name: { type: 'string' },
    isClosed: { type: 'boolean' },
    adjOpenTime: { type: ['string', 'null'] },
    adjCloseTime: { type: ['string', 'null'] },
  },
});

/** Payload of `historical-price-eod/dividend-adjusted` (`adj*` prices, split + dividend adjusted). */
export const fmpEodDividendAdjustedSchema = arrayOf('FMP historical-price-eod/dividend-adjusted', {
  type: 'object',
  required: ['symbol', 'date', 'adjOpen', 'adjHigh', 'adjLow', 'adjClose', 'volume'],
  properties: {
    symbol: symbolSchema,
    date: dateSchema,
    adjOpen: numberSchema,
    adjHigh: numberSchema,
    adjLow: numberSchema,
    adjClose: numberSchema,
    volume: numberSchema,
  },
});

/** Payload of `historical-market-capitalization?symbol=`: `symbol, date, marketCap`. */
export const fmpMarketCapSchema = arrayOf('FMP historical-market-capitalization', {
  type: 'object',
  required: ['symbol', 'date', 'marketCap'],
  properties: { symbol: symbolSchema, date: dateSchema, marketCap: nullableNumberSchema },
});

/** Payload of `nasdaq-constituent` (Nasdaq-100 members; `dateFirstAdded` may be null). */
export const fmpNasdaqConstituentSchema = arrayOf('FMP nasdaq-constituent', {
  type: 'object',
  required: ['symbol', 'name'],
  properties: {
    symbol: symbolSchema,
    name: { type: 'string' },
    sector: { type: ['string', 'null'] },
    subSector: { type: ['string', 'null'] },
    headQuarter: { type: ['string', 'null'] },
    dateFirstAdded: optionalDateSchema,
    cik: { type: ['string', 'null'] },
    founded: { type: ['string', 'null'] },
  },
});
