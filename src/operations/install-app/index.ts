import { FLEET_INPUTS } from '../../inputs/fleet.js';
import { Inputs, Outputs } from '../../inputs/names.js';
import { chunk } from '../../inputs/target-list.js';
import { cphCommandCalls } from '../cph-commands.js';
import { defineOperation } from '../operation.js';
import { readInstallParams, type InstallAppParams } from './params.js';
import { InputError } from '../../inputs/errors.js';
import { commandContentProblem } from '../../inputs/rules.js';

/**
 * The content of CPH's install command, as sent: `pm install` options and the OBS key together must obey
 * the command content rule, checked once the APK has named the key, before any request.
 */
function cphCommandContent(params: InstallAppParams): string {
  const flags = ['-r', ...params.installFlags.filter((f) => f !== '-r')].join(' ');
  const content = `${flags} obs://${params.obs.bucket}/${params.obs.object}`;
  const problem = commandContentProblem(content);
  if (problem)
    throw new InputError(
      Inputs.ObsObject,
      `leads to a CPH install command whose content ${problem}`,
      content,
    );
  return content;
}

/** Per-call limit of instance_id_list (KooPhone install page). */
const INSTANCES_PER_CALL = 100;

export const installApp = defineOperation({
  name: 'install-app',
  inputs: [
    ...FLEET_INPUTS,
    Inputs.ApkPath,
    Inputs.ApkUrl,
    Inputs.PackageName,
    Inputs.VersionName,
    Inputs.ApkSizeMb,
    Inputs.ApkMd5,
    Inputs.ApkFileName,
    Inputs.FastInstall,
    Inputs.ObsBucket,
    Inputs.ObsObject,
    Inputs.ObsEndpoint,
    Inputs.UrlExpiry,
    Inputs.InstallFlags,
  ],
  outputs: [Outputs.ApkUrl, Outputs.ObsObject],
  readParams: readInstallParams,

  route: ({ fleet }) =>
    fleet.type === 'instance'
      ? { title: 'KooPhone install app', family: 'koophone', targetType: 'instance' }
      : { title: 'CPH install app', family: 'cph', targetType: fleet.type },

  // Only runs with apk-path need the APK reader and the OBS client: keep them out of every start-up.
  async resolve(params, context) {
    const resolved = params.apkPath
      ? await (await import(/* webpackMode: "eager" */ './local-apk.js')).readApk(params, context)
      : params;
    if (resolved.fleet.type !== 'instance') cphCommandContent(resolved);
    return resolved;
  },

  async prepare(params, context) {
    if (!params.apkPath) return params;
    const { uploadApk } = await import(/* webpackMode: "eager" */ './local-apk.js');
    return uploadApk(params, context);
  },

  buildCalls(params) {
    if (params.fleet.type !== 'instance')
      return cphCommandCalls(params.fleet, 'install', cphCommandContent(params));
    const body = {
      fast_install: params.fastInstall ? '1' : '0',
      object_name: params.packageName,
      file_name: params.fileName,
      object_version: params.appVersion,
      object_size: params.sizeMb,
      biz_type: 'apk',
      content_type: 'application/octet-stream',
      content_md5: params.md5 ?? '',
      install_package_url: params.apkUrl,
    };
    return chunk(params.fleet.ids, INSTANCES_PER_CALL).map((targets) => ({
      path: '/v1/instances/app/install',
      body: { ...body, instance_id_list: targets },
      targets,
    }));
  },

  installs: (params) => ({
    packageName: params.packageName,
    versionCode: params.versionCode,
    fromApk: params.apkPath !== undefined,
    versionName: params.appVersion,
    md5: params.md5,
    source:
      params.obs.bucket && params.obs.object
        ? `obs://${params.obs.bucket}/${params.obs.object}`
        : params.apkUrl,
  }),
});
