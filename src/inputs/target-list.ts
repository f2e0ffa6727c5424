/**
 * Target ids as users write them: separated by commas, spaces or new lines, or a JSON array so that
 * another step's output (e.g. `failed-targets`, a `fromJSON` list) can be passed straight in.
 * Blanks are dropped and duplicates removed, keeping the first occurrence's order.
 * Returns a string describing the problem when the text looks like JSON but is not an array of strings.
 */
export function parseTargetList(text: string): string[] | { error: string } {
  // ASCII separators only: a no-break or ideographic space inside an id is an error, not a separator.
  const trimmed = asciiTrim(text);
  let items: string[];
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { error: 'looks like a JSON array but is not valid JSON' };
    }
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
      return { error: 'must be a JSON array of strings' };
    }
    items = parsed.map((item: string) => asciiTrim(item));
  } else {
    items = trimmed.split(/[ \t\r\n,]+/);
  }
  return [...new Set(items.filter((item) => item !== ''))];
}

function asciiTrim(text: string): string {
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
