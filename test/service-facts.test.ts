import { describe, expect, it } from 'vitest';
import { errorFields } from '../src/http/error-mapping.js';
import { isSafeToResubmit, isTransient } from '../src/api/transport.js';
import { ApiError } from '../src/http/errors.js';
import { InputError } from '../src/inputs/errors.js';
import { readSettings } from '../src/operations/settings.js';

function read(inputs: Record<string, string>) {
  return readSettings((name) => inputs[name] ?? '', {});
}

const upload = {
  operation: 'install-app',
  'access-key': 'ak',
  'secret-key': 'sk',
  'project-id': 'p1',
  'apk-path': 'app.apk',
  'obs-bucket': 'apps-bucket',
  instances: 'i-1',
};

describe('regions', () => {
  it.each(['eu-west-101', 'cn-north-4', 'ap-southeast-1', 'la-north-2'])('accepts %s', (region) => {
    expect(read({ ...upload, region, 'obs-endpoint': 'https://obs.example.com' }).region).toBe(region);
  });

  it('asks for obs-endpoint in a region whose OBS is not under myhuaweicloud.com, naming an example', () => {
    expect(() => read({ ...upload, region: 'eu-west-101' })).toThrow(InputError);
    expect(() => read({ ...upload, region: 'eu-west-101' })).toThrow(
      /Input 'obs-endpoint' is required to upload apk-path in region eu-west-101.*https:\/\/obs\.eu-west-101\.myhuaweicloud\.eu/,
    );
  });

  it('needs no obs-endpoint in a myhuaweicloud.com region', () => {
    expect(() => read({ ...upload, region: 'cn-north-4' })).not.toThrow();
  });
});

describe('error bodies', () => {
  it('reads the nested {"error": {"code", "message"}} form like error_code/error_msg', () => {
    expect(errorFields({ error: { code: 'APIG.0308', message: 'throttled' } })).toEqual({
      code: 'APIG.0308',
      message: 'throttled',
      requestId: undefined,
    });
    expect(errorFields({ error_code: 'CPS.0005', error_msg: 'not found', request_id: 'r1' })).toEqual({
      code: 'CPS.0005',
      message: 'not found',
      requestId: 'r1',
    });
  });

  it('reads an error code sent as a number, rather than losing it (the answer then reads as unparseable)', () => {
    expect(errorFields({ error_code: 10001, error_msg: 'instance not found' })).toMatchObject({
      code: '10001',
      message: 'instance not found',
    });
    expect(errorFields({ error: { code: 401, message: 'denied' } }).code).toBe('401');
    expect(errorFields({ error_code: 1.5, error_msg: 'x' }).code).toBeUndefined();
  });

  it.each(['APIGW.0308', 'APIG.0308'])('%s is throttling: transient, and safe to resubmit', (code) => {
    const error = new ApiError({ action: 'x', status: 400, code });
    expect(isTransient(error)).toBe(true);
    expect(isSafeToResubmit(error)).toBe(true);
  });
});

describe('which errors stop the run', () => {
  const auth = (status: number, code?: string) => new ApiError({ action: 'x', status, code }).isAuthFailure;

  it('KOOPHONE.API.1001 (HTTP 401) concerns the instances of one call, not the credentials', () => {
    expect(auth(401, 'KOOPHONE.API.1001')).toBe(false);
    expect(auth(400, 'KOOPHONE.API.1002')).toBe(false);
  });

  it.each([
    [401, 'APIGW.0301'],
    [401, 'APIG.0301'],
    [403, 'APIGW.0306'],
    [401, 'KOOPHONE.API.0001'],
    [401, undefined],
  ])('HTTP %s %s is a credential failure', (status, code) => {
    expect(auth(status, code)).toBe(true);
  });

  it('throttling is not', () => {
    expect(auth(429, 'APIGW.0308')).toBe(false);
  });

  it('hints at wrong instance ids for 1001 and at regions for 1002', () => {
    expect(new ApiError({ action: 'x', status: 401, code: 'KOOPHONE.API.1001' }).hint).toContain(
      'instance ids',
    );
    // "No permission": a 401 that may also be a missing KooPhone action, so it links the permissions page.
    expect(new ApiError({ action: 'x', status: 401, code: 'KOOPHONE.API.1001' }).hint).toContain(
      'permissions.md',
    );
    expect(new ApiError({ action: 'x', status: 400, code: 'KOOPHONE.API.1002' }).hint).toContain('regions');
  });
});
