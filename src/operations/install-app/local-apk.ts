import { signingKeys } from '../../auth/credentials.js';
import { Inputs, Outputs } from '../../inputs/names.js';
import { formatDuration } from '../../inputs/duration.js';
import { InputError } from '../../inputs/errors.js';
import { now } from '../../http/timing.js';
import { FileReadError, ObsClient, obsEndpointForRegion } from '../../obs/index.js';
import { fileName, version, type InstallAppParams } from './params.js';
import { androidPackage } from '../../inputs/rules.js';
import type * as z from '../../zod.js';
import type { PrepareContext } from '../operation.js';
import { contentSafe } from '../../inputs/rules.js';
import { maskUrlQuery, redactUrl } from '../../log/redact.js';
import { inspectApk } from '../../apk/inspect.js';
import { locateApk, requireInsideWorkspace } from '../../apk/locate.js';

/** Temporary keys may live as little as 15 minutes (STS duration_seconds >= 900). */
const SHORTEST_TOKEN_MS = 900_000;

/** install_package_url limit on the KooPhone install page. */
const MAX_INSTALL_URL = 2000;

export function defaultObjectKey(packageName: string, version: string | undefined, file: string): string {
  return [
    'cloud-phone-deploy',
    contentSafe(packageName),
    contentSafe(version ?? 'unversioned'),
    contentSafe(file),
  ].join('/');
}

/**
 * Turns `apk-path` into what the install request needs: package, version, size and MD5 read from the
 * file (explicit inputs win, a different package is an error) and the OBS key it goes to. Local work
 * only: every problem with the file is an input error raised before any request.
 */
export async function readApk(
  params: InstallAppParams,
  context: PrepareContext<typeof Outputs.ApkUrl | typeof Outputs.ObsObject>,
): Promise<InstallAppParams> {
  if (!params.apkPath) return params;
  const onInstances = params.fleet.type === 'instance';
  const uploads = !(onInstances && params.apkUrl) && !context.dryRun;
  const located = await locateApk(params.apkPath, undefined, (message) => context.info(message));
  await requireInsideWorkspace(located, params.apkPath);
  // When the file is uploaded, its MD5 comes from the pass that sends it: the file is read once.
  const apk = await inspectApk(located, { md5: !uploads });
  // What the APK says replaces inputs, so it obeys the same rules they do: checked before it is printed or sent.
  const fromApk = (what: string, input: string, rule: z.ZodMiniType<string>, value: string) => {
    const result = rule.safeParse(value);
    if (result.success) return;
    throw new InputError(
      Inputs.ApkPath,
      `names an APK whose ${what} breaks the rule for ${input}: it ${result.error.issues[0]?.message ?? 'is not valid'}`,
      value,
    );
  };
  fromApk('manifest package', Inputs.PackageName, androidPackage, apk.packageName);
  if (apk.versionName !== undefined && params.appVersion === undefined)
    fromApk('manifest versionName', Inputs.VersionName, version, apk.versionName);
  if (params.fileName === undefined) fromApk('file name', Inputs.ApkFileName, fileName, apk.fileName);
  if (params.packageName && params.packageName !== apk.packageName) {
    throw new InputError(
      Inputs.PackageName,
      `does not match the package of ${apk.fileName} ('${apk.packageName}'): remove the input or fix it`,
      params.packageName,
    );
  }
  const appVersion = params.appVersion ?? apk.versionName;
  context.info(
    `APK ${apk.fileName}: ${apk.packageName} ${apk.versionName ?? '(no versionName)'}${apk.versionCode !== undefined ? ` (versionCode ${apk.versionCode})` : ''}, ${apk.sizeBytes} bytes, signed ${apk.signatures.join(' ')}${apk.md5 ? `, md5 ${apk.md5}` : ''}`,
  );
  if (onInstances && !appVersion) {
    throw new InputError(
      Inputs.VersionName,
      `is required: ${apk.fileName} has no literal versionName in its manifest`,
      '',
    );
  }
  const resolved: InstallAppParams = {
    ...params,
    packageName: apk.packageName,
    appVersion,
    sizeMb: params.sizeMb ?? String(apk.sizeMb),
    md5: params.md5 ?? apk.md5,
    fileName: params.fileName ?? apk.fileName,
    versionCode: params.versionCode ?? apk.versionCode,
    apkFile: apk.path,
  };
  if (onInstances && params.apkUrl) return resolved;
  const key =
    params.obs.object ?? defaultObjectKey(apk.packageName, appVersion, resolved.fileName ?? apk.fileName);
  context.setOutput(Outputs.ObsObject, key);
  warnOfShortLivedUrl(resolved, context);
  const endpoint = params.obs.endpoint ?? obsEndpointForRegion(context.settings.region as string);
  if (context.dryRun) {
    context.info(`dry-run: would upload ${apk.fileName} to obs://${params.obs.bucket}/${key} at ${endpoint}`);
  }
  return {
    ...resolved,
    obs: { ...params.obs, object: key, endpoint },
    ...(context.dryRun && onInstances
      ? { apkUrl: `${endpoint}/${params.obs.bucket}/${key}?(pre-signed at run time)` }
      : {}),
  };
}

