import * as z from '../zod.js';
import { parseBody } from './response.js';
import type { Transport } from './transport.js';

const nullableText = z.pipe(
  z.nullish(z.string()),
  z.transform((v: string | null | undefined) => v || undefined),
);

const submitJob = z.object({
  job_id: nullableText,
  job_type: z.nullish(z.number()),
  server_id: nullableText,
  phone_id: nullableText,
  app_version_id: nullableText,
  error_code: nullableText,
  error_msg: nullableText,
});
const submitBody = z.object({ request_id: z.string().check(z.minLength(1)), jobs: z.array(submitJob) });

const listedJob = z.object({
  job_id: z.string(),
  status: z.nullish(z.union([z.number(), z.string()])),
  server_id: nullableText,
  phone_id: nullableText,
  error_code: nullableText,
  error_msg: nullableText,
  execute_msg: nullableText,
});
const listBody = z.object({ jobs: z.array(listedJob) });

export type CphSubmitResult = z.infer<typeof submitBody>;
export type CphSubmitJob = z.infer<typeof submitJob>;
export type CphJob = z.infer<typeof listedJob>;

/** ListJobs limits, from the API reference. */
export const LIST_JOBS_MAX_REQUEST_IDS = 20;
const LIST_JOBS_PAGE = 100;
/** Java SDK ListJobsRequest: `offset` is at most 8096, so one listing reaches 8,100 jobs (offsets 0..8000). */
const LIST_JOBS_MAX_OFFSET = 8096;
export const LIST_JOBS_MAX_JOBS =
  Math.floor(LIST_JOBS_MAX_OFFSET / LIST_JOBS_PAGE) * LIST_JOBS_PAGE + LIST_JOBS_PAGE;

export class CphClient {
  constructor(
    private readonly transport: Transport,
    private readonly projectId: string,
  ) {}

  /** Path relative to /v1/{project_id}/cloud-phone. */
  submit(path: string, body: unknown, action: string): Promise<CphSubmitResult> {
    return this.transport.send({ method: 'POST', path: this.base(path), body, action }, (response, a) =>
      parseBody(submitBody, response, a),
    );
  }

  /**
   * Every job of up to 20 submits, paging through ListJobs. With `expected` (how many jobs those
   * submits started) it stops as soon as all are seen, saving the trailing empty page.
   */
  async listJobs(requestIds: string[], expected = Infinity): Promise<CphJob[]> {
    const jobs: CphJob[] = [];
    // Also bounded when the service keeps answering full pages: never past the offset it accepts.
    for (let offset = 0; offset <= LIST_JOBS_MAX_OFFSET; offset += LIST_JOBS_PAGE) {
      const page = await this.transport.send(
        {
          method: 'GET',
          path: this.base('/jobs'),
          query: { request_ids: requestIds.join(','), offset: String(offset), limit: String(LIST_JOBS_PAGE) },
          action: 'CPH ListJobs',
        },
        (response, a) => parseBody(listBody, response, a).jobs,
      );
      jobs.push(...page);
      if (page.length < LIST_JOBS_PAGE || jobs.length >= expected) return jobs;
    }
    return jobs;
  }

  private base(path: string): string {
    return `/v1/${encodeURIComponent(this.projectId)}/cloud-phone${path}`;
  }
}
