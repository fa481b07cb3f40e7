/** Static description of a listed company, as FMP's `profile` describes it. */
export interface CompanyInfo {
  symbol: string;
  companyName: string;
  sector: string;
  industry: string;
  exchange: string;
  exchangeFullName: string;
  country: string;
  currency: string;
  cik: string;
  isin: string;
  cusip: string;
  ipoDate: string;
  ceo: string;
  fullTimeEmployees: string;
  city: string;
  state: string;
  website: string;
  /** Shares outstanding, for market capitalisation. */
  sharesOutstanding: number;
}

/** A split as FMP lists it. */
export interface SplitSpec {
  date: string;
  numerator: number;
  denominator: number;
}

/** Market behaviour of one default symbol (first session 2000-01-03). */
export interface MarketSpec {
  startPrice: number;
  annualDrift: number;
  annualVolatility: number;
  baseVolume: number;
  splits: SplitSpec[];
  /** Annual dividend yield (0 = none) and the first ex-date year. */
  dividendYield: number;
  dividendsFrom: string;
}

function company(
  symbol: string,
  companyName: string,
  sector: string,
  industry: string,
  cik: string,
  isin: string,
  ipoDate: string,
  ceo: string,
  fullTimeEmployees: string,
  city: string,
  state: string,
  website: string,
  sharesOutstanding: number,
): CompanyInfo {
  return {
    symbol,
    companyName,
    sector,
    industry,
    exchange: 'NASDAQ',
    exchangeFullName: 'NASDAQ Global Select',
    country: 'US',
    currency: 'USD',
    cik,
    isin,
    cusip: isin.slice(2, 11),
    ipoDate,
    ceo,
    fullTimeEmployees,
    city,
    state,
    website,
    sharesOutstanding,
  };
}

/** The seed deployment's eight symbols, with their real sectors and industries. */
export const DEFAULT_SYMBOLS: readonly string[] = [
  'AAPL',
  'MSFT',
  'GOOGL',
  'AMZN',
  'META',
  'NVDA',
  'AMD',
  'INTC',
];

/** Real descriptive data of the default symbols. */
export const DEFAULT_COMPANIES: Readonly<Record<string, CompanyInfo>> = {
  AAPL: company(
    'AAPL',
    'Apple Inc.',
    'Technology',
    'Consumer Electronics',
    '0000320193',
    'US0378331005',
    '1980-12-12',
    'Timothy D. Cook',
    '164000',
    'Cupertino',
    'CA',
    'https://www.apple.com',
    15_000_000_000,
  ),
  MSFT: company(
    'MSFT',
    'Microsoft Corporation',
    'Technology',
    'Software - Infrastructure',
    '0000789019',
    'US5949181045',
    '1986-03-13',
    'Satya Nadella',
    '228000',
    'Redmond',
    'WA',
    'https://www.microsoft.com',
    7_430_000_000,
  ),
  GOOGL: company(
    'GOOGL',
    'Alphabet Inc.',
    'Communication Services',
    'Internet Content & Information',
    '0001652044',
    'US02079K3059',
    '2004-08-19',
    'Sundar Pichai',
    '183323',
    'Mountain View',
    'CA',
    'https://abc.xyz',
    5_800_000_000,
  ),
  AMZN: company(
    'AMZN',
    'Amazon.com, Inc.',
    'Consumer Cyclical',
    'Specialty Retail',
    '0001018724',
    'US0231351067',
    '1997-05-15',
    'Andrew R. Jassy',
    '1556000',
    'Seattle',
    'WA',
    'https://www.amazon.com',
    10_600_000_000,
  ),
  META: company(
    'META',
    'Meta Platforms, Inc.',
    'Communication Services',
    'Internet Content & Information',
    '0001326801',
    'US30303M1027',
    '2012-05-18',
    'Mark Elliot Zuckerberg',
    '76834',
    'Menlo Park',
    'CA',
    'https://investor.fb.com',
    2_520_000_000,
  ),
  NVDA: company(
    'NVDA',
    'NVIDIA Corporation',
    'Technology',
    'Semiconductors',
    '0001045810',
    'US67066G1040',
    '1999-01-22',
    'Jen-Hsun Huang',
    '36000',
    'Santa Clara',
    'CA',
    'https://www.nvidia.com',
    24_400_000_000,
  ),
  AMD: company(
    'AMD',
    'Advanced Micro Devices, Inc.',
    'Technology',
    'Semiconductors',
    '0000002488',
    'US0079031078',
    '1972-09-27',
    'Lisa T. Su',
    '28000',
    'Santa Clara',
    'CA',
    'https://www.amd.com',
    1_620_000_000,
  ),
  INTC: company(
    'INTC',
    'Intel Corporation',
    'Technology',
    'Semiconductors',
    '0000050863',
    'US4581401001',
    '1971-10-13',
    'Lip-Bu Tan',
    '108900',
    'Santa Clara',
    'CA',
    'https://www.intel.com',
    4_360_000_000,
  ),
};

