/**
 * Where an OBS object lives: the endpoint as the user gave it, and the URL of an object in it.
 * Real endpoints address buckets virtual-hosted (`bucket.obs.region.myhuaweicloud.com`), as OBS
 * recommends; an IP address or localhost has no bucket subdomains, so it takes the path style.
 */
import { isIP } from 'node:net';
import { encodeKey } from './signature.js';

export interface Endpoint {
  protocol: string;
  host: string;
  pathStyle: boolean;
}

/** The public OBS endpoint of a region, e.g. https://obs.cn-north-4.myhuaweicloud.com. */
export function obsEndpointForRegion(region: string): string {
  return `https://obs.${region}.myhuaweicloud.com`;
}

export function parseEndpoint(endpoint: string): Endpoint {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`OBS endpoint "${endpoint}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError(`OBS endpoint "${endpoint}" must be an http(s) URL`);
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new RangeError(`OBS endpoint "${endpoint}" must be scheme://host[:port] only`);
  }
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  return { protocol: url.protocol, host: url.host, pathStyle: isIP(bare) !== 0 || bare === 'localhost' };
}

/** The URL of an object, with `rawQuery` (already encoded) appended. */
export function objectUrl(endpoint: Endpoint, bucket: string, key: string, rawQuery = ''): string {
  const { protocol, host, pathStyle } = endpoint;
  const origin = pathStyle ? `${protocol}//${host}/${bucket}` : `${protocol}//${bucket}.${host}`;
  return `${origin}/${encodeKey(key)}${rawQuery === '' ? '' : `?${rawQuery}`}`;
}