function warnOfShortLivedUrl(
  params: InstallAppParams,
  context: Pick<PrepareContext, 'settings' | 'warning'>,
): void {
  const creds = context.settings.credentials;
  if (params.fleet.type !== 'instance' || creds.kind !== 'aksk' || !creds.securityToken) return;
  if (params.obs.urlExpiryMs <= SHORTEST_TOKEN_MS) return;
  // A URL pre-signed with temporary keys carries the security token, and OBS refuses it once the
  // token expires, whatever its own expiry says (OBS temporary-credential docs).
  context.warning(
    `The APK download URL is pre-signed with temporary keys (security-token): it stops working when that token expires, which may be before url-expiry (${formatDuration(params.obs.urlExpiryMs)}). Instances that download the APK after that fail. Use keys that outlive the wait, or permanent keys for the upload.`,
  );
}

/**
 * Uploads the APK that readApk() read, unless an object with the same bytes (same size, same MD5 in
 * its metadata) is already there, and pre-signs the download URL KooPhone instances need. Nothing
 * reaches the fleet here; a dry run never gets here.
 */
export async function uploadApk(
  params: InstallAppParams,
  context: PrepareContext<typeof Outputs.ApkUrl | typeof Outputs.ObsObject>,
): Promise<InstallAppParams> {
  const onInstances = params.fleet.type === 'instance';
  const { apkFile, fileName: file } = params;
  const { bucket, object: key, endpoint } = params.obs;
  if ((onInstances && params.apkUrl) || context.dryRun || !apkFile) return params;
  if (!bucket || !key || !endpoint) throw new Error('unreachable: readApk names the object');
  const { settings } = context;
  const creds = settings.credentials;
  if (creds.kind === 'token') throw new Error('unreachable: readParams requires keys for uploads');
  const keys = await signingKeys(creds);
  const obs = new ObsClient({
    endpoint,
    ...keys,
    credentials: creds.kind === 'keyless' ? () => signingKeys(creds) : undefined,
    requestTimeoutMs: Math.max(settings.requestTimeoutMs, 120_000),
    // A few parts at a time already fill a runner's uplink; more only adds memory and retries.
    concurrency: Math.min(settings.maxConcurrency, 4),
    signal: context.signal,
    deadline: context.deadline,
    debug: context.debug,
  });
  const started = now();
  const upload = await obs.ensureUploaded(bucket, key, apkFile).catch((error: unknown) => {
    // A build still writing the APK, or a file removed meanwhile: the file's fault, told about the input.
    if (error instanceof FileReadError)
      throw new InputError(
        Inputs.ApkPath,
        `names a file that changed while it was uploaded: ${error.message}`,
      );
    throw error;
  });
  const elapsed = now() - started;
  if (!upload.uploaded) {
    context.info(
      `obs://${bucket}/${key} already holds ${file} (same size, md5 ${upload.md5}): already in OBS, not uploaded (${elapsed} ms)`,
    );
  } else {
    context.info(
      `Uploaded ${file} to obs://${bucket}/${key} (${upload.multipart ? `${upload.parts} parts` : 'one request'}, ${elapsed} ms), md5 ${upload.md5}`,
    );
    if (!upload.md5Saved) {
      context.info(
        `Could not store the MD5 in the metadata of obs://${bucket}/${key} (see the debug log): the next run will upload it again`,
      );
    }
  }
  const uploaded = { ...params, md5: params.md5 ?? upload.md5 };
  if (!onInstances) return uploaded;
  return { ...uploaded, apkUrl: await presign(obs, bucket, key, params.obs.urlExpiryMs, context) };
}

/** The download URL of the uploaded APK, valid no longer than the keys that sign it. */
async function presign(
  obs: ObsClient,
  bucket: string,
  key: string,
  urlExpiryMs: number,
  context: PrepareContext<typeof Outputs.ApkUrl | typeof Outputs.ObsObject>,
): Promise<string> {
  const creds = context.settings.credentials;
  if (creds.kind === 'token') throw new Error('unreachable: readParams requires keys for uploads');
  // A pre-signed URL stops working with the keys that signed it (docs/api.md, "OBS").
  const signer = await signingKeys(creds);
  let expiryMs = urlExpiryMs;
  if (creds.kind === 'keyless' && creds.session) {
    const left = creds.session.expiration.getTime() - Date.now();
    if (left < expiryMs) {
      expiryMs = Math.max(left, 1000);
      context.notice?.(
        `The download URL is valid for ${formatDuration(expiryMs)}, not ${formatDuration(urlExpiryMs)} (url-expiry): a pre-signed URL cannot outlive the temporary credentials that signed it. Raise session-duration if jobs may start later than that.`,
      );
    }
  }
  const url = obs.presignGetUrl(bucket, key, Math.ceil(expiryMs / 1000), new Date(), signer);
  maskUrlQuery(url, context.mask);
  if (url.length > MAX_INSTALL_URL) {
    // Temporary credentials put their security token in the URL, which then no longer fits.
    throw new InputError(
      creds.kind === 'keyless' ? Inputs.AgencyUrn : Inputs.SecurityToken,
      `gives temporary keys whose security token makes the pre-signed URL ${url.length} characters long, over KooPhone's limit of ${MAX_INSTALL_URL}: upload with permanent keys, or pass apk-url`,
    );
  }
  context.setOutput(Outputs.ApkUrl, url);
  context.info(`Pre-signed download URL: ${redactUrl(url)}`);
  return url;
}
