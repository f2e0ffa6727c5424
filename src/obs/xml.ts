/**
 * The little XML OBS needs: read one element's text from a small, flat answer, and escape text.
 * OBS answers (errors, InitiateMultipartUploadResult, CompleteMultipartUploadResult) are flat
 * enough that a full parser is not worth a dependency in the bundle.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (!e.startsWith('#')) return ENTITIES[e] ?? whole;
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text of the first `<tag>...</tag>`, unescaped and trimmed; undefined when absent or empty. */
export function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!m) return undefined;
  const text = xmlUnescape(m[1] ?? '').trim();
  return text === '' ? undefined : text;
}
