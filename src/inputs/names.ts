import packageJson from '../../package.json' with { type: 'json' };

/** Every input, output and environment name the action uses, defined once (action.yml and docs/input-rules.md are checked against these). */
export const Inputs = {
  Operation: 'operation',
  AccessKey: 'access-key',
  SecretKey: 'secret-key',
  SecurityToken: 'security-token',
  AuthToken: 'auth-token',
  Region: 'region',
  ProjectId: 'project-id',
  Endpoint: 'endpoint',
  Instances: 'instances',
  Phones: 'phones',
  Servers: 'servers',
  ApkPath: 'apk-path',
  ApkUrl: 'apk-url',
  PackageName: 'package-name',
  VersionName: 'version-name',
  ApkSizeMb: 'apk-size-mb',
  ApkFileName: 'apk-file-name',
  ApkMd5: 'apk-md5',
  FastInstall: 'fast-install',
  InstallFlags: 'install-flags',
  Command: 'command',
  ObsBucket: 'obs-bucket',
  ObsObject: 'obs-object',
  ObsEndpoint: 'obs-endpoint',
  UrlExpiry: 'url-expiry',
  PreInstall: 'pre-install',
  AppVersionIds: 'app-version-ids',
  Wait: 'wait',
  WaitTimeout: 'wait-timeout',
  PollInterval: 'poll-interval',
  FailOn: 'fail-on',
  DryRun: 'dry-run',
  MaxConcurrency: 'max-concurrency',
  RequestTimeout: 'request-timeout',
  AgencyUrn: 'agency-urn',
  IdentityProviderUrn: 'identity-provider-urn',
  OidcAudience: 'oidc-audience',
  SessionDuration: 'session-duration',
  SessionName: 'session-name',
  StsEndpoint: 'sts-endpoint',
  ExportCredentials: 'export-credentials',
  ServerTags: 'server-tags',
  ServerName: 'server-name',
  InstancePool: 'instance-pool',
  InstanceName: 'instance-name',
  MaxTargets: 'max-targets',
  Waves: 'waves',
  WavePause: 'wave-pause',
  MaxFailures: 'max-failures',
  Verify: 'verify',
  SkipInstalled: 'skip-installed',
  VersionCode: 'version-code',
  Smoke: 'smoke',
  SmokeDuration: 'smoke-duration',
} as const;
export type InputName = (typeof Inputs)[keyof typeof Inputs];

/**
 * Old input names that still work, each with the input that replaced it. InputReader reads the old name when
 * the new one is not given and warns, naming the new input; both at once is an error. action.yml keeps each
 * old name (so the runner does not warn of an unexpected input), described as deprecated.
 * - app-version is the APK's versionName: named so, it pairs with version-code and no longer reads like a
 *   relative of app-version-ids (ids of CPH application versions, unrelated).
 * - file-name is the APK's file name (install-app on instances), not a file of push-shared-files: it takes the
 *   apk- prefix of apk-url, apk-md5 and apk-size-mb, which it goes with.
 */
export const DeprecatedInputs = {
  'app-version': Inputs.VersionName,
  'file-name': Inputs.ApkFileName,
} as const satisfies Record<string, InputName>;
export type DeprecatedInputName = keyof typeof DeprecatedInputs;

export const Outputs = {
  Status: 'status',
  Results: 'results',
  ResultsFile: 'results-file',
  Succeeded: 'succeeded',
  Failed: 'failed',
  Running: 'running',
  FailedTargets: 'failed-targets',
  TaskIds: 'task-ids',
  RequestIds: 'request-ids',
  ApkUrl: 'apk-url',
  ObsObject: 'obs-object',
  CredentialsExpiration: 'credentials-expiration',
  Targets: 'targets',
  Halted: 'halted',
  WavesCompleted: 'waves-completed',
  PendingTargets: 'pending-targets',
} as const;
export type OutputName = (typeof Outputs)[keyof typeof Outputs];

/**
 * action.yml's defaults (test/docs.test.ts keeps this map equal to it), which InputReader falls back to
 * for an empty input. The runner passes them whenever a workflow leaves an input out, so a value equal
 * to its default says nothing about what the user asked for.
 */
export const InputDefaults: Partial<Record<InputName, string>> = {
  [Inputs.FastInstall]: 'false',
  [Inputs.PreInstall]: 'false',
  [Inputs.Wait]: 'true',
  [Inputs.WaitTimeout]: '30m',
  [Inputs.PollInterval]: '5s',
  [Inputs.FailOn]: 'any',
  [Inputs.DryRun]: 'false',
  [Inputs.MaxConcurrency]: '8',
  [Inputs.RequestTimeout]: '30s',
  [Inputs.SessionDuration]: '1h',
  [Inputs.ExportCredentials]: 'false',
  [Inputs.WavePause]: '0s',
  [Inputs.MaxFailures]: '0',
  [Inputs.Verify]: 'false',
  [Inputs.SkipInstalled]: 'false',
  [Inputs.Smoke]: 'false',
  [Inputs.SmokeDuration]: '10s',
};

/** Variables exported by huaweicloud/auth-action; explicit inputs always win over them. */
export const EnvFallbacks: Partial<Record<InputName, string>> = {
  [Inputs.AccessKey]: 'HUAWEI_CLOUD_ACCESS_KEY_ID',
  [Inputs.SecretKey]: 'HUAWEI_CLOUD_SECRET_ACCESS_KEY',
  [Inputs.SecurityToken]: 'HUAWEI_CLOUD_SECURITY_TOKEN',
  [Inputs.Region]: 'HUAWEI_CLOUD_REGION',
  [Inputs.ProjectId]: 'HUAWEI_CLOUD_PROJECT_ID',
};

/** What keyless runs export for later steps: the huaweicloud/auth-action contract. */
export const ExportedEnv = {
  AccessKey: 'HUAWEI_CLOUD_ACCESS_KEY_ID',
  SecretKey: 'HUAWEI_CLOUD_SECRET_ACCESS_KEY',
  SecurityToken: 'HUAWEI_CLOUD_SECURITY_TOKEN',
  Region: 'HUAWEI_CLOUD_REGION',
  ProjectId: 'HUAWEI_CLOUD_PROJECT_ID',
} as const;

export const stsDefaultEndpoint = (region: string): string => `https://sts.${region}.myhuaweicloud.com`;

export const DEFAULT_KOOPHONE_ENDPOINT = 'https://koophone.myhuaweicloud.com';
export const cphDefaultEndpoint = (region: string): string => `https://cph.${region}.myhuaweicloud.com`;

/**
 * Sent on every API and OBS request, so a service's logs (and support) can tell which release called.
 * The bundler inlines the version from package.json: nothing is read from disk at run time.
 */
export const USER_AGENT = `cloud-phone-deploy/${packageJson.version}`;
