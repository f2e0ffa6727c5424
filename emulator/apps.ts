// The app side of the fleet model: which packages can be launched, the processes a launch starts, and
// each target's crash log buffer. It answers the three commands of a smoke check (monkey, pidof,
// logcat -b crash) as a device would, in the formats Android prints them (sources named per rule).

/** How a package behaves when launched. Set by the test; the default is a well-behaved app. */
export interface AppBehaviour {
  /** false: the manifest declares no launcher activity, so monkey finds nothing to run. */
  launcher?: boolean;
  /** The app dies this long after its launch (default 400 ms), logging a Java crash. */
  crash?: { afterMs?: number; exception?: string };
}

/** One entry of the crash buffer: AndroidRuntime logs a whole Java crash as one entry (RuntimeInit). */
interface CrashEntry {
  at: number;
  pid: number;
  tag: string;
  priority: 'E' | 'F';
  message: string;
}

interface AppProcess {
  pid: number;
  packageName: string;
  startedAt: number;
  diesAt: number;
}

/** The launch as the smoke check sends it: `monkey -p <package> -c android.intent.category.LAUNCHER <count>`. */
const MONKEY = /^monkey -p ([A-Za-z0-9_.]+) -c android\.intent\.category\.LAUNCHER (\d+)$/;
const PIDOF = /^pidof ([A-Za-z0-9_.]+)$/;
/** `-t <count>`: the newest <count> entries (logcat counts entries, not printed lines). */
const LOGCAT_CRASH = /^logcat -d -b crash -t (\d+)$/;

export class AppModel {
  private readonly behaviours = new Map<string, AppBehaviour>();
  private readonly processes = new Map<string, AppProcess[]>();
  private readonly crashes = new Map<string, CrashEntry[]>();
  private readonly withoutPidof = new Set<string>();
  private readonly nonZeroFails = new Set<string>();
  private nextPid = 4000;

  /** How `packageName` behaves on launch: everywhere, or on these targets only (they win). */
  setBehaviour(packageName: string, behaviour: AppBehaviour, targets?: string[]): void {
    for (const key of targets ? targets.map((t) => `${t}/${packageName}`) : [packageName])
      this.behaviours.set(key, behaviour);
  }

  /** Fault: the target's image has no `pidof` (older images without toybox's). */
  removePidof(target: string): void {
    this.withoutPidof.add(target);
  }

  /**
   * Fault: the command API of this target reports a command that exits non-zero as a failed job with no
   * output, as a service that passes on the shell's exit status would: toybox pidof exits 1 when no
   * process matches. No API page says whether CPH or KooPhone do so (inferred), so clients must read both.
   */
  failOnNonZeroExit(target: string): void {
    this.nonZeroFails.add(target);
  }

  /** Whether the job of this smoke command, which answered `output`, is reported as failed (see above). */
  failsWithExitStatus(target: string, command: string, output: string): boolean {
    return this.nonZeroFails.has(target) && PIDOF.test(command) && output === '';
  }

  /** Seeds a crash of some app in the target's crash buffer, as if it happened at `at` (default: long ago). */
  addCrash(target: string, packageName: string, at = 0, exception = 'java.lang.NullPointerException'): void {
    this.logCrash(target, packageName, this.nextPid++, at, exception);
  }

  /**
   * The output of a smoke-check command at time `at` (the job's end), or undefined for any other command.
   * `installed` tells whether the package is on the target then.
   */
  answer(
    target: string,
    command: string,
    at: number,
    installed: (packageName: string) => boolean,
  ): string | undefined {
    const monkey = MONKEY.exec(command);
    if (monkey) return this.launch(target, monkey[1]!, Number(monkey[2]), at, installed(monkey[1]!));
    const pidof = PIDOF.exec(command);
    if (pidof) return this.pidof(target, pidof[1]!, at);
    const logcat = LOGCAT_CRASH.exec(command);
    if (logcat) return this.crashLog(target, Number(logcat[1]), at);
    return undefined;
  }

  reset(): void {
    this.behaviours.clear();
    this.processes.clear();
    this.crashes.clear();
    this.withoutPidof.clear();
    this.nonZeroFails.clear();
    this.nextPid = 4000;
  }

  private behaviour(target: string, packageName: string): AppBehaviour {
    return this.behaviours.get(`${target}/${packageName}`) ?? this.behaviours.get(packageName) ?? {};
  }

