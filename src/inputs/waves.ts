/** A wave size or a failure threshold: a count, or a percentage of a whole (rounded up). */
export type Amount = { count: number } | { percent: number };

const AMOUNT = /^(\d+(?:\.\d+)?)(%?)$/;

export function parseAmount(text: string): Amount | undefined {
  const m = AMOUNT.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2] === '%') return n > 0 && n <= 100 ? { percent: n } : undefined;
  return Number.isInteger(n) ? { count: n } : undefined;
}

/** `1, 10%, 50%`: sizes separated by commas; each at least one target. Returns an error text when invalid. */
export function parseWaves(text: string): Amount[] | string {
  const parts = text.split(',').map((p) => p.trim());
  const sizes: Amount[] = [];
  for (const part of parts) {
    const amount = parseAmount(part);
    if (!amount || ('count' in amount && amount.count < 1)) {
      return `must list wave sizes separated by commas, each a whole number of targets (at least 1) or a percentage up to 100%, such as '1, 10%, 100%' (got '${part}')`;
    }
    sizes.push(amount);
  }
  return sizes;
}
