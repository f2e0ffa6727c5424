import { describe, expect, it } from 'vitest';
import { phoneIdsOf } from '../emulator/index.js';
import { apiRequests, connection, ids, useEmulator, TIME_SCALE } from './support/fixture.js';
import { results } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';

const emulator = useEmulator({ timeScale: TIME_SCALE, unknownTargets: ['srv-bogus'], phonesPerServer: 2 });

function inputs(operation: string, extra: Record<string, string>) {
  return { operation, ...connection(emulator()), ...extra };
}

const cphOps: Record<string, Record<string, string>> = {
  'push-shared-app': {
    'package-name': 'com.example.game',
    'obs-bucket': 'apps-bucket',
    'obs-object': 'games/game.tar',
    'pre-install': 'true',
  },
  'push-shared-files': { 'obs-bucket': 'apps-bucket', 'obs-object': 'data/files.tar' },
  'deploy-app-version': { 'app-version-ids': 'ver-1' },
};

describe('run-command, whole runs', () => {
  it('runs a command on every instance and reports its output', async () => {
    const run = await runActionInProcess(
      inputs('run-command', { command: 'pm list packages', instances: 'i-1,i-2' }),
    );
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    const [submit] = apiRequests(emulator(), 'POST', '/async-command');
    expect(submit?.body).toEqual({ command: 'pm list packages', instance_ids: ['i-1', 'i-2'] });
    expect(results(run)[0]?.output).not.toBe('');
    expect(run.summary).toContain(results(run)[0]?.output);
  });

  it('splits 35 instances into calls of 32 and 3', async () => {
    const run = await runActionInProcess(
      inputs('run-command', {
        command: 'getprop ro.build.version.release',
        instances: ids('cmd', 35).join('\n'),
      }),
    );
    expect(run.code).toBe(0);
    const sizes = apiRequests(emulator(), 'POST', '/async-command').map(
      (r) => (r.body as { instance_ids: string[] }).instance_ids.length,
    );
    expect(sizes.sort((a, b) => a - b)).toEqual([3, 32]);
    expect(results(run)).toHaveLength(35);
    expect(JSON.parse(run.outputs['task-ids'] ?? '[]')).toHaveLength(2);
  });

  it('reports the failed instances of a partly failing command', async () => {
    emulator().setOutcome('i-2', {
      status: 'failed',
      errorCode: 'CMD_FAILED',
      errorMessage: 'exit status 1',
      output: 'No such file',
    });
    const run = await runActionInProcess(
      inputs('run-command', { command: 'cat /data/x', instances: 'i-1 i-2' }),
    );
    expect(run.outputs.status).toBe('partial');
    expect(run.code).toBe(1);
    expect(run.outputs['failed-targets']).toBe('i-2');
    expect(results(run).find((r) => r.target === 'i-2')).toMatchObject({
      status: 'failed',
      error_code: 'CMD_FAILED',
      output: 'No such file',
    });
  });

  it('dry-run sends nothing', async () => {
    const run = await runActionInProcess(
      inputs('run-command', { command: 'reboot', instances: 'i-1', 'dry-run': 'true' }),
    );
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(emulator().requests).toHaveLength(0);
  });

  it.each([
    [';', 'ls; reboot'],
    ['|', 'ls | grep x'],
    ['&', 'ls && reboot'],
    ['$', 'echo $HOME'],
    ["'", "echo 'x'"],
    ['"', 'echo "x"'],
    ['`', 'echo `id`'],
    ['a new line', 'ls\nreboot'],
    ['>', 'echo x > /data/f'],
    ['<', 'cat < /data/f'],
    ['(', 'echo (x)'],
    ['*', 'ls /data/*'],
  ])('refuses %s in the command with zero requests sent', async (shown, command) => {
    const run = await runActionInProcess(inputs('run-command', { command, instances: 'i-1' }));
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain("Input 'command'");
    expect(run.errors[0]).toContain(shown === 'a new line' ? 'a new line' : `'${shown}'`);
    expect(emulator().requests).toHaveLength(0);
  });

  it('refuses a command longer than 1024 bytes', async () => {
    const run = await runActionInProcess(
      inputs('run-command', { command: 'a'.repeat(1025), instances: 'i-1' }),
    );
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain('at most 1024 bytes');
    expect(emulator().requests).toHaveLength(0);
  });
});

