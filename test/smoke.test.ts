// The smoke check's reading of what the devices answer: monkey's launch output, pidof, and the crash log.
import { describe, expect, it } from 'vitest';
import { commandContentProblem } from '../src/inputs/rules.js';
import type { Job } from '../src/api/jobs.js';
import {
  crashExcerpt,
  crashLogQuery,
  interpretLaunch,
  interpretProcess,
  launchCommand,
  processQuery,
} from '../src/run/smoke.js';

const PKG = 'com.example.demo';
const job = (fields: Partial<Job>): Job => ({
  target: 'phone-1',
  targetType: 'phone',
  jobId: 'j1',
  status: 'succeeded',
  ...fields,
});

describe('smoke commands', () => {
  it('obey the command content rule, even for the longest package name', () => {
    const longest = `a.${'b'.repeat(97)}`;
    for (const command of [launchCommand(longest), processQuery(longest), crashLogQuery()])
      expect(commandContentProblem(command)).toBeUndefined();
  });
});

describe('interpretLaunch', () => {
  it('takes an answer without monkey errors as launched, even when cut before "Events injected"', () => {
    expect(interpretLaunch(job({ output: '  bash arg: -p\nEvents injected: 1' }), PKG)).toEqual({
      kind: 'launched',
    });
    expect(interpretLaunch(job({ output: '  bash arg: -p\n  bash arg: com.exa' }), PKG)).toEqual({
      kind: 'launched',
    });
  });

  it('reads "No activities found" and other "** " errors as not started, with the output', () => {
    const launch = interpretLaunch(
      job({ output: '  bash arg: -p\n** No activities found to run, monkey aborted.' }),
      PKG,
    );
    expect(launch).toMatchObject({ kind: 'not-started' });
    expect(launch).toEqual({
      kind: 'not-started',
      reason: `${PKG} did not start: ** No activities found to run, monkey aborted.`,
      output: 'bash arg: -p\n** No activities found to run, monkey aborted.',
    });
    expect(
      interpretLaunch(job({ output: '/system/bin/sh: monkey: inaccessible or not found' }), PKG),
    ).toEqual({
      kind: 'not-started',
      reason: `${PKG} could not be launched: /system/bin/sh: monkey: inaccessible or not found`,
      output: '/system/bin/sh: monkey: inaccessible or not found',
    });
    expect(interpretLaunch(job({ output: '** Error: Unknown option: -x' }), PKG)).toMatchObject({
      kind: 'not-started',
    });
  });

  it('a failed launch job is not started; one never sent (cancelled, deadline) or still running is unknown', () => {
    expect(
      interpretLaunch(
        job({ status: 'failed', errorCode: 'CPH.PHONE.NOT_RUNNING', errorMessage: 'stopped' }),
        PKG,
      ),
    ).toEqual({ kind: 'not-started', reason: `the launch of ${PKG} failed: CPH.PHONE.NOT_RUNNING: stopped` });
    expect(interpretLaunch(job({ status: 'failed', errorCode: 'CPS.0003', output: 'Killed' }), PKG)).toEqual({
      kind: 'not-started',
      reason: `the launch of ${PKG} failed: CPS.0003`,
      output: 'Killed',
    });
    expect(
      interpretLaunch(
        job({ status: 'failed', jobId: undefined, errorMessage: 'not submitted: the run was cancelled' }),
        PKG,
      ),
    ).toMatchObject({ kind: 'unknown' });
    expect(interpretLaunch(job({ status: 'running' }), PKG)).toMatchObject({ kind: 'unknown' });
    expect(interpretLaunch(undefined, PKG)).toMatchObject({ kind: 'unknown' });
  });
});

describe('interpretProcess', () => {
  it('process ids: running; nothing: gone', () => {
    expect(interpretProcess(job({ output: '4321\n' }))).toEqual({ kind: 'running' });
    expect(interpretProcess(job({ output: '4321 4400' }))).toEqual({ kind: 'running' });
    expect(interpretProcess(job({ output: '' }))).toEqual({ kind: 'gone' });
    expect(interpretProcess(job({ output: undefined }))).toEqual({ kind: 'gone' });
  });

  it('no pidof, a cut answer, an unreadable one or a failed job: unknown', () => {
    expect(interpretProcess(job({ output: '/system/bin/sh: pidof: inaccessible or not found' }))).toEqual({
      kind: 'unknown',
      reason: 'the image has no pidof: /system/bin/sh: pidof: inaccessible or not found',
    });
    expect(interpretProcess(job({ output: `${'1 '.repeat(511)}12` }))).toEqual({
      kind: 'unknown',
      reason: 'the answer of pidof was cut at the service limit',
    });
    expect(interpretProcess(job({ output: 'Segmentation fault' }))).toMatchObject({ kind: 'unknown' });
    expect(interpretProcess(job({ status: 'failed', errorCode: 'CPS.0003', output: '' }))).toMatchObject({
      kind: 'unknown',
    });
    expect(interpretProcess(job({ status: 'running' }))).toMatchObject({ kind: 'unknown' });
  });
});

describe('crashExcerpt', () => {
  const log = [
    '--------- beginning of crash',
    '12-06 01:30:00.100  1200  1200 E AndroidRuntime: FATAL EXCEPTION: main',
    '12-06 01:30:00.100  1200  1200 E AndroidRuntime: Process: com.example.demo.plugin, PID: 1200',
    '12-06 01:30:00.100  1200  1200 E AndroidRuntime: java.lang.NullPointerException',
    '12-06 01:30:05.200  4321  4321 E AndroidRuntime: FATAL EXCEPTION: main',
    '12-06 01:30:05.200  4321  4321 E AndroidRuntime: Process: com.example.demo, PID: 4321',
    '12-06 01:30:05.200  4321  4321 E AndroidRuntime: java.lang.IllegalStateException: boom',
    '12-06 01:30:05.200  4321  4321 E AndroidRuntime: \tat com.example.demo.Main.onCreate(Main.java:1)',
    '12-06 01:30:07.000  5000  5010 F libc    : Fatal signal 11 (SIGSEGV), code 1 (SEGV_MAPERR), fault addr 0x0 in tid 5010 (RenderThread), pid 5000 (com.other.game)',
  ].join('\n');

  it('keeps the lines of the process whose crash names exactly this package', () => {
    expect(crashExcerpt(log, PKG)).toEqual(log.split('\n').slice(4, 8));
    // A package whose name contains ours is another app.
    expect(crashExcerpt(log, 'com.example')).toEqual([]);
  });

  it('finds a native crash by the pid libc names and the crash dumper lines by >>> package <<<', () => {
    const native = [
      '12-06 01:31:00.000  6000  6000 F libc    : Fatal signal 6 (SIGABRT), code -1 (SI_QUEUE) in tid 6000 (main), pid 6000 (com.example.demo)',
      '12-06 01:31:00.300  6100  6100 F DEBUG   : pid: 6000, tid: 6000, name: main  >>> com.example.demo <<<',
      '12-06 01:31:00.300  6100  6100 F DEBUG   : backtrace:',
      '12-06 01:31:01.000  7000  7000 E AndroidRuntime: Process: com.other.app, PID: 7000',
    ].join('\n');
    expect(crashExcerpt(native, PKG)).toEqual(native.split('\n').slice(0, 3));
  });

  it('ignores text that is not logcat output', () => {
    expect(crashExcerpt('Process: com.example.demo, PID: 1\nlogcat: not found', PKG)).toEqual([]);
  });
});
