import * as runner from '@actions/core';
import type { AnnotationProperties } from '@actions/core';

/**
 * The only way text reaches the log. Everything we print may carry text from outside (APK contents,
 * service answers, files, inputs), so every line goes through one gate that:
 *  - replaces each line break the runner or a log viewer honours (CR, LF, VT, FF, NEL U+0085, U+2028,
 *    U+2029) and every other control or bidi-override character by a visible escape, so no text can start
 *    a line and thus a runner command (`::cmd::`, `::stop-commands::`, `##[cmd]`);
 *  - breaks a command marker at the start of the line (the runner ignores leading whitespace);
 *  - replaces every registered secret by *** (the runner masks them too, but only in the log it shows,
 *    not in outputs, files or the summary, which use `redactSecrets` below).
 * Below it, @actions/core speaks the runner protocol (command escaping, GITHUB_OUTPUT, the summary file).
 */

/** Line breaks (including Unicode ones), C0/C1 controls but tab, and bidi overrides (Trojan Source). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/** One line of plain text: every unsafe character shown as an escape such as \n or \u2028. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A command marker at the start of a line (after the whitespace the runner trims) loses its meaning. */
function defuse(line: string): string {
  return /^\s*(::|##\[)/.test(line) ? `\u00b7${line}` : line;
}

const secrets = new Set<string>();
let secretPattern: RegExp | undefined;
/** Every run of PIECE characters of every secret, for `hideSecrets`; the shorter secrets are `secretPattern`. */
let secretPieces: Set<string> | undefined;
let secretWithSpace = false;

/** Registers a value that must never be shown: masked by the runner and redacted by us everywhere. */
export function registerSecret(value: string): void {
  // Short values would redact ordinary words: the runner itself ignores masks of one or two characters.
  if (value.length < 3 || secrets.has(value)) return;
  secrets.add(value);
  secretPattern = undefined;
  secretPieces = undefined;
  // A multi-line secret is masked line by line, as the runner does for each line it prints.
  runner.setSecret(value);
  for (const part of value.split(/\r?\n/)) if (part !== value && part.length >= 3) registerSecret(part);
}

/** Test hook: forget the secrets registered so far. */
export function forgetSecrets(): void {
  secrets.clear();
  secretPattern = undefined;
  secretPieces = undefined;
}

/** JSON's short escapes (RFC 8259 section 7), besides \uXXXX which any character may take. */
const JSON_SHORT: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** A numeric character reference or one of XML's five named ones (XML 1.0 sections 4.1 and 4.6). */
const CHARACTER_REFERENCE = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/;
const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const isHex = (text: string, from: number, count: number): boolean =>
  from + count <= text.length && /^[0-9a-fA-F]+$/.test(text.slice(from, from + count));

/** Bytes a UTF-8 sequence takes, from its first byte; 0 for a byte that cannot start one. */
const utf8Length = (byte: number): number =>
  byte < 0x80
    ? 1
    : byte >= 0xc2 && byte < 0xe0
      ? 2
      : byte >= 0xe0 && byte < 0xf0
        ? 3
        : byte >= 0xf0 && byte < 0xf5
          ? 4
          : 0;

/**
 * The text as a service's encoder may have written a secret into it, decoded: percent-escapes
 * (RFC 3986 section 2.1, hex in either case, UTF-8 sequences), JSON escapes (`\uXXXX`, `\/`, `\"`...)
 * and the character references of an HTML or XML error page (`&#x2F;`, `&#43;`, `&amp;`), in any
 * mixture; with `plus`, `+` is a space as in a form-encoded body (HTML's application/x-www-form-urlencoded).
 * `from[i]` is where decoded character i starts in the text (`from` ends with the text's length), so
 * that what is found in the decoded text is removed from the text itself.
 */
function decodeEscapes(text: string, plus = false): { text: string; from: number[] } {
  let out = '';
  const from: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '%' && isHex(text, i + 1, 2)) {
      const first = parseInt(text.slice(i + 1, i + 3), 16);
      const length = utf8Length(first);
      const bytes = [first];
      for (let k = 1; k < length && text[i + 3 * k] === '%' && isHex(text, i + 3 * k + 1, 2); k++)
        bytes.push(parseInt(text.slice(i + 3 * k + 1, i + 3 * k + 3), 16));
      if (length > 0 && bytes.length === length) {
        const char = Buffer.from(bytes).toString('utf8');
        if (!char.includes('\ufffd')) {
          for (const unit of char.split('')) {
            out += unit;
            from.push(i);
          }
          i += 3 * length;
          continue;
        }
      }
    } else if (c === '\\' && text[i + 1] === 'u' && isHex(text, i + 2, 4)) {
      out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      from.push(i);
      i += 6;
      continue;
    } else if (c === '&' && CHARACTER_REFERENCE.test(text.slice(i, i + 12))) {
      const ref = CHARACTER_REFERENCE.exec(text.slice(i, i + 12)) as RegExpExecArray;
      const code = ref[1] ? parseInt(ref[1], 16) : ref[2] ? parseInt(ref[2], 10) : undefined;
      const char =
        code === undefined
          ? (NAMED_REFERENCES[ref[3] as string] as string)
          : String.fromCodePoint(Math.min(code, 0x10ffff));
      for (const unit of char.split('')) {
        out += unit;
        from.push(i);
      }
      i += ref[0].length;
      continue;
    } else if (plus && c === '+') {
      out += ' ';
      from.push(i);
      i++;
      continue;
    } else if (c === '\\' && JSON_SHORT[text[i + 1] ?? ''] !== undefined) {
      out += JSON_SHORT[text[i + 1] as string];
      from.push(i);
      i += 2;
      continue;
    }
    out += c;
    from.push(i);
    i++;
  }
  from.push(text.length);
  return { text: out, from };
}

