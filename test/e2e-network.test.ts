// What every request of the bundle carries on the wire, and the proxy path, end to end:
// - the user agent names the release (`cloud-phone-deploy/<version of package.json>`) on API and OBS requests;
// - with HTTPS_PROXY set, API calls (both families) and the OBS upload go through a real HTTP CONNECT
//   proxy (the `proxy` package on loopback), not around it.
//
// Two rules keep a proxied run off loopback: @actions/http-client never proxies a loopback name
// (localhost, 127.*, [::1]) whatever NO_PROXY says, and the action takes plain http:// only for
// loopback. So the services are given as https://obs.cloud.invalid:<port> (`.invalid` never resolves,
// RFC 6761, so a direct connection cannot reach it), and the chain is
//   bundle --CONNECT [bucket.]obs.cloud.invalid:port--> proxy (leaves from 127.0.0.2; maps the name to
//   127.0.0.1, as its resolver would) --> TLS front (a throw-away certificate for the name and its
//   subdomains, trusted by the bundle through NODE_EXTRA_CA_CERTS; leaves from 127.0.0.3) --> emulator.
// A host name, as real endpoints are, also makes the OBS client address buckets virtual-hosted
// (`release-bucket.obs.cloud.invalid`), which the emulator routes as the real OBS does.
// Each hop records where its connections came from, so every request is proven to have taken it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { createProxy } from 'proxy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiRequests, connection, useEmulator } from './support/fixture.js';
import { DEMO_APK } from './support/paths.js';
import { runAction } from './support/run-action.js';

const emulator = useEmulator();
const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as {
  version: string;
};
const USER_AGENT = `cloud-phone-deploy/${version}`;
const FAR_HOST = 'obs.cloud.invalid';
const PROXY_SOURCE = '127.0.0.2';
const FRONT_SOURCE = '127.0.0.3';

const dir = mkdtempSync(join(tmpdir(), 'cpd-proxy-'));
const keyFile = join(dir, 'key.pem');
const certFile = join(dir, 'cert.pem');
// prettier-ignore
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
  '-days', '1', '-subj', `/CN=${FAR_HOST}`, '-addext', `subjectAltName=DNS:${FAR_HOST},DNS:*.${FAR_HOST}`,
  '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });

/** Ends TLS and passes the bytes on to the emulator. */
const front = createTlsServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (clear) => {
  frontPeers.push(clear.remoteAddress ?? '');
  const upstream = connect({ host: '127.0.0.1', port: emulatorPort(), localAddress: FRONT_SOURCE });
  clear.pipe(upstream).pipe(clear);
  clear.on('error', () => upstream.destroy());
  upstream.on('error', () => clear.destroy());
});
const proxy = createProxy(createServer());
/** host:port of every CONNECT the proxy received, as the client asked for it. */
const tunnels: string[] = [];
/** Where each connection to the TLS front came from. */
const frontPeers: string[] = [];
const emulatorPort = () => Number(new URL(emulator().url).port);
const frontPort = () => (front.address() as AddressInfo).port;
let proxyUrl = '';

beforeAll(async () => {
  proxy.localAddress = PROXY_SOURCE;
  // Runs before the proxy's own handler, which reads req.url to open the tunnel.
  proxy.prependListener('connect', (req) => {
    tunnels.push(req.url ?? '');
    const far = new RegExp(`^([a-z0-9-]+\\.)?${FAR_HOST.replace(/\./g, '\\.')}:${frontPort()}$`);
    if (far.test(req.url ?? '')) req.url = `127.0.0.1:${frontPort()}`;
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  await new Promise<void>((done) => front.listen(0, '127.0.0.1', done));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((done) => proxy.close(done));
  await new Promise((done) => front.close(done));
});
beforeEach(() => {
  tunnels.length = 0;
  frontPeers.length = 0;
});

/** install-app of a local APK on CPH phones: CPH submit and ListJobs, and the OBS upload. */
function cphRelease(endpoint: string) {
  return {
    operation: 'install-app',
    ...connection(emulator(), 'aksk'),
    endpoint,
    'obs-endpoint': endpoint,
    'obs-bucket': 'release-bucket',
    'apk-path': DEMO_APK,
    phones: 'ph-1 ph-2',
  };
}

const farEndpoint = () => `https://${FAR_HOST}:${frontPort()}`;
const proxyEnv = () => ({ HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: certFile });

describe('user agent', () => {
  it('names the release on every API and OBS request', async () => {
    const run = await runAction(cphRelease(emulator().url));
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('succeeded');
    const seen = emulator().requests;
    expect(seen.filter((r) => r.family === 'obs').length).toBeGreaterThan(0);
    expect(apiRequests(emulator(), 'GET', '/jobs').length).toBeGreaterThan(0);
    expect(new Set(seen.map((r) => r.headers['user-agent']))).toEqual(new Set([USER_AGENT]));
  });
});

/** Every request the emulator saw took the chain bundle -> proxy -> TLS front -> emulator. */
function expectAllProxied() {
  const seen = emulator().requests;
  const far = `${FAR_HOST}:${frontPort()}`;
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.map((r) => r.remoteAddress)).toEqual(seen.map(() => FRONT_SOURCE));
  // API calls name the endpoint; OBS calls name the bucket in front of it (virtual-hosted).
  expect(seen.filter((r) => r.family !== 'obs').map((r) => r.headers.host)).toEqual(
    seen.filter((r) => r.family !== 'obs').map(() => far),
  );
  expect(seen.filter((r) => r.family === 'obs').map((r) => r.headers.host)).toEqual(
    seen.filter((r) => r.family === 'obs').map(() => `release-bucket.${far}`),
  );
  expect(new Set(seen.map((r) => r.headers['user-agent']))).toEqual(new Set([USER_AGENT]));
  expect(tunnels.length).toBeGreaterThan(0);
  expect(tunnels.every((t) => t === far || t === `release-bucket.${far}`)).toBe(true);
  // Each connection to the front was one of the proxy's tunnels.
  expect(frontPeers).toEqual(tunnels.map(() => PROXY_SOURCE));
}

describe('HTTP CONNECT proxy', () => {
  it('carries the CPH calls and the OBS upload', async () => {
    const run = await runAction(cphRelease(farEndpoint()), { env: proxyEnv() });
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('succeeded');
    expect(
      emulator()
        .requests.filter((r) => r.family === 'obs')
        .map((r) => r.method),
    ).toContain('PUT');
    expect(apiRequests(emulator(), 'POST', '/phones/commands')).toHaveLength(1);
    expect(apiRequests(emulator(), 'GET', '/jobs').length).toBeGreaterThan(0);
    expectAllProxied();
  });

  it('carries the KooPhone calls', async () => {
    const run = await runAction(
      {
        operation: 'run-command',
        ...connection(emulator()),
        endpoint: farEndpoint(),
        instances: 'inst-1,inst-2',
        command: 'getprop ro.product.model',
      },
      { env: proxyEnv() },
    );
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('succeeded');
    expect(apiRequests(emulator(), 'POST', '/async-command')).toHaveLength(1);
    expect(apiRequests(emulator(), 'GET', '/tasks/').length).toBeGreaterThan(0);
    expectAllProxied();
  });

  it('is bypassed for the loopback emulator itself (http-client never proxies loopback)', async () => {
    const run = await runAction(cphRelease(emulator().url), { env: proxyEnv() });
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('succeeded');
    expect(tunnels).toEqual([]);
    expect(frontPeers).toEqual([]);
    expect(new Set(emulator().requests.map((r) => r.remoteAddress))).toEqual(new Set(['127.0.0.1']));
  });
});
