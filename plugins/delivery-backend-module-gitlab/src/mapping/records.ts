import { Entity } from '@backstage/catalog-model';
import {
  normalizeEnvironment,
  toHttpUrl,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { z } from 'zod';
import { parseGitLabTime } from './gitlabTime';

/** The `source` of every record this module delivers. */
export const GITLAB_SOURCE = 'gitlab';

/** The most change ids one deployment event may carry (the ingestion's limit). */
export const MAX_CHANGES_PER_DEPLOYMENT = 1000;

const time = z
  .string()
  .refine(value => parseGitLabTime(value) !== undefined, 'not a GitLab time');

const id = z.number().int().positive();

/** What we read of `GET /projects/:id/deployments` items (docs.gitlab.com/api/deployments). */
export const gitlabDeploymentSchema = z.object({
  id,
  iid: id.optional(),
  status: z.string(),
  created_at: time,
  updated_at: time,
  environment: z.object({ name: z.string().min(1).max(255) }),
  deployable: z
    .object({
      created_at: time.nullish(),
      started_at: time.nullish(),
      finished_at: time.nullish(),
      web_url: z.string().nullish(),
    })
    .nullish(),
});
export type GitLabDeployment = z.infer<typeof gitlabDeploymentSchema>;

/** What we read of merge request list items (docs.gitlab.com/api/merge_requests). */
export const gitlabMergeRequestSchema = z.object({
  id,
  iid: id,
  title: z.string().nullish(),
  created_at: time,
  updated_at: time,
  merged_at: time.nullish(),
  author: z.object({ username: z.string() }).nullish(),
  web_url: z.string().nullish(),
});

/** A merged merge request: one without `merged_at` cannot be placed in time and is skipped. */
export const mergedMergeRequestSchema = gitlabMergeRequestSchema.extend({
  merged_at: time,
});
export type GitLabMergeRequest = z.infer<typeof mergedMergeRequestSchema>;

/** What we read of `GET /projects/:id/merge_requests/:iid/commits` items. */
export const gitlabCommitSchema = z.object({
  authored_date: time.nullish(),
  committed_date: time.nullish(),
  created_at: time.nullish(),
});
export type GitLabCommit = z.infer<typeof gitlabCommitSchema>;

const STATUSES: Record<string, 'success' | 'failure'> = {
  success: 'success',
  failed: 'failure',
  canceled: 'failure',
};

/** Our status of a finished GitLab deployment; undefined while it runs, waits or is blocked. */
export function deploymentStatusOf(
  status: string,
): 'success' | 'failure' | undefined {
  return STATUSES[status];
}

/** The record id of a GitLab deployment: its instance-wide id, qualified by the host. */
export const deploymentIdOf = (host: string, deploymentId: number) =>
  `${host}/deployments/${deploymentId}`;

/** The record id of a merge request: its instance-wide id, qualified by the host. */
export const changeIdOf = (host: string, mergeRequestId: number) =>
  `${host}/merge_requests/${mergeRequestId}`;

const earliest = (times: (string | undefined)[]) =>
  times
    .filter((value): value is string => value !== undefined)
    .reduce<string | undefined>(
      (min, value) => (min === undefined || value < min ? value : min),
      undefined,
    );

/** The reason a parse failed, short enough for the sync status. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map(issue => `${issue.path.join('.') || 'record'}: ${issue.message}`)
    .join('; ');
}

/** Why a deployment was made, when its merge requests say it fixed production. */
export type ReworkReason = 'hotfix' | 'rollback';

/**
 * Labels and source-branch prefixes that mark a merge request as an unplanned fix: `hotfix` as a
 * hotfix, `revert` (GitLab's revert branches are named `revert-<sha>`) as a rollback.
 */
export const defaultReworkMarkers: Record<ReworkReason, string[]> = {
  hotfix: ['hotfix'],
  rollback: ['revert'],
};

/**
 * The rework reason of the merge requests a deployment shipped, from their labels (equal to a
 * marker, ignoring case) and source branches (starting with one); a rollback wins over a hotfix.
 */
export function reworkReasonOf(
  mergeRequests: unknown[],
  markers: Record<ReworkReason, string[]> = defaultReworkMarkers,
): ReworkReason | undefined {
  const marks = (reason: ReworkReason) =>
    mergeRequests.some(item => {
      const request = (item ?? {}) as {
        labels?: unknown;
        source_branch?: unknown;
      };
      const labels = Array.isArray(request.labels)
        ? request.labels
            .filter((label): label is string => typeof label === 'string')
            .map(label => label.toLowerCase())
        : [];
      const branch =
        typeof request.source_branch === 'string'
          ? request.source_branch.toLowerCase()
          : '';
      return markers[reason].some(marker => {
        const lower = marker.toLowerCase();
        return labels.includes(lower) || branch.startsWith(lower);
      });
    });
  if (marks('rollback')) return 'rollback';
  if (marks('hotfix')) return 'hotfix';
  return undefined;
}

/**
 * The deployment event of a finished GitLab deployment, or undefined for one still running.
 * Times come from the deployment's job where it has one (API-created deployments have none).
 */
export function toDeploymentEvent(options: {
  deployment: GitLabDeployment;
  entity: Entity;
  entityRef: string;
  host: string;
  changeIds: string[];
  reason?: ReworkReason;
}) {
  const { deployment, entity, entityRef, host, changeIds, reason } = options;
  const status = deploymentStatusOf(deployment.status);
  if (!status) {
    return undefined;
  }
  const job = deployment.deployable;
  const finishedAt =
    parseGitLabTime(job?.finished_at) ?? parseGitLabTime(deployment.updated_at);
  const startedAt =
    parseGitLabTime(job?.started_at) ??
    parseGitLabTime(job?.created_at) ??
    parseGitLabTime(deployment.created_at);
  return {
    type: 'deployment',
    source: GITLAB_SOURCE,
    id: deploymentIdOf(host, deployment.id),
    entityRef,
    environment: normalizeEnvironment(entity, deployment.environment.name),
    status,
    // A deployment record can be created after its job finished; never start after the finish.
    startedAt: earliest([startedAt, finishedAt]),
    finishedAt,
    changeIds: [...new Set(changeIds)].slice(0, MAX_CHANGES_PER_DEPLOYMENT),
    url: toHttpUrl(job?.web_url),
    ...(reason && { reason }),
  };
}

/**
 * The change event of a merged merge request. Its first commit is the earliest authored or
 * committed date of its commits (the MR's creation when it lists none), never after the merge.
 */
export function toChangeEvent(options: {
  mergeRequest: GitLabMergeRequest;
  commits: GitLabCommit[];
  entityRef: string;
  host: string;
}) {
  const { mergeRequest, commits, entityRef, host } = options;
  const mergedAt = parseGitLabTime(mergeRequest.merged_at);
  const firstCommit =
    earliest(
      commits.flatMap(commit => [
        parseGitLabTime(commit.authored_date),
        parseGitLabTime(commit.committed_date),
      ]),
    ) ?? parseGitLabTime(mergeRequest.created_at);
  return {
    type: 'change',
    source: GITLAB_SOURCE,
    id: changeIdOf(host, mergeRequest.id),
    entityRef,
    firstCommitAt: earliest([firstCommit, mergedAt]),
    mergedAt,
    title: mergeRequest.title?.slice(0, 1000) ?? undefined,
    author: mergeRequest.author?.username.slice(0, 255),
    url: toHttpUrl(mergeRequest.web_url),
  };
}
