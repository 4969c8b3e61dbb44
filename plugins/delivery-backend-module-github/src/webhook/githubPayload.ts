import { webhookInstant } from '@delivery-insights/backstage-plugin-delivery-node';
import { z } from 'zod';

/*
 * The parts of GitHub's webhook payloads the handler reads
 * (https://docs.github.com/en/webhooks/webhook-events-and-payloads), with the types GitHub
 * documents; other fields pass through unchecked.
 */

const id = z.number().int().nonnegative();
const optionalText = z.string().nullish();

const repository = z.looseObject({
  full_name: z.string().min(1),
  default_branch: z.string().min(1),
});

const pullRequest = z
  .looseObject({
    number: id,
    title: optionalText,
    html_url: optionalText,
    merged: z.boolean().nullish(),
    merged_at: webhookInstant.nullish(),
    created_at: webhookInstant,
    updated_at: webhookInstant.nullish(),
    user: z.looseObject({ login: z.string() }).nullish(),
    base: z.looseObject({ ref: z.string() }),
  })
  .refine(pull => !pull.merged || typeof pull.merged_at === 'string', {
    path: ['merged_at'],
    message: 'must be the merge time of a merged pull request',
  });

const deployment = z.looseObject({
  id,
  sha: z.string().min(1),
  environment: z.string(),
  created_at: webhookInstant,
  updated_at: webhookInstant.nullish(),
});

const deploymentStatus = z.looseObject({
  state: z.string(),
  created_at: webhookInstant,
  updated_at: webhookInstant.nullish(),
  target_url: optionalText,
  log_url: optionalText,
  environment_url: optionalText,
});

const workflowRun = z.looseObject({
  id,
  head_sha: z.string().min(1),
  head_branch: optionalText,
  path: z.string(),
  status: optionalText,
  conclusion: optionalText,
  created_at: webhookInstant,
  run_started_at: webhookInstant.nullish(),
  updated_at: webhookInstant,
  html_url: optionalText,
});

/** The payload of each GitHub event the handler stores, by its `X-GitHub-Event`. */
export const githubPayloadSchemas = {
  pull_request: z.looseObject({
    action: z.string(),
    repository,
    pull_request: pullRequest,
  }),
  deployment_status: z.looseObject({
    action: z.string().optional(),
    repository,
    deployment,
    deployment_status: deploymentStatus,
  }),
  workflow_run: z.looseObject({
    action: z.string(),
    repository,
    workflow_run: workflowRun,
  }),
};

export type GithubWebhookEvent = keyof typeof githubPayloadSchemas;

export type GithubPayload = z.output<
  (typeof githubPayloadSchemas)[GithubWebhookEvent]
>;
