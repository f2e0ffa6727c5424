import { z } from 'zod';
import { Inputs } from '../constants.js';
import { rules } from '../inputs.js';
import { maskUrlQuery } from '../redact.js';
import { chunk } from '../target-list.js';
import { defineOperation } from './operation.js';
import { androidPackage, instanceId, MAX_TARGETS } from './rules.js';

/** Per-call limit of instance_id_list (KooPhone install page). */
const INSTANCES_PER_CALL = 100;

const apkUrl = z
  .string()
  .max(2000, { message: 'must be at most 2000 characters' })
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), { message: 'must be an http(s) download URL of the APK' });
const version = z
  .string()
  .max(100, { message: 'must be at most 100 characters' })
  .regex(/^\S+$/, { message: 'must not contain spaces' });
const fileName = z
  .string()
  .max(100, { message: 'must be at most 100 characters' })
  .regex(/^[^/\\]+$/, { message: 'must be a file name without a directory' });
const sizeMb = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, { message: 'must be the APK size in whole megabytes (a positive whole number)' });
const md5 = z.string().max(200, { message: 'must be at most 200 characters' }).regex(/^\S+$/, {
  message: 'must not contain spaces',
});

export interface InstallAppParams {
  instances: string[];
  body: {
    fast_install: '0' | '1';
    object_name: string;
    file_name: string;
    object_version: string;
    object_size: string;
    biz_type: 'apk';
    content_type: string;
    content_md5: string;
    install_package_url: string;
  };
}

export const installApp = defineOperation({
  name: 'install-app',
  title: 'KooPhone install app',
  family: 'koophone',
  targetType: 'instance',

  readParams(reader): InstallAppParams {
    const url = reader.required(Inputs.ApkUrl, apkUrl);
    maskUrlQuery(url, reader.mask);
    const defaultName = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    const name = reader.optional(Inputs.FileName, fileName) ?? defaultName;
    if (name === '') reader.fail(Inputs.FileName, 'is required when apk-url does not end in a file name', '');
    if (!fileName.safeParse(name).success) {
      reader.fail(Inputs.FileName, 'taken from apk-url must be a file name of at most 100 characters', name);
    }
    return {
      instances: reader.targets(Inputs.Instances, MAX_TARGETS, instanceId),
      body: {
        fast_install: reader.withDefault(Inputs.FastInstall, rules.boolean, 'false') ? '1' : '0',
        object_name: reader.required(Inputs.PackageName, androidPackage),
        file_name: name,
        object_version: reader.required(Inputs.AppVersion, version),
        object_size: reader.required(Inputs.ApkSizeMb, sizeMb),
        biz_type: 'apk',
        content_type: 'application/octet-stream',
        content_md5: reader.optional(Inputs.ApkMd5, md5) ?? '',
        install_package_url: url,
      },
    };
  },

  buildCalls(params) {
    return chunk(params.instances, INSTANCES_PER_CALL).map((targets) => ({
      path: '/v1/instances/app/install',
      body: { ...params.body, instance_id_list: targets },
      targets,
    }));
  },
});
