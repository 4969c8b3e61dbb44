import { Entity } from '@backstage/catalog-model';
import {
  GitLabDeployment,
  GitLabMergeRequest,
  MAX_CHANGES_PER_DEPLOYMENT,
  changeIdOf,
  gitlabCommitSchema,
  toChangeEvent,
  reworkReasonOf,
  toDeploymentEvent,
} from '../mapping/records';
import { GitLabClient, projectApiPath } from './GitLabClient';

/** Up to 1,000 merge requests per deployment: the most one event may link. */
const MAX_DEPLOYMENT_MR_PAGES = MAX_CHANGES_PER_DEPLOYMENT / 100;
/** Up to 5,000 commits per merge request. */
const MAX_COMMIT_PAGES = 50;

/**
 * The change event of a merged merge request, with its first commit from
 * `GET /projects/:id/merge_requests/:iid/commits`.
 */
export async function changeEventOf(options: {
  client: GitLabClient;
  projectSlug: string;
  mergeRequest: GitLabMergeRequest;
  entityRef: string;
}) {
  const { client, projectSlug, mergeRequest, entityRef } = options;
  const items = await client.all(
    `${projectApiPath(projectSlug)}/merge_requests/${mergeRequest.iid}/commits`,
    {},
    { maxPages: MAX_COMMIT_PAGES },
  );
  const commits = items.flatMap(item => {
    const parsed = gitlabCommitSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  return toChangeEvent({
    mergeRequest,
    commits,
    entityRef,
    host: client.host,
  });
}

/**
 * The deployment event of a finished deployment, linked to the merge requests it shipped
 * (`GET /projects/:id/deployments/:deployment_id/merge_requests`); undefined while it runs.
 */
export async function deploymentEventOf(options: {
  client: GitLabClient;
  projectSlug: string;
  deployment: GitLabDeployment;
  entity: Entity;
  entityRef: string;
}) {
  const { client, projectSlug, deployment, entity, entityRef } = options;
  const unlinked = toDeploymentEvent({
    deployment,
    entity,
    entityRef,
    host: client.host,
    changeIds: [],
  });
  if (!unlinked) {
    return undefined;
  }
  const mergeRequests = await client.all(
    `${projectApiPath(projectSlug)}/deployments/${
      deployment.id
    }/merge_requests`,
    {},
    { maxPages: MAX_DEPLOYMENT_MR_PAGES },
  );
  const changeIds = mergeRequests.flatMap(item => {
    const id = (item as { id?: unknown } | null)?.id;
    return typeof id === 'number' && Number.isInteger(id)
      ? [changeIdOf(client.host, id)]
      : [];
  });
  return toDeploymentEvent({
    deployment,
    entity,
    entityRef,
    host: client.host,
    changeIds,
    reason: reworkReasonOf(mergeRequests),
  });
}
