/** Shared JSON-Schema fragments for FMP payloads (stable API, see docs fmp-api.md). */

/** A ticker as FMP writes it: class shares with a dash (`BRK-B`), indexes with `^`. */
export const symbolSchema = {
  type: 'string',
  pattern: '^[\\^A-Za-z0-9][A-Za-z0-9.\\-^]{0,19}$',
} as const;

/** A calendar date `YYYY-MM-DD` (exchange-local, no time zone). */
export const dateSchema = { type: 'string', format: 'date' } as const;

/** A date that FMP may also send as `""` (dividend record/payment/declaration dates). */
export const optionalDateSchema = {
  anyOf: [{ type: 'string', format: 'date' }, { type: 'string', maxLength: 0 }, { type: 'null' }],
} as const;

/** A JSON number. */
export const numberSchema = { type: 'number' } as const;

/** A JSON number or null (`marketCap`, `beta` on indexes and funds). */
export const nullableNumberSchema = { type: ['number', 'null'] } as const;

/** Wraps a row schema as the stable API's bare-array payload. */
export function arrayOf<T extends object>(title: string, items: T) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title,
    type: 'array',
    items,
  } as const;
}
