// Crockford base32, as the ULID spec uses: sortable by time, 26 characters.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Creates a ULID run id from an injected time and random source: 48 bits of milliseconds then 80
 * random bits, so run ids sort by start time.
 */
export function createRunId(now: Date, randomBytes: (n: number) => Uint8Array): string {
  let ms = now.getTime();
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = alphabet[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let rand = '';
  for (let i = 0; i < 16; i++) {
    rand = alphabet[Number(bits & 31n)] + rand;
    bits >>= 5n;
  }
  return time + rand;
}

/** Milliseconds since the epoch encoded in a ULID. */
export function runIdTime(runId: string): Date {
  let ms = 0;
  for (const ch of runId.slice(0, 10)) ms = ms * 32 + alphabet.indexOf(ch);
  return new Date(ms);
}