/** Market behaviour of the default symbols; splits are the real ones since 2000. */
export const DEFAULT_MARKETS: Readonly<Record<string, MarketSpec>> = {
  AAPL: {
    startPrice: 0.9,
    annualDrift: 0.26,
    annualVolatility: 0.32,
    baseVolume: 60_000_000,
    splits: [
      { date: '2005-02-28', numerator: 2, denominator: 1 },
      { date: '2014-06-09', numerator: 7, denominator: 1 },
      { date: '2020-08-31', numerator: 4, denominator: 1 },
    ],
    dividendYield: 0.005,
    dividendsFrom: '2012-08-09',
  },
  MSFT: {
    startPrice: 36,
    annualDrift: 0.09,
    annualVolatility: 0.27,
    baseVolume: 30_000_000,
    splits: [{ date: '2003-02-18', numerator: 2, denominator: 1 }],
    dividendYield: 0.008,
    dividendsFrom: '2003-02-19',
  },
  GOOGL: {
    startPrice: 2.6,
    annualDrift: 0.19,
    annualVolatility: 0.3,
    baseVolume: 30_000_000,
    splits: [
      { date: '2014-04-03', numerator: 2, denominator: 1 },
      { date: '2022-07-18', numerator: 20, denominator: 1 },
    ],
    dividendYield: 0.005,
    dividendsFrom: '2024-06-10',
  },
  AMZN: {
    startPrice: 4,
    annualDrift: 0.15,
    annualVolatility: 0.38,
    baseVolume: 50_000_000,
    splits: [{ date: '2022-06-06', numerator: 20, denominator: 1 }],
    dividendYield: 0,
    dividendsFrom: '2000-01-01',
  },
  META: {
    startPrice: 38,
    annualDrift: 0.18,
    annualVolatility: 0.38,
    baseVolume: 18_000_000,
    splits: [],
    dividendYield: 0.004,
    dividendsFrom: '2024-02-22',
  },
  NVDA: {
    startPrice: 0.6,
    annualDrift: 0.3,
    annualVolatility: 0.5,
    baseVolume: 300_000_000,
    splits: [
      { date: '2000-06-27', numerator: 2, denominator: 1 },
      { date: '2001-09-17', numerator: 2, denominator: 1 },
      { date: '2006-04-07', numerator: 2, denominator: 1 },
      { date: '2007-09-11', numerator: 3, denominator: 2 },
      { date: '2021-07-20', numerator: 4, denominator: 1 },
      { date: '2024-06-10', numerator: 10, denominator: 1 },
    ],
    dividendYield: 0.0003,
    dividendsFrom: '2012-11-20',
  },
  AMD: {
    startPrice: 15,
    annualDrift: 0.1,
    annualVolatility: 0.55,
    baseVolume: 45_000_000,
    splits: [{ date: '2000-08-22', numerator: 2, denominator: 1 }],
    dividendYield: 0,
    dividendsFrom: '2000-01-01',
  },
  INTC: {
    startPrice: 40,
    annualDrift: -0.01,
    annualVolatility: 0.33,
    baseVolume: 40_000_000,
    splits: [],
    dividendYield: 0.02,
    dividendsFrom: '2000-01-01',
  },
};
