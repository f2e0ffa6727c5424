import * as z from '../../zod.js';
import type { CommonSettings } from '../../inputs/common.js';
import { readFleet, type Fleet } from '../../inputs/fleet.js';
import { Inputs } from '../../inputs/names.js';
import { rules, type InputReader } from '../../inputs/reader.js';
import { androidPackage, cphApkObject, obsBucket, obsKey } from '../../inputs/rules.js';
import { maskUrlQuery } from '../../log/redact.js';

const apkUrl = z.string().check(
  z.maxLength(2000, { message: 'must be at most 2000 characters' }),
  z.refine((v: string) => /^https?:\/\/[^\s]+$/.test(v), {
    message: 'must be an http(s) download URL of the APK',
  }),
);
export const version = z
  .string()
  .check(
    z.maxLength(100, { message: 'must be at most 100 characters' }),
    z.regex(/^\S+$/, { message: 'must not contain spaces' }),
  );
export const fileName = z.string().check(
  z.maxLength(100, { message: 'must be at most 100 characters' }),
  z.regex(/^[^/\\]+$/, { message: 'must be a file name without a directory' }),
  // eslint-disable-next-line no-control-regex
  z.regex(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/, {
    message: 'must not contain line breaks or other control characters',
  }),
);
const sizeMb = z.string().check(
  z.regex(/^[1-9]\d{0,5}$/, {
    message: 'must be the APK size in whole megabytes (a positive whole number)',
  }),
);
const md5 = z.string().check(
  z.maxLength(200, { message: 'must be at most 200 characters' }),
  z.regex(/^\S+$/, {
    message: 'must not contain spaces',
  }),
);
const apkPath = z.string().check(z.regex(/^[^\n\r]+$/, { message: 'must be one path or glob on one line' }));
const obsApkObject = obsKey(/\.apk$/i, 'an .apk file');
// pm install options: -r is always sent; these are the extra ones a user may add.
const installFlags = z.string().check(
  z.regex(/^(-[A-Za-z]+|--[a-z][a-z-]*)(\s+(-[A-Za-z]+|--[a-z][a-z-]*))*$/, {
    message: "must be pm install options such as '-d -g' (dash-led words only)",
  }),
);

const urlExpiry = rules.duration({ ms: 7 * 86_400_000, text: '7 days' }).check(
  z.refine((ms) => ms >= 60_000 && ms <= 7 * 86_400_000, {
    message: 'must be a duration from 1m to 7 days (168h)',
  }),
);

/** What the install request needs: from the inputs, completed from the APK file by resolve(). */
export interface InstallAppParams {
  fleet: Fleet;
  apkPath?: string;
  apkUrl?: string;
  packageName?: string;
  appVersion?: string;
  sizeMb?: string;
  md5?: string;
  fileName?: string;
  fastInstall: boolean;
  obs: { bucket?: string; object?: string; endpoint?: string; urlExpiryMs: number };
  installFlags: string[];
  /** android:versionCode of the APK at apk-path, read in resolve(). */
  versionCode?: number;
  /** The file apk-path named, once resolve() has found it. */
  apkFile?: string;
}

/** Reads the install inputs and the rules that tie them to the fleet kind and to each other. */
export function readInstallParams(reader: InputReader, common: CommonSettings): InstallAppParams {
  const fleet = readFleet(reader, ['instance', 'phone', 'server']);
  const onInstances = fleet.type === 'instance';
  const path = reader.optional(Inputs.ApkPath, apkPath);
  const url = reader.optional(Inputs.ApkUrl, apkUrl);
  if (url) maskUrlQuery(url, reader.mask);
  const params: InstallAppParams = {
    fleet,
    apkPath: path,
    apkUrl: url,
    packageName: reader.optional(Inputs.PackageName, androidPackage),
    appVersion: reader.optional(Inputs.VersionName, version),
    sizeMb: reader.optional(Inputs.ApkSizeMb, sizeMb),
    md5: reader.optional(Inputs.ApkMd5, md5),
    fileName: reader.optional(Inputs.ApkFileName, fileName),
    fastInstall: reader.withDefault(Inputs.FastInstall, rules.boolean),
    obs: {
      bucket: reader.optional(Inputs.ObsBucket, obsBucket),
      object: reader.optional(Inputs.ObsObject, obsApkObject),
      endpoint: reader.optional(Inputs.ObsEndpoint, rules.endpoint),
      // The service downloads the APK when the job runs, which may be late in a long wait.
      urlExpiryMs: reader.withDefault(
        Inputs.UrlExpiry,
        urlExpiry,
        `${Math.min(common.waitTimeoutMs + 3_600_000, 7 * 86_400_000)}ms`,
      ),
    },
    installFlags: (reader.optional(Inputs.InstallFlags, installFlags) ?? '').split(/\s+/).filter(Boolean),
  };

  refuseUnused(reader, params);
  checkObsSource(reader, common, params);
  return onInstances && !path ? { ...params, fileName: checkDownload(reader, params) } : params;
}

