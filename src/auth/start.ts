/**
 * Keyless runs only (loaded lazily by main.ts): open the session before anything is sent, export
 * the keys for later steps when asked, and the auth-only mode (export-credentials without operation).
 */
import { ExportedEnv, Outputs } from '../inputs/names.js';
import { InputError } from '../inputs/errors.js';
import * as core from '@actions/core';
import { log, registerSecret } from '../log/untrusted.js';
import { now } from '../http/timing.js';
import type { KeylessRun } from '../inputs/credentials.js';
import { missingTokenMessage } from './oidc.js';
import { isKeylessFailure, KeylessSession } from './session.js';
import { exchangeBody, STS_PATH } from './sts.js';

// No import of operations/settings.ts, inputs/common.ts or inputs/keyless.ts here: sharing a zod-using
// module with the start-up code would split zod out of it and cost every run ~20 ms of start-up (measured).
export type Started = { ok: true; session?: KeylessSession } | { ok: false; message: string };

export interface StartOptions {
  signal?: AbortSignal;
  /** When the step started, on the run's clock: wait-timeout counts from there. */
  started: number;
  env?: Record<string, string | undefined>;
  /** A dry run that must list the fleet (a selection) needs keys for its read-only calls. */
  listsInDryRun?: boolean;
}

/** Exchanges the workflow's token for temporary keys (or, in a dry run, says how it would). */
export async function startKeyless(run: KeylessRun, options: StartOptions): Promise<Started> {
  const { signal, env = process.env, listsInDryRun = false } = options;
  const { keyless } = run;
  for (const name of keyless.ignoredEnv) {
    log.notice(`${name} is set in the environment but not used: agency-urn chooses keyless authentication.`);
  }
  if (run.dryRun && listsInDryRun) {
    log.info(
      "dry-run: the selection is resolved with read-only list calls, which need keys: exchanging the workflow's OIDC token for temporary keys. Nothing is sent to the fleet.",
    );
  } else if (run.dryRun) {
    const body = { ...exchangeBody(keyless, '***') };
    log.info(
      `dry-run: would request the workflow's OIDC token (audience ${keyless.audience ?? "GitHub's default, https://github.com/<owner>"}) and exchange it:\nPOST ${keyless.stsEndpoint}${STS_PATH}\n${JSON.stringify(body, null, 2)}`,
    );
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) log.warning(missingTokenMessage(env));
    return { ok: true };
  }
  try {
    const session = await KeylessSession.open(keyless, {
      env,
      requestTimeoutMs: run.requestTimeoutMs,
      deadline: options.started + run.waitTimeoutMs,
      signal,
      mask: registerSecret,
      info: (m) => log.info(m),
      warning: (m) => log.warning(m),
      debug: (m) => log.debug(m),
    });
    if (keyless.exportCredentials && !run.dryRun) await exportCredentials(session, run);
    return { ok: true, session };
  } catch (error) {
    if (isKeylessFailure(error)) return { ok: false, message: error.message };
    throw error;
  }
}

/** The huaweicloud/auth-action contract, so later steps (KooCLI, OBS tools) run keyless too. */
async function exportCredentials(session: KeylessSession, run: KeylessRun): Promise<void> {
  const keys = await session.current();
  core.exportVariable(ExportedEnv.AccessKey, keys.accessKey);
  core.exportVariable(ExportedEnv.SecretKey, keys.secretKey);
  core.exportVariable(ExportedEnv.SecurityToken, keys.securityToken ?? '');
  if (run.region) core.exportVariable(ExportedEnv.Region, run.region);
  if (run.projectId) core.exportVariable(ExportedEnv.ProjectId, run.projectId);
  log.info(
    `Exported the temporary credentials for later steps (${Object.values(ExportedEnv)
      .filter((n) => n !== ExportedEnv.Region || run.region)
      .filter((n) => n !== ExportedEnv.ProjectId || run.projectId)
      .join(', ')}), valid until ${session.expiration.toISOString()}; they are not renewed after this step.`,
  );
}

/** export-credentials: true and no operation: authenticate, export, and stop. */
export async function runAuthOnly(
  read: () => KeylessRun,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const stepStarted = now();
  let run: KeylessRun;
  try {
    run = read();
  } catch (error) {
    if (error instanceof InputError) {
      log.fail(error.message);
      core.setOutput(Outputs.Status, 'failed');
      core.setOutput(Outputs.CredentialsExpiration, '');
      await summary(`## ❌ Cloud Phone Deploy: authentication not started\n\n${block(error.message)}`);
      return;
    }
    throw error;
  }
  // As a run with an operation: a cancel stops the exchange at once and still writes the report.
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) log.warning(`Received ${signal}: stopping the authentication.`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let started: Started;
  try {
    started = await startKeyless(run, { signal: controller.signal, started: stepStarted, env });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const cancelled = controller.signal.aborted && !started.ok;
  core.setOutput(
    Outputs.Status,
    cancelled ? 'cancelled' : !started.ok ? 'failed' : run.dryRun ? 'dry-run' : 'succeeded',
  );
  core.setOutput(
    Outputs.CredentialsExpiration,
    (started.ok && started.session?.expiration.toISOString()) || '',
  );
  if (cancelled) {
    log.fail('The workflow was cancelled during keyless authentication: no credentials were exported.');
    await summary(
      '## 🛑 Cloud Phone Deploy: keyless authentication was cancelled\n\nNo credentials were exported.',
    );
    return;
  }
  if (!started.ok) {
    log.fail(started.message);
    await summary(`## ❌ Cloud Phone Deploy: keyless authentication failed\n\n${block(started.message)}`);
    return;
  }
  const until = started.session
    ? `, valid until ${started.session.expiration.toISOString()}`
    : ' (dry run: nothing was called)';
  await summary(
    `## ✅ Cloud Phone Deploy: authenticated\n\nAssumed agency \`${run.keyless.agencyUrn}\` as session \`${run.keyless.sessionName}\`${until}. Later steps of this job get HUAWEI_CLOUD_* credentials.`,
  );
}

/** Service text in the summary: a code block, so nothing in it is read as markdown or HTML. */
function block(text: string): string {
  return `\`\`\`text\n${text.replace(/`{3,}/g, "'''")}\n\`\`\``;
}

function summary(markdown: string): Promise<void> {
  return log.summary(markdown);
}
