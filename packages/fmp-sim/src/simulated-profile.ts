import { type CompanyInfo, DEFAULT_COMPANIES } from './default-symbols.js';
import { createPrng, hashString } from './prng.js';

const INDUSTRIES: readonly [string, string][] = [
  ['Technology', 'Software - Application'],
  ['Technology', 'Semiconductors'],
  ['Technology', 'Software - Infrastructure'],
  ['Healthcare', 'Biotechnology'],
  ['Healthcare', 'Medical Devices'],
  ['Communication Services', 'Internet Content & Information'],
  ['Consumer Cyclical', 'Specialty Retail'],
  ['Consumer Defensive', 'Packaged Foods'],
  ['Financial Services', 'Banks - Regional'],
  ['Industrials', 'Specialty Industrial Machinery'],
  ['Energy', 'Oil & Gas E&P'],
  ['Utilities', 'Utilities - Renewable'],
];
const SUFFIXES = ['Inc.', 'Corporation', 'Holdings, Inc.', 'Technologies, Inc.', 'Group, Inc.'];
const CITIES: readonly [string, string][] = [
  ['San Jose', 'CA'],
  ['Austin', 'TX'],
  ['Boston', 'MA'],
  ['New York', 'NY'],
  ['Seattle', 'WA'],
  ['Denver', 'CO'],
];
const MARKETS = ['NASDAQ Global Select', 'NASDAQ Global Market', 'NASDAQ Capital Market'];

function pick<T>(list: readonly T[], u: number): T {
  return list[Math.floor(u * list.length)] as T;
}

/**
 * Descriptive profile of `symbol`: the real one for the eight default symbols, otherwise a plausible
 * one derived from the symbol alone (same symbol, same profile, whatever the seed).
 */
export function simulatedProfile(symbol: string): CompanyInfo {
  const known = DEFAULT_COMPANIES[symbol];
  if (known) return known;
  const rand = createPrng(hashString(`profile:${symbol}`));
  const [sector, industry] = pick(INDUSTRIES, rand());
  const [city, state] = pick(CITIES, rand());
  const name =
    symbol.charAt(0) +
    symbol
      .slice(1)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ' ');
  const cik = String(1_000_000 + Math.floor(rand() * 900_000)).padStart(10, '0');
  const cusip = Math.floor(rand() * 1e9)
    .toString(36)
    .toUpperCase()
    .padStart(9, '0')
    .slice(0, 9);
  const year = 1980 + Math.floor(rand() * 20);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  return {
    symbol,
    companyName: `${name} ${pick(SUFFIXES, rand())}`,
    sector,
    industry,
    exchange: 'NASDAQ',
    exchangeFullName: pick(MARKETS, rand()),
    country: 'US',
    currency: 'USD',
    cik,
    isin: `US${cusip}0`,
    cusip,
    ipoDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    ceo: 'Jane Doe',
    fullTimeEmployees: String(100 + Math.floor(rand() * 50_000)),
    city,
    state,
    website: `https://www.${symbol.toLowerCase().replace(/[^a-z0-9]/g, '')}.example`,
    sharesOutstanding: Math.round(20_000_000 * 10 ** (rand() * 2)),
  };
}
