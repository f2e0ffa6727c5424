import { Inputs, Outputs } from '../constants.js';
import { InputError } from '../errors.js';
import { ObsClient, obsEndpointForRegion } from '../obs/index.js';
import type { InstallAppParams } from '../operations/install-app.js';
import type { PrepareContext } from '../operations/operation.js';
import { maskUrlQuery, redactUrl } from '../redact.js';
import { inspectApk } from './inspect.js';
import { locateApk } from './locate.js';

/** OBS keys allow only these characters on the CPH side; anything else in a version becomes '_'. */
const keySafe = (text: string): string => text.replace(/[^A-Za-z0-9._\-+=]/g, '_');

/** install_package_url limit on the KooPhone install page. */
const MAX_INSTALL_URL = 2000;

export function defaultObjectKey(packageName: string, version: string | undefined, file: string): string {
  return ['cloud-phone-deploy', keySafe(packageName), keySafe(version ?? 'unversioned'), keySafe(file)].join(
    '/',
  );
}

/**
 * Turns `apk-path` into what the install request needs: package, version, size and MD5 read from
 * the file (explicit inputs win, a different package is an error), then, unless `apk-url` was
 * given for KooPhone, an upload to OBS and a pre-signed download URL. Nothing reaches the fleet
 * here, and a dry run stops before uploading.
 */
export async function prepareApk(params: InstallAppParams, context: PrepareContext): Promise<void> {
  if (!params.apkPath) return;
  const apk = await inspectApk(await locateApk(params.apkPath));
  if (params.packageName && params.packageName !== apk.packageName) {
    throw new InputError(
      Inputs.PackageName,
      `does not match the package of ${apk.fileName} ('${apk.packageName}'): remove the input or fix it`,
      params.packageName,
    );
  }
  params.packageName = apk.packageName;
  params.appVersion ??= apk.versionName;
  params.sizeMb ??= String(apk.sizeMb);
  params.md5 ??= apk.md5;
  params.fileName ??= apk.fileName;
  params.versionCode ??= apk.versionCode;
  context.info(
    `APK ${apk.fileName}: ${apk.packageName} ${apk.versionName ?? '(no versionName)'}, ${apk.sizeBytes} bytes, md5 ${apk.md5}`,
  );
  const onInstances = params.fleet.type === 'instance';
  if (onInstances && !params.appVersion) {
    throw new InputError(
      Inputs.AppVersion,
      `is required: ${apk.fileName} has no literal versionName in its manifest`,
      '',
    );
  }
  if (onInstances && params.apkUrl) return;

  const bucket = params.obs.bucket as string; // readParams requires it whenever we upload
  const key = (params.obs.object ??= defaultObjectKey(apk.packageName, params.appVersion, apk.fileName));
  const settings = context.settings;
  const endpoint = params.obs.endpoint ?? obsEndpointForRegion(settings.region as string);
  context.outputs.set(Outputs.ObsObject, key);
  if (context.dryRun) {
    context.info(`dry-run: would upload ${apk.fileName} to obs://${bucket}/${key} at ${endpoint}`);
    if (onInstances) params.apkUrl = `${endpoint}/${bucket}/${key}?(pre-signed at run time)`;
    return;
  }
  if (settings.credentials.kind !== 'aksk')
    throw new Error('unreachable: readParams requires AK/SK for uploads');
  const obs = new ObsClient({
    endpoint,
    accessKey: settings.credentials.accessKey,
    secretKey: settings.credentials.secretKey,
    securityToken: settings.credentials.securityToken,
    requestTimeoutMs: Math.max(settings.requestTimeoutMs, 120_000),
    // A few parts at a time already fill a runner's uplink; more only adds memory and retries.
    concurrency: Math.min(settings.maxConcurrency, 4),
    signal: context.signal,
    debug: context.debug,
  });
  const started = Date.now();
  const upload = await obs.upload(bucket, key, apk.path, { contentMd5: apk.md5 });
  context.info(
    `Uploaded ${apk.fileName} to obs://${bucket}/${key} (${upload.multipart ? `${upload.parts} parts` : 'one request'}, ${Date.now() - started} ms)`,
  );
  if (!onInstances) return;
  const url = obs.presignGetUrl(bucket, key, Math.ceil(params.obs.urlExpiryMs / 1000));
  maskUrlQuery(url, context.mask);
  if (url.length > MAX_INSTALL_URL) {
    // Temporary credentials put their security token in the URL, which then no longer fits.
    throw new InputError(
      Inputs.SecurityToken,
      `makes the pre-signed URL ${url.length} characters long, over KooPhone's limit of ${MAX_INSTALL_URL}: upload with permanent keys, or pass apk-url`,
    );
  }
  params.apkUrl = url;
  context.outputs.set(Outputs.ApkUrl, url);
  context.info(`Pre-signed download URL: ${redactUrl(url)}`);
}
