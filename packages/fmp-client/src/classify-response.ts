import {
  FmpAuthError,
  FmpBandwidthError,
  type FmpError,
  type FmpErrorOptions,
  FmpLegacyEndpointError,
  FmpPlanError,
  FmpRateLimitError,
  FmpServerError,
  FmpSuspendedError,
} from './errors.js';
import type { FmpPlan } from './types.js';

/** What {@link classifyResponse} looks at: the response before any JSON parsing. */
export interface ResponseToClassify {
  status: number;
  /** Body text as received. */
  body: string;
  plan: FmpPlan;
  /** Human description of the request for messages, e.g. `profile?symbol=AAPL` (no key). */
  request: string;
  endpoint: string;
}

const SNIPPET = 160;

function snippet(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET)}…` : flat;
}

// A 2xx carrying `{"Error Message": …}` (old invalid-key behaviour), `{"error": …}` or `{"message": …}`.
// Only small object bodies are inspected so a description inside a big payload never matches.
function looksLikeErrorObject(body: string): boolean {
  const t = body.trimStart();
  if (!t.startsWith('{') || t.length > 4096) return false;
  return /"(Error Message|error|message)"\s*:/.test(t);
}

/**
 * Classifies an FMP answer from its status and raw text (fmp-api.md §7–8), before any JSON parsing,
 * because 402 bodies are plain text and a 200 can carry an error. Body substrings are checked first,
 * in this order: plan restriction (per symbol when "Premium Query Parameter"), "Legacy Endpoint",
 * "Account suspended", "Invalid API KEY", "Bandwidth Limit", "Limit Reach"; then the status.
 * @returns the error to raise, or `null` for a 2xx that carries data
 */
export function classifyResponse(response: ResponseToClassify): FmpError | null {
  const { status, body, plan, request, endpoint } = response;
  const ok = status >= 200 && status < 300;
  if (ok && !looksLikeErrorObject(body)) return null;

  const text = body.slice(0, 8192);
  const said = snippet(body);
  const options: FmpErrorOptions = { status, endpoint };
  const head = `fmp-client: ${status} for ${request}`;

  if (/Premium Query Parameter/i.test(text)) {
    return new FmpPlanError(
      'symbol',
      `${head} — your plan (${plan}) does not cover this symbol or parameter value ("${said}"); upgrade, set FMP_PLAN, or drop the symbol`,
      options,
    );
  }
  if (/Restricted Endpoint|not available under your current subscription/i.test(text)) {
    return new FmpPlanError(
      'endpoint',
      `${head} — your plan (${plan}) does not include ${endpoint} ("${said}"); set FMP_PLAN to your real plan or upgrade`,
      options,
    );
  }
  if (/Legacy Endpoint/i.test(text)) {
    return new FmpLegacyEndpointError(
      `${head} — FMP refuses legacy v3/v4 paths for this key ("${said}"); point FMP_BASE_URL at https://financialmodelingprep.com/stable`,
      options,
    );
  }
  if (/Account suspended/i.test(text)) {
    return new FmpSuspendedError(
      `${head} — the FMP account is suspended ("${said}"); every further request is stopped; check the FMP dashboard`,
      options,
    );
  }
  if (/Invalid API KEY/i.test(text)) {
    return new FmpAuthError(`${head} — FMP rejected the API key ("${said}"); check FMP_API_KEY`, options);
  }
  if (/Bandwidth Limit/i.test(text)) {
    return new FmpBandwidthError(
      `${head} — the 30-day bandwidth cap is exhausted ("${said}"); every further request is stopped until the window drains or an add-on is bought`,
      options,
    );
  }
  if (/Limit Reach/i.test(text) || status === 429) {
    const window = plan === 'free' ? 'day' : 'minute';
    return new FmpRateLimitError(
      window,
      null,
      `${head} — call limit reached (${window === 'day' ? 'free plan: 250 calls per day' : `plan ${plan}, per minute`}) ("${said}")${window === 'day' ? '; try again tomorrow or upgrade' : ''}`,
      options,
    );
  }
  if (status === 401) {
    return new FmpAuthError(`${head} — unauthorised ("${said}"); check FMP_API_KEY`, options);
  }
  if (status === 402) {
    return new FmpPlanError(
      'endpoint',
      `${head} — payment required ("${said}"); your plan (${plan}) does not include ${endpoint}`,
      options,
    );
  }
  if (status === 403) {
    return new FmpAuthError(`${head} — forbidden ("${said}"); check FMP_API_KEY and the plan`, options);
  }
  if (status >= 300 && status < 400) {
    return new FmpServerError(
      status,
      `${head} — redirect refused (the API key must never follow a redirect); check FMP_BASE_URL`,
      options,
    );
  }
  if (ok) {
    return new FmpServerError(status, `${head} — FMP answered with an error object ("${said}")`, options);
  }
  const advice = status >= 500 ? 'FMP-side failure; retried with backoff' : 'unexpected status';
  return new FmpServerError(status, `${head} — ${advice} ("${said}")`, options);
}
