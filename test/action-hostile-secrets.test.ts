// Services that echo a secret back: whole, encoded, or across the point where the action cuts the
// text. No piece of 12 characters of any secret may reach what a person or a later step reads: the
// log, the outputs, the summary, the results file, GITHUB_ENV (the in-process runner checks that
// one, past the keys export-credentials promises), in any of the forms a service may echo it in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  STS_DEFAULTS,
  STS_PATH,
  type Emulator,
  type Fault,
  type RecordedRequest,
} from '../emulator/index.js';
import { DEMO_APK } from './support/paths.js';
import { connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { leakedSecrets, results, type ActionRun } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A token as IAM issues them: base64 text, so with `+` and `/`, which encoders escape. */
function token(length: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += B64[(x >> 8) % 64];
  }
  return out;
}

const LONG = token(1200, 7);
const SHORT = token(40, 11);

// The gateway takes SHORT as the auth-token: a job can run and fail with the error code it reports.
const emulator = useEmulator({ timeScale: TIME_SCALE, token: SHORT });

/** The text as a reader who decodes percent-escapes or JSON escapes would read it. */
function decodedViews(text: string): string[] {
  const percent = text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  const json = text
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\\//g, '/');
  return [text, percent, json];
}

/** No piece of 12 characters of any secret shows, in any form, anywhere the run left text. */
function expectNoPieceShown(run: ActionRun, secrets: string[]): void {
  const file = run.outputs['results-file'] ? readFileSync(run.outputs['results-file'], 'utf8') : '';
  for (const view of decodedViews(file)) expect(leakedSecrets(run, secrets, view)).toEqual([]);
  for (const secret of secrets) {
    const visible = [
      run.stdout.replace(/^::add-mask::.*$/gm, ''),
      run.summary,
      JSON.stringify(run.outputs),
      file,
    ].join('\n');
    for (const view of decodedViews(visible)) {
      for (let i = 0; i + 12 <= secret.length; i++) {
        if (view.includes(secret.slice(i, i + 12)))
          throw new Error(`a piece of a secret shows: characters ${i} to ${i + 12} of ${secret.length}`);
      }
    }
  }
}

function command(e: Emulator, extra: Record<string, string> = {}) {
  return {
    operation: 'run-command',
    ...connection(e),
    command: 'getprop ro.product.model',
    instances: 'h-1',
    'request-timeout': '5s',
    ...extra,
  };
}

const json = (body: unknown) => ({ 'Content-Type': 'application/json', body: JSON.stringify(body) });
const text = (body: string) => ({ 'Content-Type': 'text/plain', body });

/** [case, the auth-token, the submit's answer]. */
const echoes: Array<[string, string, { 'Content-Type': string; body: string }, number]> = [
  [
    '1,200-character token whole in a JSON error_msg',
    LONG,
    json({ error_code: 'APIGW.0301', error_msg: `Incorrect token ${LONG}` }),
    401,
  ],
  ['1,200-character token whole in a text body', LONG, text(`Unauthorized: token ${LONG} refused`), 401],
  [
    '1,200-character token JSON-escaped (\\/) in a text body',
    LONG,
    text(`<html><script>var ctx = ${JSON.stringify({ token: LONG }).replace(/\//g, '\\/')}</script>`),
    502,
  ],
  [
    'token as \\uXXXX escapes in a text body',
    SHORT,
    text(`token="${[...SHORT].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`),
    502,
  ],
  [
    'token percent-encoded (upper-case hex) in a text body',
    LONG,
    text(`refused token ${encodeURIComponent(LONG)} for GET /auth`),
    502,
  ],
  [
    'token percent-encoded (lower-case hex) in a text body',
    LONG,
    text(`token ${encodeURIComponent(LONG).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())} refused`),
    502,
  ],
  [
    'token crossing the 500-character cut of error_msg',
    SHORT,
    json({ error_code: 'APIGW.0301', error_msg: `${'m'.repeat(480)}${SHORT}` }),
    401,
  ],
  [
    'token crossing the 500-character cut of error_code',
    SHORT,
    json({ error_code: `${'C'.repeat(480)}${SHORT}`, error_msg: 'refused' }),
    401,
  ],
  ['token crossing the 120-character cut of a text body', SHORT, text(`${'y'.repeat(100)}${SHORT}`), 502],
];

