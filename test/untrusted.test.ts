import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../src/api/jobs.js';
import { resultRecord } from '../src/report/outputs.js';
import { summaryMarkdown } from '../src/report/summary.js';
import {
  forgetSecrets,
  log,
  markdownCode,
  markdownText,
  oneLine,
  redactSecrets,
  registerSecret,
} from '../src/log/untrusted.js';
import { MARKDOWN_VECTORS, RUNNER_VECTORS } from './support/vectors.js';

// eslint-disable-next-line no-control-regex
const LINE_BREAK = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/;

function render(markdown: string): string {
  return micromark(markdown, {
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
    allowDangerousHtml: true,
  });
}

const decode = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function captureStdout(fn: () => void): string {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c) => {
    chunks.push(String(c));
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

afterEach(() => forgetSecrets());

describe('log: untrusted text never starts a runner command', () => {
  it.each(RUNNER_VECTORS.map((v) => [JSON.stringify(v), v]))('%s', (_, vector) => {
    const out = captureStdout(() => {
      log.info(vector);
      log.info(`prefix ${vector}`);
      log.block(`first line\n${vector}`);
      log.debug(vector);
      log.warning(vector, { title: vector });
      log.error(`x ${vector}`);
    });
    // Lines as the runner splits them, and as a viewer might (Unicode separators).
    const lines = out.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).filter((l) => l !== '');
    const commands = lines.filter((l) => /^\s*(::|##\[)/.test(l)).map((l) => /^::(\w+)/.exec(l)?.[1]);
    expect(commands).toEqual(['debug', 'warning', 'error']);
    for (const line of lines.filter((l) => l.startsWith('::'))) {
      // The runner unescapes command data; what it gets back must still be one line.
      const data = line.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
      expect(data).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
    }
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u202e]/);
  });

  it('masks registered secrets, in the log and in everything we redact', () => {
    const out = captureStdout(() => {
      registerSecret('tok-SECRET-1234');
      log.error('service said: bad token tok-SECRET-1234');
    });
    expect(out).toContain('::add-mask::tok-SECRET-1234');
    expect(out.replace(/^::add-mask::.*$/m, '')).not.toContain('tok-SECRET-1234');
    expect(redactSecrets('x tok-SECRET-1234 y')).toBe('x *** y');
  });
});

