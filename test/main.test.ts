import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as core from '@actions/core';
import { run } from '../src/main.js';
import { connection, useEmulator } from './support/fixture.js';
import { parseOutputFile } from './support/run-action.js';

// The same flow as the end-to-end tests, in-process, so that coverage sees main and the layers under it.
const emulator = useEmulator();

async function runInProcess(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cpd-main-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_TEMP: dir,
  };
  for (const file of [files.GITHUB_OUTPUT, files.GITHUB_STEP_SUMMARY]) writeFileSync(file, '');
  const saved = { ...process.env };
  for (const key of Object.keys(process.env))
    if (key.startsWith('INPUT_') || key.startsWith('HUAWEI_CLOUD_')) delete process.env[key];
  Object.assign(process.env, files);
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  // @actions/core caches the summary file of the first run in a process; a runner starts one process per step.
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
    process.env = saved;
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  return {
    exitCode,
    log: lines.join(''),
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('run() in process', () => {
  it('runs a command on instances with AK/SK and reports success', async () => {
    const result = await runInProcess({
      operation: 'run-command',
      ...connection(emulator(), 'aksk'),
      command: 'ls',
      instances: 'a,b',
    });
    expect(result.outputs.status).toBe('succeeded');
    expect(result.exitCode).toBeUndefined();
    expect(result.summary).toContain('**2** succeeded');
  });

  it('deploys an app version and groups the stages by server', async () => {
    emulator().setOutcome('srv-2', { status: 'failed', errorCode: 'CPS.0003', errorMessage: 'system error' });
    const result = await runInProcess({
      operation: 'deploy-app-version',
      ...connection(emulator()),
      servers: 'srv-1,srv-2',
      'app-version-ids': 'v1',
    });
    expect(result.outputs.status).toBe('partial');
    expect(result.exitCode).toBe(1);
    expect(result.outputs['failed-targets']).toBe('srv-2');
    expect(result.summary).toContain('| Server | Stage |');
    expect(result.log).toContain('::error');
  });

  it('runs a shell command on CPH phones through the ADB command API', async () => {
    const result = await runInProcess({
      operation: 'run-command',
      ...connection(emulator()),
      command: 'getprop ro.serialno',
      phones: 'ph-1 ph-2',
    });
    expect(result.outputs.status).toBe('succeeded');
    const [submit] = emulator().requests.filter((r) => r.method === 'POST');
    expect(submit?.path).toMatch(/\/cloud-phone\/phones\/commands$/);
    expect(submit?.body).toEqual({
      command: 'shell',
      content: 'getprop ro.serialno',
      phone_ids: ['ph-1', 'ph-2'],
    });
    expect(JSON.parse(result.outputs.results ?? '[]')[0]).toMatchObject({
      target: 'ph-1',
      target_type: 'phone',
    });
  });

  it('dry-run sends nothing', async () => {
    const result = await runInProcess({
      operation: 'push-shared-files',
      ...connection(emulator()),
      servers: 's1',
      'obs-bucket': 'bkt',
      'obs-object': 'a.tar',
      'dry-run': 'true',
    });
    expect(result.outputs.status).toBe('dry-run');
    expect(emulator().requests).toHaveLength(0);
    expect(result.summary).toContain('/cloud-phone/phones/share-files');
  });

  it('fails on invalid input without outputs or requests', async () => {
    const result = await runInProcess({
      operation: 'run-command',
      ...connection(emulator()),
      command: 'ls|wc',
      instances: 'a',
    });
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain("::error::Input 'command'");
    expect(result.outputs).toEqual({});
    expect(emulator().requests).toHaveLength(0);
  });

  it('returns after submitting when wait is false', async () => {
    const result = await runInProcess({
      operation: 'push-shared-app',
      ...connection(emulator()),
      servers: 's1',
      'package-name': 'com.a.b',
      'obs-bucket': 'bkt',
      'obs-object': 'a.tar',
      wait: 'false',
    });
    expect(result.outputs.status).toBe('submitted');
    expect(JSON.parse(result.outputs['request-ids'] ?? '[]')).toHaveLength(1);
  });
});