  /**
   * AOSP's monkey script echoes each argument ("  bash arg: ..."), then Monkey.java prints its parsed
   * arguments; it ends with "Events injected: <n>" once it launched, or "** No activities found to run,
   * monkey aborted." when the package has no launcher activity (or is not installed).
   */
  private launch(target: string, packageName: string, count: number, at: number, installed: boolean): string {
    const args = ['-p', packageName, '-c', 'android.intent.category.LAUNCHER', String(count)];
    const head = [
      ...args.map((a) => `  bash arg: ${a}`),
      `args: [${args.join(', ')}]`,
      ...args.map((a) => ` arg: "${a}"`),
    ];
    const behaviour = this.behaviour(target, packageName);
    if (!installed || behaviour.launcher === false)
      return [...head, '** No activities found to run, monkey aborted.'].join('\n');
    const running = this.alive(target, packageName, at);
    if (!running) {
      const pid = this.nextPid++;
      const diesAt = behaviour.crash ? at + (behaviour.crash.afterMs ?? 400) : Infinity;
      const list = this.processes.get(target) ?? [];
      list.push({ pid, packageName, startedAt: at, diesAt });
      this.processes.set(target, list);
      if (behaviour.crash)
        this.logCrash(
          target,
          packageName,
          pid,
          diesAt,
          behaviour.crash.exception ?? 'java.lang.IllegalStateException: boom',
        );
    }
    return [
      ...head,
      `data="${packageName}"`,
      'data="android.intent.category.LAUNCHER"',
      `Events injected: ${count}`,
      `## Network stats: elapsed time=18ms (0ms mobile, 0ms wifi, 18ms not connected)`,
    ].join('\n');
  }

  private alive(target: string, packageName: string, at: number): AppProcess | undefined {
    return (this.processes.get(target) ?? []).find(
      (p) => p.packageName === packageName && p.startedAt <= at && at < p.diesAt,
    );
  }

  /**
   * toybox pidof: the ids of the processes of that name, separated by spaces, nothing when there is none.
   * Without it, mksh answers "<shell>: pidof: inaccessible or not found".
   */
  private pidof(target: string, name: string, at: number): string {
    if (this.withoutPidof.has(target)) return '/system/bin/sh: pidof: inaccessible or not found';
    return (this.processes.get(target) ?? [])
      .filter((p) => p.packageName === name && p.startedAt <= at && at < p.diesAt)
      .map((p) => String(p.pid))
      .join(' ');
  }

  /**
   * `logcat -d -b crash -t <n>` in logcat's default threadtime format: "--------- beginning of crash", then
   * each line of the newest n entries under the header `MM-DD hh:mm:ss.mmm  PID  TID L TAG: ` (logprint.cpp
   * prefixes every line of a multi-line message).
   */
  private crashLog(target: string, count: number, at: number): string {
    const entries = (this.crashes.get(target) ?? []).filter((e) => e.at <= at).slice(-count);
    if (entries.length === 0) return '';
    const lines = ['--------- beginning of crash'];
    for (const e of entries) {
      const d = new Date(e.at);
      const pad = (n: number, w = 2) => String(n).padStart(w, '0');
      const time = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
      const header = `${time} ${String(e.pid).padStart(5)} ${String(e.pid).padStart(5)} ${e.priority} ${e.tag.padEnd(8)}: `;
      for (const line of e.message.split('\n')) lines.push(header + line);
    }
    return lines.join('\n');
  }

  /** A Java crash as RuntimeInit's KillApplicationHandler logs it: one AndroidRuntime entry. */
  private logCrash(target: string, packageName: string, pid: number, at: number, exception: string): void {
    const activity = `${packageName}/${packageName}.MainActivity`;
    const message = [
      'FATAL EXCEPTION: main',
      `Process: ${packageName}, PID: ${pid}`,
      `java.lang.RuntimeException: Unable to start activity ComponentInfo{${activity}}: ${exception}`,
      '\tat android.app.ActivityThread.performLaunchActivity(ActivityThread.java:3449)',
      '\tat android.app.ActivityThread.handleLaunchActivity(ActivityThread.java:3601)',
      '\tat android.app.servertransaction.LaunchActivityItem.execute(LaunchActivityItem.java:85)',
      '\tat android.app.ActivityThread$H.handleMessage(ActivityThread.java:2066)',
      '\tat android.os.Handler.dispatchMessage(Handler.java:106)',
      '\tat android.os.Looper.loop(Looper.java:223)',
      '\tat android.app.ActivityThread.main(ActivityThread.java:7656)',
      `Caused by: ${exception}`,
      `\tat ${packageName}.MainActivity.onCreate(MainActivity.java:12)`,
      '\tat android.app.Activity.performCreate(Activity.java:8000)',
      '\tat android.app.Instrumentation.callActivityOnCreate(Instrumentation.java:1309)',
      '\t... 11 more',
    ].join('\n');
    const list = this.crashes.get(target) ?? [];
    list.push({ at, pid, tag: 'AndroidRuntime', priority: 'E', message });
    list.sort((a, b) => a.at - b.at);
    this.crashes.set(target, list);
  }
}