describe.each(Object.entries(cphOps))('%s, whole runs', (operation, extra) => {
  it('succeeds on every server and sends the documented body', async () => {
    const run = await runActionInProcess(inputs(operation, { ...extra, servers: 'srv-1,srv-2' }));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    const requestIds = JSON.parse(run.outputs['request-ids'] ?? '[]');
    expect(requestIds).toHaveLength(1);
    expect(JSON.parse(run.outputs['task-ids'] ?? '[]')).toEqual([]);
    const [submit] = apiRequests(emulator(), 'POST');
    expect(submit?.path).toContain(`/v1/${emulator().options.projectId}/cloud-phone/`);
    if (operation === 'push-shared-app') {
      expect(submit?.body).toEqual({
        package_name: 'com.example.game',
        pre_install_app: 1,
        bucket_name: 'apps-bucket',
        object_path: 'games/game.tar',
        server_ids: ['srv-1', 'srv-2'],
      });
    }
    if (operation === 'deploy-app-version') {
      expect(submit?.body).toEqual({
        batch_deploy_app_version: { app_version_ids: ['ver-1'], server_ids: ['srv-1', 'srv-2'] },
      });
      // Three stages: one deploy and one pull job per server, one install job per phone.
      const stages = results(run).map((r) => r.stage);
      expect(stages.filter((s) => s === 'deploy app on server')).toHaveLength(2);
      expect(stages.filter((s) => s === 'pull version package')).toHaveLength(2);
      expect(stages.filter((s) => s === 'install on phone')).toHaveLength(4);
      expect(results(run).filter((r) => r.target_type === 'phone')).toHaveLength(4);
      // Each result names its version (empty for the server's own deploy job).
      expect(
        results(run)
          .map((r) => [r.stage, r.app_version_id])
          .filter(([stage]) => stage !== 'deploy app on server'),
      ).toEqual(Array(6).fill([expect.any(String), 'ver-1']));
      expect(
        results(run)
          .filter((r) => r.stage === 'deploy app on server')
          .map((r) => r.app_version_id),
      ).toEqual(['', '']);
      expect(run.summary).toContain('| Server | Stage |');
    } else {
      expect(results(run).map((r) => r.target)).toEqual(['srv-1', 'srv-2']);
    }
    // Polled through ListJobs by request id, never one ShowJob per job.
    const polls = apiRequests(emulator(), 'GET');
    expect(polls.length).toBeGreaterThan(0);
    expect(
      polls.every((r) => r.path.endsWith('/cloud-phone/jobs') && r.query.request_ids === requestIds[0]),
    ).toBe(true);
  });

  it('fails an unknown server at submit without polling it, and still finishes the others', async () => {
    const run = await runActionInProcess(inputs(operation, { ...extra, servers: 'srv-1 srv-bogus' }));
    expect(run.outputs.status).toBe('partial');
    expect(run.code).toBe(1);
    expect(run.outputs['failed-targets']).toBe('srv-bogus');
    const bogus = results(run).filter((r) => r.target === 'srv-bogus' || r.server === 'srv-bogus');
    expect(bogus.length).toBeGreaterThan(0);
    expect(bogus.every((r) => r.status === 'failed' && r.error_code === 'CPS.0097' && r.job_id === '')).toBe(
      true,
    );
    expect(run.summary).toContain('CPS.0097');
  });

  it('reports servers whose jobs fail', async () => {
    emulator().setOutcome('srv-2', { status: 'failed', errorCode: 'CPS.0003', errorMessage: 'system error' });
    const run = await runActionInProcess(inputs(operation, { ...extra, servers: 'srv-1,srv-2' }));
    expect(run.outputs.status).toBe('partial');
    expect(run.outputs['failed-targets']).toBe('srv-2');
  });

  it('splits 150 servers into calls of 100 and 50 and polls them with ListJobs pages', async () => {
    const servers = ids('srv-bulk-', 150);
    const run = await runActionInProcess(inputs(operation, { ...extra, servers: servers.join(',') }));
    expect(run.code).toBe(0);
    const submits = apiRequests(emulator(), 'POST');
    const sizes = submits.map((r) => {
      const body = r.body as { server_ids?: string[]; batch_deploy_app_version?: { server_ids: string[] } };
      return (body.server_ids ?? body.batch_deploy_app_version?.server_ids ?? []).length;
    });
    expect(sizes.sort((a, b) => a - b)).toEqual([50, 100]);
    expect(JSON.parse(run.outputs['request-ids'] ?? '[]')).toHaveLength(2);
    const targets = new Set(results(run).map((r) => r.server || r.target));
    expect(targets).toEqual(new Set(servers));
    // Both request ids go into one ListJobs call, paged with offset/limit.
    const polls = apiRequests(emulator(), 'GET');
    expect(polls.some((r) => (r.query.request_ids ?? '').split(',').length === 2)).toBe(true);
    expect(polls.some((r) => r.query.offset === '100' && r.query.limit === '100')).toBe(true);
    expect(emulator().duplicateTargets()).toEqual([]);
  });

  it('dry-run sends nothing', async () => {
    const run = await runActionInProcess(
      inputs(operation, { ...extra, servers: 'srv-1', 'dry-run': 'true' }),
    );
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(emulator().requests).toHaveLength(0);
  });
});

