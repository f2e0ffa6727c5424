/**
 * Query parameters of a pre-signed OBS URL are credentials (AccessKeyId, Signature, the security
 * token...). Anything we print or report shows the URL with every query value replaced.
 */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    if (!url.search) return text;
    const names = [...url.searchParams.keys()];
    return `${url.origin}${url.pathname}?${names.map((n) => `${encodeURIComponent(n)}=***`).join('&')}`;
  } catch {
    return text.replace(/\?.*$/, '?***');
  }
}

/** Masks the value of every secret-looking field in an object about to be shown (dry-run, debug). */
export function redactBody(value: unknown): unknown {
  if (typeof value === 'string') return /^https?:\/\/.*\?/.test(value) ? redactUrl(value) : value;
  if (Array.isArray(value)) return value.map(redactBody);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactBody(v)]));
  }
  return value;
}

/** Registers the query values of a pre-signed URL as secrets, so the runner masks them wherever they appear. */
export function maskUrlQuery(text: string, mask: (secret: string) => void): void {
  try {
    for (const value of new URL(text).searchParams.values()) {
      if (value.length >= 6) {
        mask(value);
        // The runner masks the literal text: cover the encoded form as it appears in the URL too.
        if (encodeURIComponent(value) !== value) mask(encodeURIComponent(value));
      }
    }
  } catch {
    // Not a URL: validation reports it.
  }
}