/** The shortest piece of a secret that is hidden even when the secret is not shown whole. */
const PIECE = 12;

/**
 * Replaces every registered secret, and every run of text holding a piece of PIECE characters of one
 * (what a service echoes of a secret it cut itself, say the first 64 characters of a token), by ***:
 * as written, percent-encoded or JSON-escaped, in any mixture. A secret of PIECE characters or more is
 * covered by its pieces; a shorter one is matched whole.
 */
function hideSecrets(text: string): string {
  if (!secretPieces) {
    secretPieces = new Set();
    const short: string[] = [];
    secretWithSpace = [...secrets].some((secret) => secret.includes(' '));
    for (const secret of secrets) {
      if (secret.length < PIECE) short.push(secret);
      for (let i = 0; i + PIECE <= secret.length; i++) secretPieces.add(secret.slice(i, i + PIECE));
    }
    secretPattern = short.length
      ? new RegExp(
          short
            .sort((a, b) => b.length - a.length)
            .map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('|'),
          'g',
        )
      : undefined;
  }
  // In original offsets: what the text shows as written, and what it shows once decoded (a secret
  // that holds `%41` or `\n` itself is found as written).
  const ranges = secretRanges(text);
  const views = [];
  if (/[%\\&]/.test(text)) views.push(decodeEscapes(text));
  // `+` stands for a space only in a form: worth a view only when some secret holds a space.
  if (secretWithSpace && text.includes('+')) views.push(decodeEscapes(text, true));
  for (const view of views) {
    for (const [a, b] of secretRanges(view.text))
      ranges.push([view.from[a] as number, view.from[b] as number]);
  }
  if (ranges.length === 0) return text;
  ranges.sort((x, y) => x[0] - y[0]);
  let out = '';
  let end = -1;
  for (const [start, stop] of ranges) {
    if (start > end) out += `${text.slice(Math.max(end, 0), start)}***`;
    end = Math.max(end, stop);
  }
  return out + text.slice(end);
}

