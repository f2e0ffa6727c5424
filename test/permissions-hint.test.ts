// Permission-related errors point to docs/permissions.md of the action that is running.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, hintFor, permissionsPage } from '../src/http/errors.js';
import { ObsError } from '../src/obs/errors.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('permission hints link to docs/permissions.md', () => {
  it('names the page in the repository and at the ref the workflow runs', () => {
    vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
    vi.stubEnv('GITHUB_ACTION_REPOSITORY', 'acme/cloud-phone-deploy');
    vi.stubEnv('GITHUB_ACTION_REF', 'v1');
    const page = 'https://github.com/acme/cloud-phone-deploy/blob/v1/docs/permissions.md';
    expect(permissionsPage()).toBe(page);
    for (const [code, status] of [
      ['CPS.0001', 403],
      ['APIGW.0301', 401],
      ['KOOPHONE.API.0001', 401],
      [undefined, 403],
      [undefined, 401],
    ] as const) {
      expect(hintFor(code, status), `${code} ${status}`).toMatch(
        new RegExp(` What each operation needs: ${page}$`),
      );
    }
    const denied = new ObsError({ action: 'OBS upload', status: 403, code: 'AccessDenied' });
    expect(denied.hint).toMatch(
      /^OBS refused access: .* What each operation needs: https:\/\/github\.com\/acme\//,
    );
    expect(new ObsError({ action: 'OBS HEAD', status: 403 }).hint).toContain(page);
    expect(new ApiError({ action: 'CPH ListJobs', status: 403, code: 'CPS.0001' }).message).toContain(page);
  });

  it('links an OBS refusal of the key or signature, keeping its own hint; not a skewed clock', () => {
    for (const code of ['InvalidAccessKeyId', 'SignatureDoesNotMatch']) {
      const hint = new ObsError({ action: 'OBS upload', status: 403, code }).hint ?? '';
      expect(hint).toContain('permissions.md');
      expect(hint).not.toContain('OBS refused access');
    }
    expect(
      new ObsError({ action: 'OBS upload', status: 403, code: 'RequestTimeTooSkewed' }).hint,
    ).not.toContain('permissions.md');
  });

  it('leaves other hints alone', () => {
    expect(hintFor('CPS.0005', 400)).not.toContain('permissions.md');
    expect(hintFor(undefined, 429)).not.toContain('permissions.md');
    expect(new ObsError({ action: 'OBS upload', status: 404, code: 'NoSuchBucket' }).hint).not.toContain(
      'permissions.md',
    );
  });

  it('falls back to naming the file for a local action, or values that are not a repository and ref', () => {
    vi.stubEnv('GITHUB_ACTION_REPOSITORY', '');
    vi.stubEnv('GITHUB_ACTION_REF', '');
    expect(permissionsPage()).toBe("docs/permissions.md in the action's repository");
    vi.stubEnv('GITHUB_ACTION_REPOSITORY', 'acme/x\n::error::forged');
    vi.stubEnv('GITHUB_ACTION_REF', 'v1');
    expect(permissionsPage()).toBe("docs/permissions.md in the action's repository");
    vi.stubEnv('GITHUB_ACTION_REPOSITORY', 'acme/x');
    vi.stubEnv('GITHUB_SERVER_URL', 'javascript:alert(1)');
    expect(permissionsPage()).toBe("docs/permissions.md in the action's repository");
    expect(existsSync(resolve(import.meta.dirname, '../docs/permissions.md'))).toBe(true);
  });
});
