// Field checks shared by both families. They throw ParamError naming the field; each family turns
// it into its own error body and code. Types are checked strictly (a number where the page says
// String is an error), as a Java backend deserialising into typed beans with validation would.

export class ParamError extends Error {
  constructor(
    readonly field: string,
    message: string,
    /** A specific error code; the family's generic bad-parameter code when absent. */
    readonly code?: string,
  ) {
    super(message);
  }
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export function requireObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ParamError('body', `request body must be a JSON object, got ${typeName(body)}`);
  }
  return body as Record<string, unknown>;
}

/** JSON null counts as absent, as for a bean property left unset. */
export function isAbsent(obj: Record<string, unknown>, field: string): boolean {
  return obj[field] === undefined || obj[field] === null;
}

export interface StringRule {
  /** Minimum length in characters; default 1 (required strings may not be empty). */
  min?: number;
  max?: number;
  maxBytes?: number;
  code?: string;
}

export function stringField(obj: Record<string, unknown>, field: string, rule: StringRule = {}): string {
  const v = obj[field];
  if (v === undefined || v === null) throw new ParamError(field, `${field} is required`, rule.code);
  if (typeof v !== 'string')
    throw new ParamError(field, `${field} must be a string, got ${typeName(v)}`, rule.code);
  const min = rule.min ?? 1;
  if (v.length < min) {
    throw new ParamError(
      field,
      min === 1 ? `${field} must not be empty` : `${field} must be at least ${min} characters`,
      rule.code,
    );
  }
  if (rule.max !== undefined && v.length > rule.max) {
    throw new ParamError(
      field,
      `${field} must be at most ${rule.max} characters (got ${v.length})`,
      rule.code,
    );
  }
  if (rule.maxBytes !== undefined && byteLength(v) > rule.maxBytes) {
    throw new ParamError(
      field,
      `${field} must be at most ${rule.maxBytes} bytes (got ${byteLength(v)})`,
      rule.code,
    );
  }
  return v;
}

export interface ArrayRule {
  min?: number;
  max?: number;
  itemMax?: number;
  /** Code for a bad list (missing, wrong size). */
  code?: string;
  /** Code for a bad element. */
  itemCode?: string;
  /** Code for an empty list, where the service has a dedicated one. */
  emptyCode?: string;
}

/**
 * A list of ids. Duplicates are rejected: the docs are silent, and failing loudly is the safer
 * guess for a client that would otherwise send two jobs to one target in a single call.
 */
export function idList(obj: Record<string, unknown>, field: string, rule: ArrayRule = {}): string[] {
  const v = obj[field];
  if (v === undefined || v === null)
    throw new ParamError(field, `${field} is required`, rule.emptyCode ?? rule.code);
  if (!Array.isArray(v))
    throw new ParamError(field, `${field} must be an array of strings, got ${typeName(v)}`, rule.code);
  const min = rule.min ?? 1;
  if (v.length < min) {
    throw new ParamError(
      field,
      `${field} must contain at least ${min} item(s), got ${v.length}`,
      v.length === 0 ? (rule.emptyCode ?? rule.code) : rule.code,
    );
  }
  if (rule.max !== undefined && v.length > rule.max) {
    throw new ParamError(
      field,
      `${field} must contain at most ${rule.max} items, got ${v.length}`,
      rule.code,
    );
  }
  const seen = new Set<string>();
  v.forEach((item: unknown, i: number) => {
    if (typeof item !== 'string' || item.length === 0) {
      throw new ParamError(
        field,
        `${field}[${i}] must be a non-empty string, got ${typeName(item) === 'string' ? 'an empty string' : typeName(item)}`,
        rule.itemCode ?? rule.code,
      );
    }
    if (rule.itemMax !== undefined && item.length > rule.itemMax) {
      throw new ParamError(
        field,
        `${field}[${i}] must be at most ${rule.itemMax} characters (got ${item.length})`,
        rule.itemCode ?? rule.code,
      );
    }
    if (seen.has(item)) throw new ParamError(field, `${field} contains duplicate value "${item}"`, rule.code);
    seen.add(item);
  });
  return v as string[];
}

/** Cuts a string to at most n UTF-8 bytes without splitting a character. */
export function truncateBytes(s: string, n: number): string {
  if (byteLength(s) <= n) return s;
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    bytes += byteLength(ch);
    if (bytes > n) break;
    out += ch;
  }
  return out;
}