describe('ADB commands on servers (phones/commands with server_ids)', () => {
  it('reports one result per phone, each naming its server, and lists failed phones', async () => {
    const [bad, good] = phoneIdsOf('srv-2', 2) as [string, string];
    emulator().setOutcome(bad, { status: 'failed', errorCode: 'CPS.0003', errorMessage: 'system error' });
    const run = await runActionInProcess(
      inputs('run-command', { command: 'ls /data', servers: 'srv-1,srv-2' }),
    );
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('partial');
    // One server per call: the PhoneJob rows carry no server id, so that is how we know the server.
    const submits = apiRequests(emulator(), 'POST', '/phones/commands');
    expect(submits.map((r) => r.body)).toEqual([
      { command: 'shell', content: 'ls /data', server_ids: ['srv-1'] },
      { command: 'shell', content: 'ls /data', server_ids: ['srv-2'] },
    ]);
    const rows = results(run).map((r) => [r.server, r.target, r.target_type, r.status]);
    expect(rows.sort()).toEqual(
      [
        ...phoneIdsOf('srv-1', 2).map((p) => ['srv-1', p, 'phone', 'succeeded']),
        ['srv-2', bad, 'phone', 'failed'],
        ['srv-2', good, 'phone', 'succeeded'],
      ].sort(),
    );
    expect(run.outputs['failed-targets']).toBe(bad);
    expect(run.errors.some((e) => e.includes(`phone ${bad} (server srv-2)`))).toBe(true);
    expect(run.summary).toContain('| Server | Target | Status | Error | Output |');
    expect(run.summary).toContain(`| <code>srv-2</code> | <code>${bad}</code> | failed |`);
  });

  it('fails a server only when none of its phones got a job', async () => {
    const run = await runActionInProcess(
      inputs('run-command', {
        command: 'ls',
        servers: 'srv-1 srv-bogus',
        wait: 'false',
        'poll-interval': '',
      }),
    );
    const rows = results(run);
    expect(rows.filter((r) => r.server === 'srv-1').map((r) => r.target_type)).toEqual(['phone', 'phone']);
    expect(rows.filter((r) => r.server === 'srv-bogus')).toEqual([
      expect.objectContaining({ target: 'srv-bogus', target_type: 'server', status: 'failed' }),
    ]);
    // failed-targets is for `phones:`; the whole-server failure is in results and the summary.
    expect(run.outputs['failed-targets']).toBe('');
    expect(run.summary).toContain('srv-bogus');
  });
});

describe('ADB command content', () => {
  it('refuses an install whose whole content passes 1,024 bytes, naming obs-object and sending nothing', async () => {
    const run = await runActionInProcess(
      inputs('install-app', {
        phones: 'ph-1',
        'obs-bucket': 'apps-bucket',
        'obs-object': `${'k/'.repeat(505)}app.apk`,
        'install-flags': '-d -g',
      }),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain(
      "Input 'obs-object' leads to a CPH install command whose content must be at most 1024 bytes",
    );
    expect(emulator().requests).toHaveLength(0);
  });
});

describe('CPH polling', () => {
  it('a ListJobs error for one group of request ids fails that group only; the others are polled', async () => {
    // 21 servers, one request id each: ListJobs takes 20 per call, so two groups.
    emulator().addFault({
      method: 'GET',
      nth: 1,
      status: 400,
      body: JSON.stringify({ error_code: 'CPS.0002', error_msg: 'Parameter: request_ids is invalid.' }),
    });
    const run = await runActionInProcess(
      inputs('run-command', { command: 'ls', servers: ids('lj-', 21).join(','), 'max-concurrency': '1' }),
    );
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('partial');
    const failed = results(run).filter((r) => r.status === 'failed');
    expect([40, 2]).toContain(failed.length);
    expect(failed.every((r) => r.error_code === 'CPS.0002')).toBe(true);
    expect(results(run).filter((r) => r.status === 'succeeded')).toHaveLength(42 - failed.length);
  });
});

describe('X-Project-Id', () => {
  it('is sent and signed on every AK/SK-signed CPH call, submit and poll', async () => {
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(emulator(), 'aksk'),
      command: 'ls',
      phones: 'ph-1',
    });
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('succeeded');
    const calls = apiRequests(emulator());
    expect(calls.length).toBeGreaterThan(1);
    for (const r of calls) {
      expect(r.headers['x-project-id']).toBe(emulator().options.projectId);
      expect(r.headers.authorization).toMatch(/SignedHeaders=[^,]*x-project-id/);
    }
  });

  it('KooPhone with AK/SK asks for the project id of cn-south-1, sending nothing', async () => {
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(emulator(), 'aksk'),
      'project-id': '',
      command: 'ls',
      instances: 'i-1',
    });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain("Input 'project-id' is required for KooPhone with access-key/secret-key");
    expect(run.errors[0]).toContain('cn-south-1');
    expect(emulator().requests).toHaveLength(0);
  });
});

describe('CPH settings', () => {
  it('explains where to find a missing project id, sending nothing', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'push-shared-files',
      endpoint: e.url,
      'auth-token': 't',
      servers: 's1',
      ...cphOps['push-shared-files'],
    });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain("Input 'project-id' is required");
    expect(run.errors[0]).toContain('My Credentials');
    expect(e.requests).toHaveLength(0);
  });
});
