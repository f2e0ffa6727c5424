// Every run sets every output of action.yml, and nothing else: a later step must never read a missing
// output, and an output the action sets but does not declare is one no workflow can rely on.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setOutputs } from '../src/report/outputs.js';
import type { RunReport } from '../src/run/run-report.js';
import { parseActionYml } from './support/action-yml.js';
import { parseOutputFile } from './support/run-action.js';

const declared = parseActionYml(readFileSync(resolve(import.meta.dirname, '../action.yml'), 'utf8')).outputs;
const saved = process.env.GITHUB_OUTPUT;

afterEach(() => {
  process.env.GITHUB_OUTPUT = saved;
});

function outputsOf(report: RunReport): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'cpd-outputs-'));
  process.env.GITHUB_OUTPUT = join(dir, 'out');
  writeFileSync(process.env.GITHUB_OUTPUT, '');
  setOutputs(report, dir);
  return parseOutputFile(readFileSync(process.env.GITHUB_OUTPUT, 'utf8'));
}

const base: RunReport = {
  operation: 'run-command',
  status: 'succeeded',
  jobs: [{ target: 'i1', targetType: 'instance', status: 'succeeded', jobId: 'j1' }],
  batchIds: ['t1'],
  batchIdsOutput: 'task-ids',
  elapsedMs: 1000,
  notes: [],
};

describe('setOutputs', () => {
  it('sets exactly the outputs action.yml declares, with their defaults when the run gave none', () => {
    const outputs = outputsOf(base);
    expect(Object.keys(outputs).sort()).toEqual([...declared].sort());
    expect(outputs).toMatchObject({
      'apk-url': '',
      'obs-object': '',
      'credentials-expiration': '',
      targets: '[]',
      halted: 'false',
      'waves-completed': '0',
      'pending-targets': '[]',
      'task-ids': '["t1"]',
      'request-ids': '[]',
    });
  });

  it("passes on the values a run gave, and adds a rollout's unstarted targets to the running ones", () => {
    const outputs = outputsOf({
      ...base,
      status: 'halted',
      jobs: [{ target: 'i1', targetType: 'instance', status: 'running' }],
      operationOutputs: { 'obs-object': 'apps/demo.apk' },
      credentialsExpiration: new Date('2026-12-06T01:00:00Z'),
      targets: ['i1', 'i2'],
      waves: { rows: [], halted: true, completed: 1, notStarted: ['i2'] },
    });
    expect(Object.keys(outputs).sort()).toEqual([...declared].sort());
    expect(outputs).toMatchObject({
      'obs-object': 'apps/demo.apk',
      'credentials-expiration': '2026-12-06T01:00:00.000Z',
      targets: '["i1","i2"]',
      halted: 'true',
      'waves-completed': '1',
      'pending-targets': '["i2","i1"]',
    });
  });
});