describe('a secret echoed by a service shows nowhere, not even in part', () => {
  it.each(echoes)('%s', async (_, secret, answer, status) => {
    const e = emulator();
    const { body, ...headers } = answer;
    e.addFault({ method: 'POST', status, headers, body });
    const run = await runActionInProcess(command(e, { 'auth-token': secret }));
    expect(run.outputs.status).toBe('failed');
    expect(results(run)).toHaveLength(1);
    expect(run.stdout).toContain('***');
    expect(run.stdout).not.toContain('This is a bug in the action');
    expectNoPieceShown(run, [secret]);
  });

  it('a secret key crossing the 500-character cut of error_msg', async () => {
    const e = emulator();
    const sk = e.options.secretKey;
    expect(sk.length).toBeGreaterThanOrEqual(24);
    e.addFault({
      method: 'POST',
      status: 401,
      body: JSON.stringify({ error_code: 'APIGW.0301', error_msg: `${'k'.repeat(500 - 20)}${sk}` }),
    });
    const inputs: Record<string, string> = { ...command(e), ...connection(e, 'aksk') };
    delete inputs['auth-token'];
    const run = await runActionInProcess(inputs);
    expect(run.outputs.status).toBe('failed');
    expectNoPieceShown(run, [sk]);
  });

  it('the token as the id of a task: the task-ids output, the log and the summary show no piece of it', async () => {
    const e = emulator();
    e.addFault({
      method: 'POST',
      times: 1,
      status: 200,
      body: JSON.stringify({
        error_code: '0',
        error_msg: 'ok',
        data: { task_id: `task-${SHORT}`, cmd_jobs: [{ instance_id: 'h-1', job_id: `job-${SHORT}` }] },
      }),
    });
    const run = await runActionInProcess(command(e, { wait: 'false', 'poll-interval': '' }), {
      secrets: [SHORT],
    });
    expect(JSON.parse(run.outputs['task-ids'] ?? '')).toEqual(['task-***']);
    expectNoPieceShown(run, [SHORT]);
  });

  it('a job error code crossing the 200-character cut of the summary', async () => {
    const e = emulator();
    e.setOutcome('h-1', { status: 'failed', errorCode: `${'E'.repeat(180)}${SHORT}`, errorMessage: 'x' });
    const run = await runActionInProcess(command(e));
    expect(run.outputs.status).toBe('failed');
    expect(results(run)[0]?.error_code).toMatch(/^E+\*\*\*$/);
    expectNoPieceShown(run, [SHORT]);
  });
});

describe('keyless secrets echoed by a service', () => {
  const keyless = (e: Emulator) => ({
    operation: 'run-command',
    endpoint: e.url,
    'project-id': e.options.projectId,
    'poll-interval': '1s',
    'sts-endpoint': e.url,
    'agency-urn': STS_DEFAULTS.agencyUrn,
    'identity-provider-urn': STS_DEFAULTS.providerUrn,
    command: 'ls',
    instances: 'h-1',
  });
  const jobEnv = (e: Emulator) => ({
    ...e.idTokenEnv(),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '4242',
  });

  it('the runtime token (ACTIONS_ID_TOKEN_REQUEST_TOKEN) echoed by the token service', async () => {
    const e = emulator();
    const requestToken = e.idTokenEnv().ACTIONS_ID_TOKEN_REQUEST_TOKEN as string;
    e.addFault({
      path: '/_oidc/token',
      status: 401,
      body: JSON.stringify({ message: `Bad credentials: ${requestToken}` }),
    });
    const run = await runActionInProcess(keyless(e), { env: jobEnv(e), secrets: [requestToken] });
    expect(run.outputs.status).toBe('failed');
    expect(run.errors.join('\n')).toContain("Could not get the workflow's OIDC token");
    expectNoPieceShown(run, [requestToken]);
  });

  /** The security token the request carried, echoed as the gateway answers it. */
  function echoingSecurityToken(e: Emulator, form: (token: string) => string): Fault {
    const fault: Fault = { method: 'POST', path: '/v1/instances/', status: 401 };
    Object.defineProperty(fault, 'body', {
      enumerable: true,
      get: () => form(e.requests.at(-1)?.headers['x-security-token'] ?? ''),
    });
    return fault;
  }

  it.each([
    ['whole, in a JSON error_msg', (t: string) => JSON.stringify({ error_code: 'APIGW.0301', error_msg: t })],
    [
      'percent-encoded, in a text body',
      (t: string) => `bad token ${encodeURIComponent(t).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`,
    ],
  ])('the 1,200-character security token of temporary keys, %s', async (_, form) => {
    const e = emulator();
    e.addFault(echoingSecurityToken(e, form));
    const run = await runActionInProcess(keyless(e), { env: jobEnv(e) });
    const sent = e.requests.find((r) => r.path.startsWith('/v1/instances/'))?.headers['x-security-token'];
    expect(sent).toHaveLength(1200);
    expect(run.outputs.status).toBe('failed');
    expectNoPieceShown(run, [sent as string]);
  });
});

