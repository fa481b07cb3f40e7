import { createAjv, toSchemaIssues, type SchemaIssue, type ValidateFunction } from './ajv.js';
import { UnknownEndpointError } from './errors.js';
import {
  fmpEodBulkSchema,
  fmpEodFullRowSchema,
  fmpEodFullSchema,
  fmpEodLightSchema,
} from './schemas/fmp-eod.schema.js';
import {
  fmpDividendsSchema,
  fmpEodDividendAdjustedSchema,
  fmpMarketCapSchema,
  fmpNasdaqConstituentSchema,
  fmpHolidaysSchema,
  fmpProfileSchema,
  fmpQuoteSchema,
  fmpSplitsSchema,
} from './schemas/fmp-reference.schema.js';

/** JSON schema of each FMP endpoint the client uses, keyed by the stable path. */
export const fmpPayloadSchemas = {
  'historical-price-eod/full': fmpEodFullSchema,
  'historical-price-eod/light': fmpEodLightSchema,
  'historical-price-eod/dividend-adjusted': fmpEodDividendAdjustedSchema,
  'historical-market-capitalization': fmpMarketCapSchema,
  'batch-quote': fmpQuoteSchema,
  'nasdaq-constituent': fmpNasdaqConstituentSchema,
  'eod-bulk': fmpEodBulkSchema,
  profile: fmpProfileSchema,
  quote: fmpQuoteSchema,
  splits: fmpSplitsSchema,
  dividends: fmpDividendsSchema,
  'holidays-by-exchange': fmpHolidaysSchema,
} as const;

/** A stable FMP path with a schema in {@link fmpPayloadSchemas}. */
export type FmpEndpoint = keyof typeof fmpPayloadSchemas;

/** Result of {@link validateFmpPayload}. */
export type PayloadValidation = { ok: true } | { ok: false; issues: SchemaIssue[] };

const compiled = new Map<string, ValidateFunction>();
let ajv: ReturnType<typeof createAjv> | undefined;

function compile(key: string, schema: object): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) {
    ajv ??= createAjv();
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * Validates one parsed FMP response body against its endpoint's schema. For EOD history only the
 * envelope is checked (an array of objects); rows are judged one by one by `validateBars`, so one bad
 * row is quarantined instead of rejecting the payload.
 * @throws UnknownEndpointError for an endpoint without a schema.
 */
export function validateFmpPayload(endpoint: string, body: unknown): PayloadValidation {
  const schema = (fmpPayloadSchemas as Record<string, object>)[endpoint];
  if (!schema) throw new UnknownEndpointError(endpoint, Object.keys(fmpPayloadSchemas));
  const fn = compile(endpoint, schema);
  if (fn(body)) return { ok: true };
  return { ok: false, issues: toSchemaIssues(fn.errors, body) };
}

/** Checks one `historical-price-eod/full` row; returns its issues (`[]` when valid). */
export function checkEodRowSchema(row: unknown): SchemaIssue[] {
  const fn = compile('eod-row', fmpEodFullRowSchema);
  return fn(row) ? [] : toSchemaIssues(fn.errors, row);
}
