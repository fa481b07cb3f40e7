const REDACTED = '***';

// Any `apikey=` query parameter, whatever its value, in case a URL was built with the query form.
const APIKEY_PARAM = /(apikey=)[^&\s"'#]+/gi;

/**
 * Replaces every occurrence of each secret (and its URL-encoded form) in `text` with `***`, and the
 * value of any `apikey=` query parameter. The one redaction used for log lines, error messages and
 * raw metadata. Empty secrets are ignored.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined | null)[]): string {
  let out = text;
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret containing another is replaced whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    out = out.split(form).join(REDACTED);
  }
  return out.replace(APIKEY_PARAM, `$1${REDACTED}`);
}