/** An input the chosen target kind does not send is refused, never ignored. */
function refuseUnused(reader: InputReader, params: InstallAppParams): void {
  const { fleet, apkPath: path } = params;
  const onInstances = fleet.type === 'instance';
  if (!onInstances) {
    for (const name of [
      Inputs.FastInstall,
      Inputs.ApkSizeMb,
      Inputs.ApkMd5,
      Inputs.UrlExpiry,
      ...(path === undefined ? [Inputs.VersionName, Inputs.ApkFileName] : []),
    ]) {
      if (reader.isExplicit(name))
        reader.fail(
          name,
          `is not used by install-app on CPH ${fleet.type}s, which install from obs://obs-bucket/obs-object with pm install: it is used by install-app on KooPhone instances${name === Inputs.VersionName || name === Inputs.ApkFileName ? ', and names the uploaded object when apk-path is given' : ''}. Remove it`,
          reader.raw(name),
        );
    }
  }
  if (onInstances && reader.isExplicit(Inputs.InstallFlags))
    reader.fail(
      Inputs.InstallFlags,
      'is not used by install-app on KooPhone instances (its install call takes no pm options): it is used by install-app on CPH phones and servers. Remove it',
      reader.raw(Inputs.InstallFlags),
    );
  const uploads = path !== undefined && (!onInstances || params.apkUrl === undefined);
  // The upload's inputs mean nothing when nothing is uploaded: refused rather than ignored.
  if (uploads) return;
  const unused = onInstances
    ? [Inputs.ObsBucket, Inputs.ObsObject, Inputs.ObsEndpoint, Inputs.UrlExpiry]
    : [Inputs.ObsEndpoint];
  for (const name of unused) {
    if (reader.isExplicit(name))
      reader.fail(
        name,
        `is not used here: install-app uses it to upload apk-path to OBS${onInstances ? ' for KooPhone instances, and this run installs from apk-url' : ', and this run installs an object already in OBS'}. Remove it`,
        reader.raw(name),
      );
  }
}

/** CPH installs from OBS, and an upload of apk-path needs a bucket, keys and an OBS endpoint. */
function checkObsSource(reader: InputReader, common: CommonSettings, params: InstallAppParams): void {
  const onInstances = params.fleet.type === 'instance';
  const { apkPath: path, apkUrl: url } = params;
  if (!onInstances && params.obs.object !== undefined) {
    const checked = cphApkObject.safeParse(params.obs.object);
    if (!checked.success)
      reader.fail(Inputs.ObsObject, checked.error.issues[0]?.message ?? 'is invalid', params.obs.object);
  }
  if (!onInstances && url) {
    reader.fail(
      Inputs.ApkUrl,
      'is for KooPhone instances: CPH phones and servers install from OBS, so give obs-bucket and obs-object (or apk-path to upload the file)',
      url,
    );
  }
  const uploads = path !== undefined && (!onInstances || url === undefined);
  if (!onInstances || uploads) {
    if (!params.obs.bucket) {
      reader.fail(
        Inputs.ObsBucket,
        uploads
          ? 'is required to upload apk-path to OBS'
          : 'is required: CPH installs the APK from obs://obs-bucket/obs-object',
        '',
      );
    }
    if (!uploads && !params.obs.object)
      reader.fail(Inputs.ObsObject, 'is required: the key of the APK in obs-bucket', '');
  }
  if (uploads) {
    if (common.credentials.kind === 'token') {
      reader.fail(
        Inputs.AuthToken,
        'cannot upload to OBS: apk-path needs access-key and secret-key, or keyless authentication (OBS does not take IAM tokens)',
      );
    }
    if (!params.obs.endpoint && !common.region) {
      reader.fail(Inputs.Region, 'is required to upload apk-path to OBS, unless obs-endpoint is given', '');
    }
    const elsewhere = !params.obs.endpoint && common.region ? obsOffDefaultDomain(common.region) : undefined;
    if (elsewhere) reader.fail(Inputs.ObsEndpoint, elsewhere, '');
  }
}

/**
 * KooPhone without apk-path downloads apk-url, and the request must describe the APK: returns its file
 * name, apk-file-name or the URL's last segment.
 */
function checkDownload(reader: InputReader, params: InstallAppParams): string {
  const download =
    params.apkUrl ??
    reader.fail(
      Inputs.ApkUrl,
      'is required: give apk-url, or apk-path to upload the APK from the runner',
      '',
    );
  if (!params.packageName)
    reader.fail(Inputs.PackageName, 'is required (or give apk-path to read it from the APK)', '');
  if (!params.appVersion)
    reader.fail(Inputs.VersionName, 'is required (or give apk-path to read it from the APK)', '');
  if (!params.sizeMb)
    reader.fail(Inputs.ApkSizeMb, 'is required (or give apk-path to read it from the APK)', '');
  const name = params.fileName ?? decodeURIComponent(new URL(download).pathname.split('/').pop() ?? '');
  if (name === '')
    reader.fail(Inputs.ApkFileName, 'is required when apk-url does not end in a file name', '');
  if (!fileName.safeParse(name).success) {
    reader.fail(Inputs.ApkFileName, 'taken from apk-url must be a file name of at most 100 characters', name);
  }
  return name;
}

/**
 * Regions with a three-digit number (eu-west-101...) belong to Huawei Cloud sites outside
 * myhuaweicloud.com (Europe: myhuaweicloud.eu), so obs.{region}.myhuaweicloud.com does not exist
 * there. Inferred from the published endpoint lists: such regions must name obs-endpoint.
 */
function obsOffDefaultDomain(region: string): string | undefined {
  if (!/-\d{3}$/.test(region)) return undefined;
  const example = region.startsWith('eu-')
    ? `https://obs.${region}.myhuaweicloud.eu`
    : `the OBS endpoint of ${region} from Huawei Cloud's endpoint list`;
  return `is required to upload apk-path in region ${region}: its OBS is not under myhuaweicloud.com, so give obs-endpoint (e.g. ${example})`;
}