describe('redactSecrets', () => {
  it.each([
    [
      'https://b.obs.example/a.apk?AccessKeyId=AK1&Signature=s1g%2B&x-obs-security-token=tok',
      'Signature=s1g',
    ],
    ['obs://b/a.tar?token=abcdef', 'abcdef'],
    ['https://user:hunter22@example.com/x', 'hunter22'],
    ['ftp://admin:pa55@h/x?Expires=1', 'pa55'],
  ])('removes query values and user-info from %s', (url, secret) => {
    const out = redactSecrets(`failed to fetch ${url} (403)`);
    expect(out).not.toContain(secret);
    expect(out).toContain('(403)');
  });

  it('redacts before truncating: a cut never leaves part of a secret', () => {
    captureStdout(() => registerSecret('S3CRET-abcdefghijklmnop'));
    for (const pad of [16_370, 16_375, 16_380, 16_384]) {
      const job: Job = {
        target: 'i-1',
        targetType: 'instance',
        status: 'failed',
        errorMessage: `${'x'.repeat(pad)}S3CRET-abcdefghijklmnop tail`,
        output: `https://h/p?Signature=${'s'.repeat(40_000)}`,
      };
      const record = resultRecord(job);
      expect(record.error_message).not.toMatch(/S3C|abcdefghij/);
      expect(record.output).not.toContain('sss');
    }
  });

  const SECRET = 'Ab/Cd+Ef=Gh "quoted" \\ é𝄞 tail-0123456789';
  const escapeAll = (text: string) =>
    Array.from(
      { length: text.length },
      (_, i) => `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`,
    ).join('');
  it.each([
    ['as itself', SECRET],
    ['percent-encoded, upper-case hex', encodeURIComponent(SECRET)],
    [
      'percent-encoded, lower-case hex',
      encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    ],
    ['percent-encoded, every byte', [...Buffer.from(SECRET)].map((b) => `%${b.toString(16)}`).join('')],
    ['JSON-escaped', JSON.stringify(SECRET).slice(1, -1)],
    ['JSON-escaped with \\/', JSON.stringify(SECRET).slice(1, -1).replace(/\//g, '\\/')],
    ['JSON-escaped as \\uXXXX, upper-case hex', escapeAll(SECRET).toUpperCase().replace(/\\U/g, '\\u')],
    ['JSON-escaped as \\uXXXX, lower-case hex', escapeAll(SECRET)],
    ['form-encoded (+ for a space)', new URLSearchParams({ v: SECRET }).toString().slice(2)],
    [
      'in an HTML page (hex and decimal references)',
      SECRET.replace(/\//g, '&#x2F;').replace(/\+/g, '&#43;').replace(/"/g, '&quot;'),
    ],
    ['in an XML body (named references)', SECRET.replace(/"/g, '&quot;').replace(/\\/g, '&#92;')],
  ])('removes a registered secret %s', (_, form) => {
    captureStdout(() => registerSecret(SECRET));
    expect(redactSecrets(`before ${form} after`)).toBe('before *** after');
  });

  it('removes a token whose every few characters are HTML references, as an error page echoes it', () => {
    const token = 'QWERTYuiopA/SDFG+Hjkl/ZXCV+BNM1/234567890'.repeat(30);
    captureStdout(() => registerSecret(token));
    const page = `<html><body><p>token ${token.replace(/\//g, '&#x2f;').replace(/\+/g, '&#43;')}</p></body></html>`;
    expect(redactSecrets(page)).toBe('<html><body><p>token ***</p></body></html>');
  });

  it('removes a secret that holds escapes itself, as written', () => {
    captureStdout(() => {
      registerSecret('pw%41x');
      registerSecret('p\\nw-long-secret%2Fvalue');
    });
    expect(redactSecrets('a pw%41x b p\\nw-long-secret%2Fvalue c')).toBe('a *** b *** c');
  });

  it('removes every piece of 12 characters of a secret, as a service that cut it may echo', () => {
    const secret = 'Q7fK2pLw9XzR4mN8vB1cT6yH3jD5sG0a';
    captureStdout(() => registerSecret(secret));
    expect(redactSecrets(`token ${secret.slice(0, 12)}... refused`)).toBe('token ***... refused');
    expect(redactSecrets(`…${secret.slice(5, 25)}…`)).toBe('…***…');
    // Encoded pieces too: percent-escapes in lower case, \\uXXXX escapes.
    const hex = [...secret.slice(3, 17)].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    expect(redactSecrets(`a ${hex} b`)).toBe('a *** b');
    const json = [...secret.slice(10, 24)].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(redactSecrets(`a ${json.join('')} b`)).toBe('a *** b');
    expect(redactSecrets(`${secret.slice(0, 11)} is not a piece`)).toBe(
      `${secret.slice(0, 11)} is not a piece`,
    );
  });
});

describe('markdownText: renders as exactly the text, with no structure of its own', () => {
  it.each(MARKDOWN_VECTORS.concat(RUNNER_VECTORS).map((v) => [JSON.stringify(v), v]))('%s', (_, vector) => {
    const html = render(
      `| A | B |\n|---|---|\n| ${markdownText(vector)} | end |\n\n> ${markdownText(vector)}\n`,
    );
    // Exactly our table (one row, two cells) and our quote: nothing added, no link, image or raw HTML.
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html).not.toMatch(/<(a|img|script|h\d|strong|em|del|code|details|ul|ol|pre|hr|!--)[\s>]/);
    const cell = /<td>([\s\S]*?)<\/td>/.exec(html)?.[1] ?? '';
    const quote = /<blockquote>\n<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    // Query values of URLs are redacted everywhere.
    const expected = redactSecrets(vector).split(LINE_BREAK).map(oneLine).join('\n');
    expect(decode(quote.replace(/<br>/g, '\n')).replace(/\u200b/g, '')).toBe(expected);
    expect(decode(cell.replace(/<br>/g, '\n')).replace(/\u200b/g, '')).toBe(expected);
  });
});

describe('markdownCode: one code element, whatever the backticks and pipes', () => {
  it.each(MARKDOWN_VECTORS.concat(RUNNER_VECTORS).map((v) => [JSON.stringify(v), v]))('%s', (_, vector) => {
    const html = render(`| A | B |\n|---|---|\n| ${markdownCode(vector)} | end |\n`);
    expect(html.match(/<td>/g)).toHaveLength(2);
    const cell = /<td>([\s\S]*?)<\/td>/.exec(html)?.[1] ?? '';
    const code = /^<code>([\s\S]*)<\/code>$/.exec(cell)?.[1];
    expect(code).toBeDefined();
    expect(code).not.toMatch(/<(?!br>)/);
    const expected = redactSecrets(vector).split(LINE_BREAK).map(oneLine).join('\n');
    expect(decode((code ?? '').replace(/<br>/g, '\n')).replace(/\u200b/g, '')).toBe(expected);
  });
});

describe('job summary built from hostile service text', () => {
  it('keeps one row per job and no forged structure', () => {
    const vectors = [...MARKDOWN_VECTORS, ...RUNNER_VECTORS];
    const jobs: Job[] = vectors.map((v, i) => ({
      target: `i-${i}${v}`,
      targetType: 'instance',
      jobId: v,
      status: i % 2 ? 'failed' : 'succeeded',
      errorCode: v,
      errorMessage: v,
      output: v,
    }));
    const markdown = summaryMarkdown({
      operation: 'run-command',
      status: 'partial',
      jobs,
      batchIds: vectors,
      batchIdsOutput: 'task-ids',
      elapsedMs: 1000,
      notes: vectors,
    });
    const html = render(markdown);
    expect(html.match(/<h\d>/g)).toHaveLength(2); // ours: the headline and 'Not succeeded'
    expect(html.match(/<tr>/g)).toHaveLength(vectors.length + 2);
    expect(html.match(/<blockquote>/g)).toHaveLength(vectors.length);
    expect(html.match(/<strong>/g)).toHaveLength(3); // ours: the counts
    expect(html).not.toMatch(/<(a|img|script|em|del|pre|hr|ul|ol|h1)[\s>]/);
  });
});

describe('summary top and unstarted waves: outside text stays text', () => {
  it('a hostile build and hostile target ids form no Markdown of their own', () => {
    const vectors = MARKDOWN_VECTORS.slice(0, 12);
    const notStarted = vectors.map((v, i) => `${v}${i}`);
    const markdown = summaryMarkdown({
      operation: 'install-app',
      status: 'halted',
      jobs: notStarted.map((target): Job => ({
        target,
        targetType: 'phone',
        status: 'skipped',
        errorMessage: 'not started',
      })),
      batchIds: [],
      batchIdsOutput: 'request-ids',
      elapsedMs: 1000,
      notes: [],
      build: {
        packageName: vectors[0],
        versionName: vectors[1],
        versionCode: 7,
        md5: vectors[2],
        source: `obs://${vectors[3]}/${vectors[4]}`,
      },
      // Without the plan (a report made elsewhere), the unstarted targets fold into one line.
      waves: {
        rows: [{ wave: 1, targets: 1, succeeded: 0, failed: 1, skipped: 0, running: 0, elapsedMs: 5 }],
        halted: true,
        completed: 1,
        notStarted,
      },
    });
    expect(markdown).toContain(`### Not started (${notStarted.length})`);
    expect(markdown).toContain(`- Wave 2 and later: ${notStarted.length} target(s): `);
    const html = render(markdown);
    // Ours: the headline, Waves and Not started; one list item; no table row for a folded target.
    expect(html.match(/<h\d>/g)).toHaveLength(3);
    expect(html.match(/<li>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(a|img|script|em|del|pre|hr|ol|h1)[\s>]/);
    expect(html.match(/<strong>/g)).toHaveLength(5); // ours: 'Build:' and four counts
  });

  it('the plan splits them into one line per wave, the last waves of it', () => {
    const notStarted = ['p-4', 'p-5', 'p-6', 'p-7'];
    const markdown = summaryMarkdown({
      operation: 'install-app',
      status: 'cancelled',
      jobs: notStarted.map((target): Job => ({
        target,
        targetType: 'instance',
        status: 'skipped',
        errorMessage: 'not started',
      })),
      batchIds: [],
      batchIdsOutput: 'task-ids',
      elapsedMs: 1000,
      notes: [],
      waves: { rows: [], halted: false, completed: 2, notStarted, planned: [1, 2, 1, 3] },
    });
    expect(markdown).toContain(
      [
        '- Wave 3: 1 target(s): <code>p-4</code>',
        '- Wave 4: 3 target(s): <code>p-5</code>, <code>p-6</code>, <code>p-7</code>',
        '',
        "Every one is in the pending-targets output: resume them with `instances: ${{ steps.<id>.outputs.pending-targets }}` in place of this step's target inputs.",
      ].join('\n'),
    );
  });
});

describe('one gate: nothing but src/log/untrusted.ts prints', () => {
  it('no other module writes to stdout or calls the runner printing functions', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../src');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const offenders = files
      .filter((f) => f !== join('log', 'untrusted.ts'))
      .filter((f) =>
        /process\.(stdout|stderr)\.write|\bconsole\.(log|error|warn|info|debug)\(|\b(core|runner)\.(info|debug|warning|error|setFailed|setSecret|notice)\(/.test(
          readFileSync(join(root, f), 'utf8'),
        ),
      );
    expect(files.length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});

describe('log.group: a fold opens with its first shown line', () => {
  async function captured(work: () => Promise<void>): Promise<string> {
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c) => {
      chunks.push(String(c));
      return true;
    });
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return chunks.join('');
  }

  it('prints no markers for a phase that printed nothing, or only hidden debug lines', async () => {
    vi.stubEnv('RUNNER_DEBUG', '');
    const out = await captured(async () => {
      await log.group('Quiet', async () => {});
      await log.group('Debug only', async () => log.debug('hidden unless step debugging is on'));
    });
    vi.unstubAllEnvs();
    expect(out).not.toContain('::group::');
    expect(out).not.toContain('::endgroup::');
    expect(out).toContain('::debug::hidden unless step debugging is on');
  });

  it('folds what a phase printed, debug lines too when step debugging is on', async () => {
    vi.stubEnv('RUNNER_DEBUG', '1');
    const out = await captured(async () => {
      await log.group('Debug', async () => log.debug('shown'));
      await log.group('Upload', async () => {
        log.debug('first');
        log.info('Uploaded');
      });
      // Folds do not nest on the runner: an inner group is part of the outer one.
      await log.group('Outer', async () => {
        await log.group('Inner', async () => log.info('inside'));
        log.info('after');
      });
    });
    vi.unstubAllEnvs();
    expect(out.split('\n').filter(Boolean)).toEqual([
      '::group::Debug',
      '::debug::shown',
      '::endgroup::',
      '::group::Upload',
      '::debug::first',
      'Uploaded',
      '::endgroup::',
      '::group::Outer',
      'inside',
      'after',
      '::endgroup::',
    ]);
  });

  it('closes the fold when the phase throws', async () => {
    const out = await captured(async () => {
      await expect(
        log.group('Fails', async () => {
          log.info('started');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      log.info('outside');
    });
    expect(out.split('\n').filter(Boolean)).toEqual(['::group::Fails', 'started', '::endgroup::', 'outside']);
  });
});
