// What a reader of the run page sees first: the annotation that says why a run failed or halted, and
// the top of the summary (the build that went out, where the fleet is), whole runs in process.
import { describe, expect, it } from 'vitest';
import { phoneIdsOf } from '../emulator/index.js';
import { apiRequests, connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { runActionInProcess } from './support/in-process.js';
import { DEMO_APK } from './support/paths.js';
import { DEMO_VERSION_CODE, prodFleet, release } from './support/rollout-fleet.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });
const DEMO_MD5 = '696f7a997f064b5711a291a51eab7f18';

describe('a halted rollout says why in its annotation', () => {
  it('names the wave, the failures, the targets never started and the input that resumes them', async () => {
    const { running } = prodFleet(emulator);
    emulator().fleet.staleInstalls(running[0]!);
    const run = await runActionInProcess(release(emulator));
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('halted');
    const halt = run.errors.find((line) => line.includes('rollout halted'));
    expect(halt).toBe(
      `::error title=Cloud Phone Deploy%3A rollout halted::Rollout halted after wave 1: 1 of 1 attempted target(s) failed (${running[0]} VERIFY_VERSION_MISMATCH), more than max-failures allows. 13 target(s) in 2 wave(s) never started. Fix the cause, then resume them with \`phones: \${{ steps.<id>.outputs.pending-targets }}\` in place of this step's target inputs (the failed ones are in failed-targets).`,
    );
    // It comes first: the run page lists annotations in order.
    expect(run.errors[0]).toBe(halt);
  });

  it('folds the targets never started into one line per wave, and shows each phone with its server', async () => {
    const { running } = prodFleet(emulator);
    emulator().fleet.staleInstalls(running[0]!);
    const run = await runActionInProcess(release(emulator));
    const wave2 = running.slice(1, 3);
    const wave3 = running.slice(3);
    expect(run.summary).toContain(
      [
        '### Not started (13)',
        '',
        `- Wave 2: 2 target(s): <code>${wave2[0]}</code>, <code>${wave2[1]}</code>`,
        `- Wave 3: 11 target(s): ${wave3
          .slice(0, 3)
          .map((p) => `<code>${p}</code>`)
          .join(', ')} and 8 more`,
        '',
        "Every one is in the pending-targets output: resume them with `phones: ${{ steps.<id>.outputs.pending-targets }}` in place of this step's target inputs.",
      ].join('\n'),
    );
    // No row each for them; the failed phone and the stopped one keep theirs, with their server.
    for (const phone of running.slice(1)) expect(run.summary).not.toContain(`| <code>${phone}</code>`);
    expect(run.summary).toContain('### Not succeeded (2)');
    expect(run.summary).toContain(`| <code>srv-prod-1</code> | <code>${running[0]}</code> | failed |`);
    const stopped = phoneIdsOf('srv-prod-2', 3)[1]!;
    expect(run.summary).toContain(`| <code>srv-prod-2</code> | <code>${stopped}</code> | skipped |`);
    expect(run.errors.join('\n')).toContain(`phone ${running[0]} (server srv-prod-1)`);
  });

  it('leaves out the fold and the halt annotation when the rollout completes', async () => {
    prodFleet(emulator);
    const run = await runActionInProcess(release(emulator));
    expect(run.outputs.status).toBe('succeeded');
    expect(run.summary).not.toContain('Not started');
    expect(run.errors).toEqual([]);
    // Phones selected through their servers show the server in the succeeded table too.
    expect(run.summary).toContain('| Server | Target | Status |');
  });
});

describe('the summary starts with the build that went out', () => {
  it('apk-path: package, versionName, versionCode, MD5 and the uploaded object', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'install-app',
      ...connection(e, 'aksk'),
      'obs-endpoint': e.url,
      'obs-bucket': 'release-bucket',
      'apk-path': DEMO_APK,
      instances: 'rel-1',
    });
    expect(run.outputs.status).toBe('succeeded');
    const lines = run.summary.split('\n');
    expect(lines[0]).toMatch(/^## .* succeeded$/);
    expect(lines[2]).toBe(
      `**Build:** <code>com.example.demo</code> · versionName <code>1\\.4.2</code> · versionCode <code>${DEMO_VERSION_CODE}</code> · MD5 <code>${DEMO_MD5}</code> · from <code>obs:\u200b//release-bucket/cloud-phone-deploy/com.example.demo/1.4.2/demo.apk</code>`,
    );
    // Succeeded: no console link to look into anything.
    expect(run.summary).not.toContain('console.huaweicloud.com');
  });

  it('apk-url: the URL without its signature, as the inputs gave the build', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'install-app',
      ...connection(e, 'aksk'),
      instances: 'rel-1',
      'apk-url': 'https://apps.example.com/demo.apk?Signature=s3cr3tsig&Expires=1',
      'package-name': 'com.example.demo',
      'version-name': '2.0.0',
      'apk-size-mb': '1',
      'apk-md5': DEMO_MD5,
      'dry-run': 'true',
    });
    expect(run.outputs.status).toBe('dry-run');
    expect(run.summary).toContain(
      `**Build:** <code>com.example.demo</code> · versionName <code>2\\.0.0</code> · MD5 <code>${DEMO_MD5}</code> · from <code>https:\u200b//apps.example.com/demo.apk?Signature=\\*\\*\\*&amp;Expires=\\*\\*\\*</code>`,
    );
    expect(run.summary).not.toContain('s3cr3tsig');
  });

  it('an object name from outside stays text', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'install-app',
      ...connection(e),
      phones: 'phone-1',
      'obs-bucket': 'apps',
      'obs-object': 'demo/_beta_.apk',
      'package-name': 'com.example.demo',
      'dry-run': 'true',
    });
    expect(run.summary).toContain('from <code>obs:\u200b//apps/demo/\\_beta\\_.apk</code>');
  });

  it('run-command has no build line', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      instances: 'i-1',
      command: 'ls',
    });
    expect(run.summary).not.toContain('**Build:**');
  });
});

