// The fleet behind the list APIs and the commands: CPH servers (with tags) and their phones, KooPhone
// instances, each phone and instance with a state and a set of installed packages. Emulated installs
// change that set; `pm list packages` answers from it. Targets the model does not know behave as
// before the model existed (always running, nothing installed), so tests that name ids directly still work.
import { AppModel } from './apps.js';
import { phoneIdsOf } from './ids.js';

/** What an APK object in the emulated OBS installs. Seeded by the test (the emulator does not parse APKs). */
export interface PackageInfo {
  packageName: string;
  versionCode: number;
}

export interface ServerSpec {
  id: string;
  name?: string;
  /** CPH server status (SDK `Server.status`, ListCloudPhoneServers page): 5 normal, 2 abnormal, 8 frozen, 10 shut down. */
  status?: number;
  tags?: Record<string, string>;
  /** How many phones the server holds (default 2); their ids are `phoneIdsOf(id, n)`. */
  phones?: number;
}

export interface InstanceSpec {
  id: string;
  name?: string;
  pool?: string;
  /** batch-query `running_status` (KooPhone ListInstances page): 0 unknown, 1 stopped, 2 running, 3 going offline, 4 starting, 5 shut down. */
  runningStatus?: number;
}

export interface FleetServer {
  id: string;
  name: string;
  status: number;
  tags: Record<string, string>;
  seq: number;
}
export interface FleetPhone {
  id: string;
  name: string;
  serverId: string;
  /** ListPhones `status` (SDK `Phone.status`, ListCloudPhones page): 2 running, 0/1 creating, 3 resetting, 4 restarting, 6 frozen, 7 stopping, 8 stopped. */
  status: number;
}
export interface FleetInstance {
  id: string;
  name: string;
  pool: string;
  runningStatus: number;
}

interface Installed {
  versionCode: number;
  /** From this time on the target reports this version (the install job's end). */
  at: number;
}

/** `pm list packages --show-versioncode <filter>`: the only command the model answers itself. */
export const PM_LIST = /^pm list packages --show-versioncode ([A-Za-z0-9_.]+)$/;

export class FleetModel {
  readonly servers: FleetServer[] = [];
  readonly phones: FleetPhone[] = [];
  readonly instances: FleetInstance[] = [];
  private readonly packages = new Map<string, Map<string, Installed[]>>();
  private readonly stale = new Set<string>();
  private readonly objects = new Map<string, PackageInfo>();
  private readonly phoneById = new Map<string, FleetPhone>();
  private readonly instanceById = new Map<string, FleetInstance>();
  /** Launches, app processes and crash logs: what a smoke check's commands answer from. */
  readonly apps = new AppModel();

  addServers(specs: ServerSpec[]): void {
    for (const spec of specs) {
      this.servers.push({
        id: spec.id,
        name: spec.name ?? spec.id,
        status: spec.status ?? 5,
        tags: { ...(spec.tags ?? {}) },
        seq: this.servers.length,
      });
      phoneIdsOf(spec.id, spec.phones ?? 2).forEach((id, i) => {
        const phone = { id, name: `${spec.name ?? spec.id}-${i}`, serverId: spec.id, status: 2 };
        this.phones.push(phone);
        this.phoneById.set(id, phone);
      });
    }
  }

  addInstances(specs: InstanceSpec[]): void {
    for (const spec of specs) {
      const instance = {
        id: spec.id,
        name: spec.name ?? spec.id,
        pool: spec.pool ?? 'default',
        runningStatus: spec.runningStatus ?? 2,
      };
      this.instances.push(instance);
      this.instanceById.set(spec.id, instance);
    }
  }

  phonesOf(serverId: string): string[] {
    return this.phones.filter((p) => p.serverId === serverId).map((p) => p.id);
  }

  /** Sets a phone's `status` or an instance's `running_status` (a target going offline: 8 or 1). */
  setStatus(target: string, status: number): void {
    const phone = this.phoneById.get(target);
    if (phone) phone.status = status;
    const instance = this.instanceById.get(target);
    if (instance) instance.runningStatus = status;
    if (!phone && !instance) throw new Error(`the fleet has no phone or instance ${target}`);
  }

  /** Seeds an installed package, as if installed before the test began. */
  setInstalled(target: string, packageName: string, versionCode: number): void {
    this.history(target, packageName).push({ versionCode, at: -Infinity });
  }

  /** Fault: installs on this target report success but leave the old version in place. */
  staleInstalls(target: string, on = true): void {
    if (on) this.stale.add(target);
    else this.stale.delete(target);
  }

  describeObject(bucket: string, key: string, info: PackageInfo): void {
    this.objects.set(`${bucket}/${key}`, info);
  }

  objectInfo(bucket: string, key: string): PackageInfo | undefined {
    return this.objects.get(`${bucket}/${key}`);
  }

  /** Why a job cannot run on the target now, or undefined when it can (unknown targets always can). */
  notRunning(target: string): string | undefined {
    const phone = this.phoneById.get(target);
    if (phone && phone.status !== 2) return `phone ${target} is not running (status ${phone.status})`;
    const instance = this.instanceById.get(target);
    if (instance && instance.runningStatus !== 2)
      return `instance ${target} is not running (running_status ${instance.runningStatus})`;
    return undefined;
  }

  /** A successful install job: the target reports the new version from the job's end on. */
  recordInstall(target: string, info: PackageInfo | undefined, at: number): void {
    if (!info || this.stale.has(target)) return;
    this.history(target, info.packageName).push({ versionCode: info.versionCode, at });
  }

  /**
   * The output of `pm list packages --show-versioncode <filter>` at time `at`: one line per package
   * whose name contains the filter (Android's PackageManagerShellCommand matches substrings),
   * `package:<name> versionCode:<n>` (Android's `pm list packages --show-versioncode`). The 1,024-byte cap is applied by the job views.
   */
  pmList(target: string, filter: string, at: number): string {
    const lines: string[] = [];
    for (const [name, history] of this.packages.get(target) ?? []) {
      if (!name.includes(filter)) continue;
      const current = history.filter((h) => h.at <= at).at(-1);
      if (current) lines.push(`package:${name} versionCode:${current.versionCode}`);
    }
    return lines.join('\n');
  }

  /**
   * The output of an app command (monkey launch, pidof, crash log read) on `target` at time `at`, or
   * undefined for any other command. A package can be launched once its install has ended.
   */
  appCommand(target: string, command: string, at: number): string | undefined {
    return this.apps.answer(target, command, at, (name) =>
      (this.packages.get(target)?.get(name) ?? []).some((h) => h.at <= at),
    );
  }

  reset(): void {
    this.apps.reset();
    this.servers.length = 0;
    this.phones.length = 0;
    this.instances.length = 0;
    this.phoneById.clear();
    this.instanceById.clear();
    this.packages.clear();
    this.stale.clear();
    this.objects.clear();
  }

  private history(target: string, packageName: string): Installed[] {
    let byName = this.packages.get(target);
    if (!byName) this.packages.set(target, (byName = new Map()));
    let history = byName.get(packageName);
    if (!history) byName.set(packageName, (history = []));
    return history;
  }
}
