import { FLEET_INPUTS } from '../../inputs/fleet.js';
import { Inputs, Outputs } from '../../inputs/names.js';
import { chunk } from '../../inputs/target-list.js';
import { cphCommandCalls } from '../cph-commands.js';
import { defineOperation } from '../operation.js';
import { readInstallParams } from './params.js';

/** Per-call limit of instance_id_list (KooPhone install page). */
const INSTANCES_PER_CALL = 100;

export const installApp = defineOperation({
  name: 'install-app',
  inputs: [
    ...FLEET_INPUTS,
    Inputs.ApkPath,
    Inputs.ApkUrl,
    Inputs.PackageName,
    Inputs.AppVersion,
    Inputs.ApkSizeMb,
    Inputs.ApkMd5,
    Inputs.FileName,
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
  async prepare(params, context) {
    if (!params.apkPath) return;
    const { prepareApk } = await import(/* webpackMode: "eager" */ './local-apk.js');
    await prepareApk(params, context);
  },

  buildCalls(params) {
    if (params.fleet.type !== 'instance') {
      const flags = ['-r', ...params.installFlags.filter((f) => f !== '-r')].join(' ');
      return cphCommandCalls(
        params.fleet,
        'install',
        `${flags} obs://${params.obs.bucket}/${params.obs.object}`,
        Inputs.ObsObject,
      );
    }
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
  }),
});