describe('a link to the region console where it helps', () => {
  it('CPH: when the run did not succeed and the region is known', async () => {
    const { running } = prodFleet(emulator);
    emulator().fleet.staleInstalls(running[0]!);
    const run = await runActionInProcess(release(emulator, { region: 'cn-north-4' }));
    expect(run.outputs.status).toBe('halted');
    expect(run.summary).toContain(
      'Look into the jobs in the [CPH console (cn-north-4)](https://console.huaweicloud.com/cph/?region=cn-north-4).',
    );
  });

  it('KooPhone: a failed instance', async () => {
    const e = emulator();
    e.setOutcome('inst-x', { status: 'failed', errorCode: 'KOOPHONE.API.1300', errorMessage: 'no space' });
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      region: 'ap-southeast-1',
      instances: 'inst-x',
      command: 'ls',
    });
    expect(run.outputs.status).toBe('failed');
    expect(run.summary).toContain(
      '[KooPhone console (ap-southeast-1)](https://console.huaweicloud.com/koophone/?region=ap-southeast-1)',
    );
  });

  it('none without a region (an endpoint alone says nothing of the console)', async () => {
    const { running } = prodFleet(emulator);
    emulator().fleet.staleInstalls(running[0]!);
    const run = await runActionInProcess(release(emulator));
    expect(run.summary).not.toContain('console.huaweicloud.com');
  });
});

describe('a failed selection says which listing and why, in the annotation', () => {
  it('the tag listing refused: the listing, the code and the message, and nothing sent', async () => {
    const e = emulator();
    prodFleet(emulator);
    e.addFault({
      method: 'POST',
      path: /resource_instances\/action$/,
      status: 403,
      body: JSON.stringify({ error_code: 'CPS.0008', error_msg: 'no permission to list tags' }),
    });
    const run = await runActionInProcess(release(emulator));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failed');
    const error = run.errors.join('\n');
    expect(error).toContain('selecting phones by env=prod failed: CPH list servers by tag failed: CPS.0008');
    expect(error).toContain('CPS.0008');
    expect(error).toContain('no permission to list tags');
    expect(error).toMatch(/list servers by tag/i);
    expect(apiRequests(e, 'POST', '/phones/commands')).toEqual([]);
  });
});
