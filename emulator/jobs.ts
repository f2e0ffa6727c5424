// The job table shared by both families. A job's state is a pure function of the clock (created
// time + duration), so nothing runs in the background and a stopped emulator leaves no timers.
import type { JobOutcome, ResolvedOptions, TargetKind } from './types.js';

export type JobStatus = 1 | 2 | -1;

export interface JobSpec {
  family: 'koophone' | 'cph';
  /** KooPhone task_id or CPH request_id. */
  groupId: string;
  jobId: string;
  target: string;
  kind: TargetKind;
  jobType?: 30 | 31 | 32;
  serverId?: string;
  phoneId?: string;
  appVersionId?: string;
  /** execute_msg when the outcome gives no output. */
  defaultOutput?: string;
  /** Counted by jobsPerTarget(): one per target per submit, never for sub-jobs. */
  countsForTarget: boolean;
  /** Operation identity for duplicateTargets(); absent for jobs that cannot be duplicates on their own. */
  operation?: string;
  /** Decided by the request itself (e.g. an instance that is not running); wins over setOutcome. */
  forcedOutcome?: JobOutcome;
  /**
   * What the target checks once it has the job, after the submit was answered (an instance
   * downloading and hashing its package): a problem it returns replaces the outcome. Run by
   * settle(), when jobs or the fleet are next looked at, not while the submit is answered.
   * Inferred: the install page answers a task id at once and reports download failures per job.
   */
  check?: () => JobOutcome | undefined;
}

export interface Job extends JobSpec {
  seq: number;
  createdAt: number;
  finishAt: number;
  outcome: JobOutcome;
}

export class JobStore {
  private jobs: Job[] = [];
  private byId = new Map<string, Job>();
  private groups = new Map<string, Job[]>();
  private overrides = new Map<string, JobOutcome>();
  private perOperation = new Map<string, { target: string; count: number }>();
  /** The latest finishAt of any job, kept up to date so lastJobFinishedAt() is O(1) at any size. */
  private latestFinish = -Infinity;
  /** Jobs whose check has not run yet, in the order created, with what runs once it has. */
  private unsettled: Array<{ job: Job; check: () => JobOutcome | undefined; settled?: (job: Job) => void }> =
    [];

  constructor(private readonly options: ResolvedOptions) {}

  setOutcome(target: string, outcome: JobOutcome): void {
    this.overrides.set(target, outcome);
  }

  /** The outcome a test set for this target, if any (used to fail the phones of a server). */
  outcomeOverride(target: string): JobOutcome | undefined {
    return this.overrides.get(target);
  }

  /** Outcomes are fixed when the job is created, so later setOutcome calls never rewrite history. */
  private resolveOutcome(target: string, kind: TargetKind): JobOutcome {
    return this.overrides.get(target) ?? this.options.outcome(target, kind) ?? { status: 'succeeded' };
  }

  /** A group (task or request) exists even when every target in it was rejected. */
  openGroup(groupId: string): void {
    if (!this.groups.has(groupId)) this.groups.set(groupId, []);
  }

  hasGroup(groupId: string): boolean {
    return this.groups.has(groupId);
  }

  isJobId(jobId: string): boolean {
    return this.byId.has(jobId);
  }

  /** The time a job sees: the request's time, unless the emulator runs jobs on a test clock. */
  private time(now: number | undefined): number {
    return this.options.jobClock === Date.now ? (now ?? Date.now()) : this.options.jobClock();
  }

  /** `settled` runs once the job's outcome is final: at once, or after its check (see JobSpec.check). */
  create(spec: JobSpec, requestTime?: number, settled?: (job: Job) => void): Job {
    const now = this.time(requestTime);
    if (this.byId.has(spec.jobId)) throw new Error(`duplicate job id ${spec.jobId}`);
    const outcome = spec.forcedOutcome ?? this.resolveOutcome(spec.target, spec.kind);
    const duration = Math.max(0, outcome.durationMs ?? this.options.jobDurationMs);
    const job: Job = { ...spec, seq: this.jobs.length, createdAt: now, finishAt: now + duration, outcome };
    this.jobs.push(job);
    if (job.finishAt > this.latestFinish) this.latestFinish = job.finishAt;
    this.byId.set(job.jobId, job);
    this.openGroup(job.groupId);
    this.groups.get(job.groupId)!.push(job);
    if (spec.operation !== undefined) {
      const key = `${spec.operation}\u0000${spec.target}`;
      const entry = this.perOperation.get(key) ?? { target: spec.target, count: 0 };
      entry.count++;
      this.perOperation.set(key, entry);
    }
    if (spec.check) this.unsettled.push({ job, check: spec.check, ...(settled ? { settled } : {}) });
    else settled?.(job);
    return job;
  }

  /** Runs the checks still pending; anything that reads outcomes or the fleet model calls it first. */
  settle(): void {
    for (const { job, check, settled } of this.unsettled.splice(0)) {
      const problem = check();
      if (problem) job.outcome = problem;
      settled?.(job);
    }
  }

  get(jobId: string): Job | undefined {
    return this.byId.get(jobId);
  }

  group(groupId: string): Job[] | undefined {
    return this.groups.get(groupId);
  }

  status(job: Job, requestTime?: number): JobStatus {
    this.settle();
    const now = this.time(requestTime);
    if (now < job.finishAt) return 1;
    return job.outcome.status === 'failed' ? -1 : 2;
  }

  /** Whether the job is still in the first half of its running time (KooPhone install: not run yet). */
  notStarted(job: Job, requestTime?: number): boolean {
    const now = this.time(requestTime);
    return now < job.createdAt + (job.finishAt - job.createdAt) / 2;
  }

  jobsPerTarget(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const job of this.jobs) {
      if (job.countsForTarget) counts.set(job.target, (counts.get(job.target) ?? 0) + 1);
    }
    return counts;
  }

  duplicateTargets(): string[] {
    const out = new Set<string>();
    for (const { target, count } of this.perOperation.values()) if (count > 1) out.add(target);
    return [...out];
  }

  /** When the last job reached its final state; undefined while any job still runs or none exists. */
  lastJobFinishedAt(requestTime?: number): number | undefined {
    const now = this.time(requestTime);
    if (this.jobs.length === 0) return undefined;
    return this.latestFinish <= now ? this.latestFinish : undefined;
  }

  reset(): void {
    this.jobs = [];
    this.byId.clear();
    this.groups.clear();
    this.overrides.clear();
    this.perOperation.clear();
    this.unsettled = [];
    this.latestFinish = -Infinity;
  }
}
