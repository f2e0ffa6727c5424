import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Inputs, type InputName } from '../src/inputs/names.js';
import { InputError } from '../src/inputs/errors.js';
import { operationNames, operations } from '../src/operations/index.js';
import { readSettings } from '../src/operations/settings.js';

/** Plausible values per input, so random runs also get past the first checks into deeper ones. */
const plausible: Partial<Record<InputName, string[]>> = {
  [Inputs.Operation]: [...operationNames],
  [Inputs.AuthToken]: ['token'],
  [Inputs.Endpoint]: ['http://127.0.0.1:8080', 'https://cph.cn-north-4.myhuaweicloud.com/'],
  [Inputs.ProjectId]: ['0123456789abcdef0123456789abcdef'],
  [Inputs.Region]: ['cn-north-4'],
  [Inputs.Instances]: ['a,b', '["a","b"]', 'a\nb'],
  [Inputs.Servers]: ['s1 s2'],
  [Inputs.ApkUrl]: ['https://b.obs.example.com/x/app.apk?Signature=abc'],
  [Inputs.PackageName]: ['com.example.app'],
  [Inputs.VersionName]: ['1.0.0'],
  [Inputs.ApkSizeMb]: ['12'],
  [Inputs.Command]: ['ls -l /system'],
  [Inputs.ObsBucket]: ['my-bucket'],
  [Inputs.ObsObject]: ['a/b.tar'],
  [Inputs.AppVersionIds]: ['v1'],
  [Inputs.WaitTimeout]: ['1h30m'],
  [Inputs.PollInterval]: ['5s'],
  [Inputs.FailOn]: ['never'],
  [Inputs.Wait]: ['false'],
  [Inputs.DryRun]: ['true'],
  [Inputs.MaxConcurrency]: ['4'],
  [Inputs.AgencyUrn]: ['iam::0123456789abcdef0123456789abcdef:agency:deploy'],
  [Inputs.IdentityProviderUrn]: ['iam::0123456789abcdef0123456789abcdef:identity-provider:github'],
  [Inputs.OidcAudience]: ['huaweicloud'],
  [Inputs.SessionDuration]: ['2h'],
  [Inputs.SessionName]: ['release-1'],
  [Inputs.StsEndpoint]: ['https://sts.cn-north-4.myhuaweicloud.com'],
  [Inputs.ExportCredentials]: ['false', 'true'],
  [Inputs.ServerTags]: ['env=prod'],
  [Inputs.ServerName]: ['farm-a'],
  [Inputs.InstancePool]: ['release'],
  [Inputs.InstanceName]: ['inst-1'],
  [Inputs.MaxTargets]: ['100'],
  [Inputs.Waves]: ['1, 10%, 100%'],
  [Inputs.WavePause]: ['30s'],
  [Inputs.MaxFailures]: ['5%'],
  [Inputs.Verify]: ['false', 'true'],
  [Inputs.SkipInstalled]: ['false', 'true'],
  [Inputs.VersionCode]: ['42'],
  [Inputs.Smoke]: ['false', 'true'],
  [Inputs.SmokeDuration]: ['30s'],
};

/** Keyless inputs are refused without agency-urn, rollout inputs exclude each other: mostly empty, so random runs still reach success. */
const mostlyEmpty = new Set<InputName>([
  Inputs.AgencyUrn,
  Inputs.IdentityProviderUrn,
  Inputs.OidcAudience,
  Inputs.SessionDuration,
  Inputs.SessionName,
  Inputs.StsEndpoint,
  Inputs.ExportCredentials,
  // Selection and rollout inputs: each one given rules out others.
  Inputs.ServerTags,
  Inputs.ServerName,
  Inputs.InstancePool,
  Inputs.InstanceName,
  Inputs.MaxTargets,
  Inputs.Waves,
  Inputs.WavePause,
  Inputs.MaxFailures,
  Inputs.Verify,
  Inputs.SkipInstalled,
  Inputs.VersionCode,
  Inputs.Smoke,
  Inputs.SmokeDuration,
]);

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ' ',
    '[',
    '[]',
    '["x"]',
    '{}',
    'null',
    '\n',
    '0',
    '-1',
    '1e9',
    'true',
    'TRUE',
    '1h',
    '0s',
  ),
);

const inputValue = (name: InputName) =>
  mostlyEmpty.has(name)
    ? fc.oneof(
        { weight: 300, arbitrary: fc.constant('') },
        { weight: 2, arbitrary: fc.constantFrom(...(plausible[name] ?? [''])) },
        { weight: 1, arbitrary: anyText },
      )
    : plausible[name]
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...plausible[name]) }, anyText, fc.constant(''))
      : fc.oneof(anyText, fc.constant(''));

const allInputs = Object.values(Inputs) as InputName[];
const inputSets = fc.record(
  Object.fromEntries(allInputs.map((name) => [name, inputValue(name)])) as Record<
    InputName,
    fc.Arbitrary<string>
  >,
);

describe('settings parser under random input', () => {
  it('either accepts the inputs or raises our validation error, never anything else', () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputSets, fc.nat(9), (given, keepOthers) => {
        // Most runs give only the chosen operation's own inputs: another operation's input is refused
        // at once, which would hide every deeper check.
        const own = new Set(operations.find((op) => op.name === given[Inputs.Operation])?.inputs ?? []);
        const inputs =
          keepOthers === 0
            ? given
            : Object.fromEntries(
                Object.entries(given).map(([name, value]) => [
                  name,
                  operations.some((op) => op.inputs.includes(name as InputName)) &&
                  !own.has(name as InputName)
                    ? ''
                    : value,
                ]),
              );
        try {
          readSettings((name) => (inputs as Record<string, string>)[name] ?? '', {});
          accepted++;
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          expect(error.message).toMatch(/^Input '[a-z0-9-]+' /);
        }
      }),
      { numRuns: 3000 },
    );
    // The generators must reach success too, or the property says little about deep checks.
    expect(accepted).toBeGreaterThan(0);
  });
});