/** Where pieces of secrets, and whole short secrets, are in `text`: [start, end) pairs. */
function secretRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const pieces = secretPieces as Set<string>;
  for (let i = 0; i + PIECE <= text.length; i++) {
    if (pieces.has(text.slice(i, i + PIECE))) ranges.push([i, i + PIECE]);
  }
  if (secretPattern) {
    for (const m of text.matchAll(secretPattern)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/** Query strings of URLs carry signatures and tokens: `?a=1&b=2` becomes `?a=***&b=***`. */
const SIGNED_QUERY = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*\?)([^\s#"'<>]*)/gi;

/**
 * Removes every registered secret and every URL query value from text we are about to show anywhere
 * (log, outputs, results file, summary, annotations). Done before any truncation, so a cut can never
 * leave part of a secret behind.
 */
export function redactSecrets(text: string): string {
  let out = text.replace(SIGNED_QUERY, (_, head: string, query: string) => {
    const names = query.split('&').map((pair) => pair.split('=')[0]);
    return `${head}${names.map((n) => `${n}=***`).join('&')}`;
  });
  // A query parameter whose URL was broken up (a space, a quote) still carries a signature or a token.
  out = out.replace(/([?&][A-Za-z0-9_.-]+=)(?!\*\*\*)[^&\s#"'<>]+/g, '$1***');
  // user:password@ in any URL.
  out = out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi, '$1***@');
  return secrets.size === 0 ? out : hideSecrets(out);
}

/** Cut after redaction, so a cut never leaves part of a secret; never inside a surrogate pair. */
export function cap(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 3).join('')}...` : text;
}

/** Untrusted text as one safe log line. */
function safeLine(text: string): string {
  return defuse(oneLine(redactSecrets(text)));
}

/** Several lines we chose to print together (dry-run requests); each one is made safe on its own. */
function safeLines(text: string): string {
  return text.split('\n').map(safeLine).join('\n');
}

function safeProperties(p: AnnotationProperties): AnnotationProperties {
  return p.title === undefined ? p : { ...p, title: safeLine(p.title) };
}

/**
 * The group whose marker waits for its first shown line: a phase that printed nothing (or only debug
 * lines the runner hides) leaves no empty fold in the log.
 */
let pendingGroup: string | undefined;
let groupOpen = false;

/** Before a line the reader sees: opens the group it belongs to. */
function shown(): void {
  if (pendingGroup === undefined) return;
  runner.startGroup(pendingGroup);
  pendingGroup = undefined;
  groupOpen = true;
}

export const log = {
  info: (message: string): void => {
    shown();
    runner.info(safeLine(message));
  },
  /** For text we lay out over several lines ourselves: each line is still made safe. */
  block: (message: string): void => {
    shown();
    runner.info(safeLines(message));
  },
  /** Shown only with step debugging on (RUNNER_DEBUG=1); otherwise it opens no group. */
  debug: (message: string): void => {
    if (runner.isDebug()) shown();
    runner.debug(safeLine(message));
  },
  warning: (message: string, properties: AnnotationProperties = {}): void => {
    shown();
    runner.warning(safeLine(message), safeProperties(properties));
  },
  error: (message: string, properties: AnnotationProperties = {}): void => {
    shown();
    runner.error(safeLine(message), safeProperties(properties));
  },
  notice: (message: string, properties: AnnotationProperties = {}): void => {
    shown();
    runner.notice(safeLine(message), safeProperties(properties));
  },
  /**
   * A phase of the run, folded in the log (inputs, upload, submit, wait, report). The fold opens with
   * its first shown line; the runner's folds do not nest, so a group inside one is part of it.
   */
  group: async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    if (pendingGroup !== undefined || groupOpen) return work();
    pendingGroup = safeLine(name);
    try {
      return await work();
    } finally {
      pendingGroup = undefined;
      if (groupOpen) runner.endGroup();
      groupOpen = false;
    }
  },
  /**
   * Appends Markdown to the job summary (to the log when there is none). Callers build it from our own
   * text and markdownText/markdownCode of anything from outside.
   */
  summary: async (markdown: string): Promise<void> => {
    if (process.env.GITHUB_STEP_SUMMARY) await runner.summary.addRaw(markdown, true).write();
    else log.block(markdown);
  },
  /** Logs one ::error:: line and makes the step fail. */
  fail: (message: string): void => {
    shown();
    runner.setFailed(safeLine(message));
  },
};

/** Every line break a renderer might honour, Unicode ones included; CRLF counts once. */
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g;
/**
 * What CommonMark/GFM gives a meaning to inside a line, escaped with a backslash (`<`, `>`, `&`, `"` become
 * entities). Line-start syntax (`#`, `-`, `1.`, `>`, `|---|`) needs no escape: the text never starts a line.
 * Escaping `[` and `]` rules out links and images (`![..](..)`), `$` rules out GitHub's math. An `_` between two
 * letters or digits cannot open or close emphasis, so `INSTALL_FAILED` stays as it is.
 */
const MARKDOWN_PUNCTUATION = /[\\`*[\]|~$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' } as Record<string, string>;

/**
 * Untrusted text as one line of job-summary Markdown that renders as exactly that text: no heading,
 * table row, list, image, link, autolink, raw HTML or code span can be formed, and line breaks become
 * `<br>` so the text never starts a Markdown line of its own. It may itself start a line (a quote, a
 * cell), so whatever would open a block there (indent, `#`, `-`, `+`, `=`, `1.`) is escaped. Secrets
 * are redacted first.
 */
export function markdownText(text: string): string {
  return redactSecrets(text)
    .split(LINE_BREAK)
    .map((line) =>
      oneLine(
        line
          .replace(/[&<>"]/g, (c) => HTML[c] as string)
          .replace(MARKDOWN_PUNCTUATION, '\\$&')
          // GFM autolinks bare URLs, www. names and e-mail addresses even in escaped text: break the pattern.
          .replace(/:\/\//g, ':\u200b//')
          .replace(/(www)\./gi, '$1\u200b.')
          .replace(/@/g, '\u200b@'),
      ),
    )
    .join('<br>')
    .replace(/^[ \t]+/, (space) => space.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Untrusted text shown as code (ids, error codes): an HTML <code> element around the escaped text, so no
 * backtick in it can close the span early and no `|` can split a table cell.
 */
export function markdownCode(text: string): string {
  return `<code>${markdownText(text)}</code>`;
}
