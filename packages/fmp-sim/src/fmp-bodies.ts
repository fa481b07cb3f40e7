// Error bodies as FMP sends them (fmp-api.md §7); the client matches substrings of these.

/** 401 body for a missing or wrong key. */
export const INVALID_KEY_BODY = JSON.stringify({
  'Error Message':
    'Invalid API KEY. Feel free to create a Free API Key or visit https://site.financialmodelingprep.com/faqs?search=why-is-my-api-key-invalid for more information.',
});

/** 200 body of the old v3 invalid-key behaviour. */
export const INVALID_KEY_200_BODY = JSON.stringify({
  'Error Message':
    'Invalid API KEY. Please retry or visit our documentation to create one FREE https://site.financialmodelingprep.com/developer/docs',
});

/** 403 body for a legacy v3/v4 path. */
export const LEGACY_BODY = JSON.stringify({
  'Error Message':
    'Legacy Endpoint : Due to Legacy endpoints being no longer supported - This endpoint is only available for legacy users who have valid subscriptions prior August 31, 2025. Please visit our subscription page to upgrade your plan at https://site.financialmodelingprep.com/pricing-plans',
});

/** 402 plain-text body for an endpoint outside the plan. */
export const RESTRICTED_ENDPOINT_BODY =
  'Restricted Endpoint: This endpoint is not available under your current subscription please visit our subscription page to upgrade your plan at https://site.financialmodelingprep.com/pricing-plans';

/** 402 plain-text body for a symbol outside the plan. */
export const PREMIUM_SYMBOL_BODY =
  "Premium Query Parameter: 'Special Endpoint : This value set for 'symbol' is not available under your current subscription please visit our subscription page to upgrade your plan at https://site.financialmodelingprep.com/pricing-plans'";

/** 429 body of the call limit. */
export const LIMIT_REACH_BODY = JSON.stringify({
  'Error Message':
    'Limit Reach . Please upgrade your plan or visit our documentation for more details at https://site.financialmodelingprep.com/',
});

/** 429 body of the 30-day bandwidth cap. */
export const BANDWIDTH_BODY = JSON.stringify({
  'Error Message':
    'Bandwidth Limit Reach . Your 30-day bandwidth limit has been reached. Please upgrade your plan or visit https://site.financialmodelingprep.com/',
});

/** 403 body of a suspended account. */
export const SUSPENDED_BODY = JSON.stringify({
  'Error Message':
    'Account suspended. Please contact support at https://site.financialmodelingprep.com/contact',
});

/** An HTML error page, as a proxy in front of FMP would send it. */
export const HTML_PAGE_BODY =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>\n';
