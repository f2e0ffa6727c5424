import { describe, expect, it } from 'vitest';
import { defaultSessionName } from '../src/inputs/keyless.js';
import { InputError } from '../src/inputs/errors.js';
import { readSettings } from '../src/operations/settings.js';

const AGENCY = 'iam::0123456789abcdef0123456789abcdef:agency:cloud-phone-deploy';
const PROVIDER = 'iam::0123456789abcdef0123456789abcdef:identity-provider:github-actions';
const base = {
  operation: 'run-command',
  phones: 'p1',
  command: 'ls',
  'project-id': '0123456789abcdef0123456789abcdef',
  region: 'cn-north-4',
  'agency-urn': AGENCY,
  'identity-provider-urn': PROVIDER,
};
const env = { GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_RUN_ID: '4242' };

const read = (inputs: Record<string, string>, e: Record<string, string> = env) =>
  readSettings((name) => inputs[name] ?? '', e);

function errorOf(inputs: Record<string, string>, e: Record<string, string> = env): string {
  try {
    read(inputs, e);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('keyless inputs', () => {
  it('chooses keyless with agency-urn, with defaults from the region and the run', () => {
    const { credentials } = read(base);
    expect(credentials).toEqual({
      kind: 'keyless',
      keyless: {
        agencyUrn: AGENCY,
        providerUrn: PROVIDER,
        audience: undefined,
        durationSeconds: 3600,
        sessionName: 'octo-org-octo-repo-4242',
        stsEndpoint: 'https://sts.cn-north-4.myhuaweicloud.com',
        exportCredentials: false,
        ignoredEnv: [],
      },
    });
  });

  it('reads every keyless input', () => {
    const { credentials } = read({
      ...base,
      'oidc-audience': 'huaweicloud',
      'session-duration': '2h30m',
      'session-name': 'release@v1.2',
      'sts-endpoint': 'https://sts.ap-southeast-1.myhuaweicloud.com/',
      'export-credentials': 'TRUE',
    });
    expect(credentials).toMatchObject({
      keyless: {
        audience: 'huaweicloud',
        durationSeconds: 9000,
        sessionName: 'release@v1.2',
        stsEndpoint: 'https://sts.ap-southeast-1.myhuaweicloud.com',
        exportCredentials: true,
      },
    });
  });

  it('lists the key variables of the environment it ignores', () => {
    const { credentials } = read(base, {
      ...env,
      HUAWEI_CLOUD_ACCESS_KEY_ID: 'AK',
      HUAWEI_CLOUD_SECURITY_TOKEN: 't',
    });
    expect(credentials.kind === 'keyless' && credentials.keyless.ignoredEnv).toEqual([
      'HUAWEI_CLOUD_ACCESS_KEY_ID',
      'HUAWEI_CLOUD_SECURITY_TOKEN',
    ]);
  });

  it.each([
    [{ 'identity-provider-urn': '' }, "Input 'identity-provider-urn' is required with agency-urn"],
    [{ 'agency-urn': '' }, "Input 'agency-urn' is required with identity-provider-urn"],
    [{ 'agency-urn': PROVIDER }, "Input 'agency-urn' must be the URN of an IAM agency"],
    [
      { 'identity-provider-urn': AGENCY },
      "Input 'identity-provider-urn' must be the URN of an IAM identity provider",
    ],
    [{ 'session-duration': '10m' }, "Input 'session-duration' must be a duration from 15m to 12h"],
    [{ 'session-duration': '13h' }, "Input 'session-duration' must be a duration from 15m to 12h"],
    [{ 'session-name': 'a b' }, "Input 'session-name' must be 2 to 128 letters"],
    [{ 'session-name': 'x'.repeat(129) }, "Input 'session-name' must be 2 to 128 letters"],
    [{ 'oidc-audience': 'a,b' }, "Input 'oidc-audience' must be one audience"],
    [{ region: '' }, "Input 'region' is required for keyless authentication unless sts-endpoint is given"],
    [
      { 'auth-token': 'tok' },
      "Input 'auth-token' cannot be combined with agency-urn (keyless authentication): remove auth-token",
    ],
    [{ 'secret-key': 'sk' }, "Input 'secret-key' cannot be combined with agency-urn"],
    [{ 'security-token': 'st' }, "Input 'security-token' cannot be combined with agency-urn"],
  ])('refuses %j', (change, message) => {
    expect(errorOf({ ...base, ...change })).toContain(message);
  });

  it("defaults STS to the region's host only where Huawei's SDKs list one (StsRegion)", () => {
    const stsOf = (region: string, extra: Record<string, string> = {}) => {
      const { credentials } = read({ ...base, region, ...extra });
      return credentials.kind === 'keyless' ? credentials.keyless.stsEndpoint : undefined;
    };
    expect(stsOf('ap-southeast-3')).toBe('https://sts.ap-southeast-3.myhuaweicloud.com');
    expect(stsOf('cn-south-4')).toBe('https://sts.cn-south-4.myhuaweicloud.com');
    for (const region of ['cn-east-2', 'cn-east-4', 'af-north-1', 'la-north-2', 'ru-northwest-2'])
      expect(errorOf({ ...base, region })).toContain(
        `Input 'sts-endpoint' is required in region ${region}: Huawei's SDKs list no STS endpoint there`,
      );
    expect(errorOf({ ...base, region: 'cn-east-2' })).toContain(
      'e.g. https://sts.cn-east-3.myhuaweicloud.com',
    );
    // An explicit endpoint always works.
    expect(stsOf('cn-east-2', { 'sts-endpoint': 'https://sts.cn-east-3.myhuaweicloud.com' })).toBe(
      'https://sts.cn-east-3.myhuaweicloud.com',
    );
  });

  it('accepts an identity provider URN of a shape no page fixes, refusing only what is certainly wrong', () => {
    const { credentials } = read({
      ...base,
      'identity-provider-urn': 'iam::acct_01.x:identity-provider:gh/actions',
    });
    expect(credentials).toMatchObject({
      keyless: { providerUrn: 'iam::acct_01.x:identity-provider:gh/actions' },
    });
    expect(errorOf({ ...base, 'identity-provider-urn': 'iam::a :identity-provider:x' })).toContain(
      "Input 'identity-provider-urn' must be the URN of an IAM identity provider",
    );
  });

  it('refuses keyless-only inputs without agency-urn', () => {
    const keys = {
      operation: 'run-command',
      phones: 'p1',
      command: 'ls',
      'project-id': 'p',
      region: 'cn-north-4',
      'access-key': 'AK',
      'secret-key': 'SK',
    };
    expect(errorOf({ ...keys, 'export-credentials': 'true' })).toContain(
      "Input 'export-credentials' exports the temporary keys of keyless authentication",
    );
    expect(errorOf({ ...keys, 'oidc-audience': 'x' })).toContain(
      "Input 'oidc-audience' is for keyless authentication",
    );
    expect(read(keys).credentials.kind).toBe('aksk');
  });

  it('builds a session name within the API rules from any repository and run id', () => {
    expect(defaultSessionName({})).toBe('cloud-phone-deploy');
    expect(defaultSessionName({ GITHUB_REPOSITORY: 'Org.Name/répo' })).toBe('Org.Name-r-po');
    const long = defaultSessionName({
      GITHUB_REPOSITORY: `o/${'r'.repeat(200)}`,
      GITHUB_RUN_ID: '123456789',
    });
    expect(long).toHaveLength(128);
    expect(long.endsWith('-123456789')).toBe(true);
    expect(long).toMatch(/^[\w+=,.@-]{2,128}$/);
  });
});
