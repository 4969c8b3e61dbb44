import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { AuthenticationError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeliveryWebhookHandler,
  DeliveryWebhookRequest,
  constantTimeEquals,
  entitiesWithAnnotation,
  normalizeEnvironment,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { z } from 'zod';
import { projectApiPath } from './client/GitLabClient';
import { changeEventOf, deploymentEventOf } from './client/projectRecords';
import {
  GITLAB_PROJECT_SLUG_ANNOTATION,
  GitLabProject,
  GitLabProjects,
} from './GitLabProjects';
import { parseGitLabTime } from './mapping/gitlabTime';
import {
  GITLAB_SOURCE,
  changeIdOf,
  deploymentIdOf,
  deploymentStatusOf,
  describeIssues,
  gitlabDeploymentSchema,
  mergedMergeRequestSchema,
} from './mapping/records';

const projectSchema = z.object({
  path_with_namespace: z.string().min(1),
  web_url: z.url(),
});

// Payloads as documented at docs.gitlab.com/user/project/integrations/webhook_events.
const deploymentHookSchema = z.object({
  object_kind: z.literal('deployment'),
  status: z.string(),
  status_changed_at: z.string().optional(),
  deployment_id: z.number().int().positive(),
  deployable_url: z.string().nullish(),
  environment: z.string().min(1).max(255),
  project: projectSchema,
});

const mergeRequestHookSchema = z.object({
  object_kind: z.literal('merge_request'),
  project: projectSchema,
  user: z.object({ username: z.string() }).nullish(),
  object_attributes: z.object({
    id: z.number().int().positive(),
    iid: z.number().int().positive(),
    action: z.string().optional(),
    title: z.string().nullish(),
    created_at: z.string(),
    updated_at: z.string(),
    url: z.string().nullish(),
    last_commit: z.object({ timestamp: z.string() }).nullish(),
  }),
});

const earlier = (a: string | undefined, b: string | undefined) => {
  if (a && b) {
    return a < b ? a : b;
  }
  return a ?? b;
};

const httpUrl = (value: string | null | undefined) =>
  value && /^https?:\/\//.test(value) ? value : undefined;

/**
 * `POST /api/delivery/webhooks/gitlab`: GitLab's Deployment Hook (finished deployments) and
 * Merge Request Hook (merges), authenticated by the secret token GitLab sends as `X-Gitlab-Token`.
 * The records are completed from the API where the instance's integration allows (a deployment's
 * merge requests, a merge request's first commit), so they equal what the scheduled sync stores.
 */
export class GitLabWebhookHandler implements DeliveryWebhookHandler {
  constructor(
    private readonly options: {
      webhookToken: string;
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
      projects: GitLabProjects;
    },
  ) {}

  getName() {
    return GITLAB_SOURCE;
  }

  async verify(request: DeliveryWebhookRequest) {
    const token = request.headers['x-gitlab-token'];
    if (!token) {
      throw new AuthenticationError('Missing X-Gitlab-Token header');
    }
    if (!constantTimeEquals(token, this.options.webhookToken)) {
      throw new AuthenticationError('Invalid X-Gitlab-Token');
    }
  }

  getDeliveryId(request: DeliveryWebhookRequest) {
    return (
      request.headers['x-gitlab-event-uuid'] ??
      request.headers['x-gitlab-webhook-uuid']
    );
  }

  async toEvents(
    request: DeliveryWebhookRequest,
  ): Promise<{ events: unknown[]; ignored?: string }> {
    const kind = request.headers['x-gitlab-event'];
    if (kind !== 'Deployment Hook' && kind !== 'Merge Request Hook') {
      return { events: [], ignored: `event ${kind ?? '(none)'} is not stored` };
    }
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody.toString('utf8'));
    } catch {
      throw new InputError(`The ${kind} body is not JSON`);
    }
    return kind === 'Deployment Hook'
      ? this.deploymentEvents(body)
      : this.mergeRequestEvents(body);
  }

  private parse<T>(schema: z.ZodType<T>, body: unknown, kind: string): T {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new InputError(
        `Invalid ${kind} payload: ${describeIssues(parsed.error)}`,
      );
    }
    return parsed.data;
  }

  private async entityOf(project: z.infer<typeof projectSchema>) {
    const { auth, catalog, projects } = this.options;
    const target: GitLabProject = {
      host: new URL(project.web_url).host,
      slug: project.path_with_namespace,
    };
    const candidates = await entitiesWithAnnotation(
      catalog,
      auth,
      GITLAB_PROJECT_SLUG_ANNOTATION,
    );
    // The same owner the scheduled sync picks when several entities name the project.
    const entity = candidates
      .filter(candidate => {
        const named = projects.projectOf(candidate);
        return named && GitLabProjects.sameProject(named, target);
      })
      .sort((a, b) =>
        stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
      )[0];
    return { entity, target };
  }

  /** The API's answer where the integration allows, else undefined (logged): the hook suffices. */
  private async fromApi<T>(
    what: string,
    read: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      this.options.logger.warn(
        `GitLab webhook: could not read ${what} from the API, storing the hook's data: ${error}`,
      );
      return undefined;
    }
  }

  private async deploymentEvents(body: unknown) {
    const hook = this.parse(deploymentHookSchema, body, 'Deployment Hook');
    const status = deploymentStatusOf(hook.status);
    if (!status) {
      return {
        events: [],
        ignored: `deployment status ${hook.status} is not final`,
      };
    }
    const { entity, target } = await this.entityOf(hook.project);
    if (!entity) {
      return {
        events: [],
        ignored: `no entity is annotated with ${GITLAB_PROJECT_SLUG_ANNOTATION}: ${target.slug} on ${target.host}`,
      };
    }
    const entityRef = stringifyEntityRef(entity);
    const event = await this.fromApi(
      `deployment ${hook.deployment_id}`,
      async () => {
        const client = this.options.projects.clientFor(target.host);
        const deployment = gitlabDeploymentSchema.parse(
          await client.get(
            `${projectApiPath(target.slug)}/deployments/${hook.deployment_id}`,
          ),
        );
        return deploymentEventOf({
          client,
          projectSlug: target.slug,
          deployment,
          entity,
          entityRef,
        });
      },
    );
    if (event) {
      return { events: [event] };
    }
    const finishedAt = parseGitLabTime(hook.status_changed_at);
    return {
      events: [
        {
          type: 'deployment',
          source: GITLAB_SOURCE,
          id: deploymentIdOf(target.host, hook.deployment_id),
          entityRef,
          environment: normalizeEnvironment(entity, hook.environment),
          status,
          finishedAt,
          url: httpUrl(hook.deployable_url),
        },
      ],
    };
  }

  private async mergeRequestEvents(body: unknown) {
    const hook = this.parse(mergeRequestHookSchema, body, 'Merge Request Hook');
    const attributes = hook.object_attributes;
    if (attributes.action !== 'merge') {
      return {
        events: [],
        ignored: `merge request action ${
          attributes.action ?? '(none)'
        } is not a merge`,
      };
    }
    const { entity, target } = await this.entityOf(hook.project);
    if (!entity) {
      return {
        events: [],
        ignored: `no entity is annotated with ${GITLAB_PROJECT_SLUG_ANNOTATION}: ${target.slug} on ${target.host}`,
      };
    }
    const entityRef = stringifyEntityRef(entity);
    const event = await this.fromApi(
      `merge request !${attributes.iid}`,
      async () => {
        const client = this.options.projects.clientFor(target.host);
        const mergeRequest = mergedMergeRequestSchema.parse(
          await client.get(
            `${projectApiPath(target.slug)}/merge_requests/${attributes.iid}`,
          ),
        );
        return changeEventOf({
          client,
          projectSlug: target.slug,
          mergeRequest,
          entityRef,
        });
      },
    );
    if (event) {
      return { events: [event] };
    }
    // Without the API: merged at the hook's update, first commit no later than the MR's creation
    // or its last commit (the hook names no other).
    const mergedAt = parseGitLabTime(attributes.updated_at);
    const firstCommitAt = earlier(
      earlier(
        parseGitLabTime(attributes.created_at),
        parseGitLabTime(attributes.last_commit?.timestamp),
      ),
      mergedAt,
    );
    if (!firstCommitAt) {
      throw new InputError(
        'Invalid Merge Request Hook payload: object_attributes.created_at is not a time',
      );
    }
    return {
      events: [
        {
          type: 'change',
          source: GITLAB_SOURCE,
          id: changeIdOf(target.host, attributes.id),
          entityRef,
          firstCommitAt,
          mergedAt,
          title: attributes.title?.slice(0, 1000) ?? undefined,
          url: httpUrl(attributes.url),
        },
      ],
    };
  }
}