describe('secrets echoed by OBS and STS, in XML and HTML bodies', () => {
  const entities = (t: string) => t.replace(/\//g, '&#x2F;').replace(/\+/g, '&#43;');
  const keyless = (e: Emulator, extra: Record<string, string>) => ({
    endpoint: e.url,
    'project-id': e.options.projectId,
    'poll-interval': '1s',
    'sts-endpoint': e.url,
    'agency-urn': STS_DEFAULTS.agencyUrn,
    'identity-provider-urn': STS_DEFAULTS.providerUrn,
    instances: 'h-1',
    ...extra,
  });
  const jobEnv = (e: Emulator) => ({ ...e.idTokenEnv(), GITHUB_REPOSITORY: 'octo-org/octo-repo' });

  /** A fault whose body is made, when it is answered, from the request it answers. */
  function echoing(fault: Fault, e: Emulator, form: (request: RecordedRequest) => string): Fault {
    Object.defineProperty(fault, 'body', { enumerable: true, get: () => form(e.requests.at(-1)!) });
    return fault;
  }

  it.each([
    ['whole', (t: string) => t],
    ['as XML character references', entities],
    ['form-encoded', (t: string) => new URLSearchParams({ t }).toString()],
  ])('OBS echoes the security token of temporary keys %s in its XML error', async (_, form) => {
    const e = emulator();
    e.addFault(
      echoing({ method: 'PUT', status: 403, headers: { 'Content-Type': 'application/xml' } }, e, (r) => {
        const echoed = form(r.headers['x-obs-security-token'] ?? '');
        return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access denied for ${echoed}</Message><RequestId>R1</RequestId><SecurityToken>${echoed}</SecurityToken></Error>`;
      }),
    );
    const run = await runActionInProcess(
      keyless(e, {
        operation: 'install-app',
        'obs-endpoint': e.url,
        'obs-bucket': 'release-bucket',
        'apk-path': DEMO_APK,
      }),
      { env: jobEnv(e) },
    );
    const sent = e.requests.find((r) => r.method === 'PUT')?.headers['x-obs-security-token'];
    expect(sent?.length).toBeGreaterThan(100);
    expect(run.outputs.status).toBe('failed');
    expect(run.errors.join('\n')).toContain('AccessDenied');
    expectNoPieceShown(run, [sent as string]);
  });

  it('STS echoes the ID token, with HTML character references, in an HTML error page', async () => {
    const e = emulator();
    e.addFault(
      echoing({ path: STS_PATH, status: 400, headers: { 'Content-Type': 'text/html' } }, e, (r) => {
        const idToken = (r.body as { id_token?: string }).id_token ?? '';
        // Every sixth character a reference, as an encoder that escapes more than it must writes it.
        const escaped = idToken.replace(
          /(.{5})(.)/g,
          (_, run: string, c: string) => `${run}&#${c.charCodeAt(0)};`,
        );
        return `<html><body><p>id_token ${escaped}</p></body></html>`;
      }),
    );
    const run = await runActionInProcess(keyless(e, { operation: 'run-command', command: 'ls' }), {
      env: jobEnv(e),
    });
    const idToken = (e.requests.find((r) => r.path === STS_PATH)?.body as { id_token: string }).id_token;
    expect(idToken.length).toBeGreaterThan(100);
    expect(run.outputs.status).toBe('failed');
    expectNoPieceShown(run, [idToken]);
  });
});

describe('dry run', () => {
  it('shows a URL user-info masked in the summary, as in the log', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      ...connection(e),
      operation: 'install-app',
      instances: 'h-1',
      'apk-url': 'https://deployer:Pa55-user-info-secret@downloads.example.com/app.apk',
      'package-name': 'com.example.app',
      'version-name': '1.0',
      'apk-size-mb': '3',
      'dry-run': 'true',
    });
    expect(run.outputs.status).toBe('dry-run');
    expect(run.summary).toContain('https://***@downloads.example.com/app.apk');
    expect(run.stdout).toContain('https://***@downloads.example.com/app.apk');
    expectNoPieceShown(run, ['Pa55-user-info-secret']);
  });
});
