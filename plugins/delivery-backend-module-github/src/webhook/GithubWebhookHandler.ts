import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AuthenticationError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  constantTimeEquals,
  deployWorkflowsOf,
  DeliveryWebhookHandler,
  DeliveryWebhookRequest,
  entitiesWithAnnotation,
  hmacSha256Hex,
  normalizeEnvironment,
  parseWebhookPayload,
} from '@delivery-insights/backstage-plugin-delivery-node';
import {
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GithubClientFactory,
} from '../github/GithubClientFactory';
import { GithubRepository } from '../github/GithubRepository';
import {
  changeIdOf,
  DeploymentCandidate,
  firstCommitTime,
  MalformedRecordError,
  toChangeEvent,
  toDeploymentCandidate,
  toDeploymentEvent,
  reworkReasonOf,
  toRunCandidate,
} from '../github/mapping';
import { MergedPulls, shippedChanges } from '../github/shippedChanges';
import { githubPayloadSchemas, GithubWebhookEvent } from './githubPayload';

type Payload = Record<string, any>;

/** Older deployments looked at to find the previous successful one. */
const PREVIOUS_SEARCH_LIMIT = 10;

/**
 * `POST /api/delivery/webhooks/github`: `deployment_status`, `pull_request` (merged) and
 * `workflow_run` (completed deploy workflow) events of repositories that catalog entities name
 * with `github.com/project-slug`, signed with `delivery.github.webhookSecret`.
 */
export class GithubWebhookHandler implements DeliveryWebhookHandler {
  constructor(
    private readonly options: {
      secret?: string;
      auth: AuthService;
      catalog: CatalogService;
      clients: GithubClientFactory;
      logger: LoggerService;
    },
  ) {}

  getName() {
    return 'github';
  }

  async verify({ headers, rawBody }: DeliveryWebhookRequest) {
    const { secret } = this.options;
    if (!secret) {
      // The sender is not authenticated: the configuration key is for the operator's log only.
      this.options.logger.warn(
        'A GitHub webhook was refused: delivery.github.webhookSecret is not configured',
      );
      throw new AuthenticationError(
        'GitHub webhooks are not accepted by this backend',
      );
    }
    const signature = headers['x-hub-signature-256'];
    if (!signature) {
      throw new AuthenticationError('Missing X-Hub-Signature-256 header');
    }
    if (
      !constantTimeEquals(signature, `sha256=${hmacSha256Hex(secret, rawBody)}`)
    ) {
      throw new AuthenticationError('Invalid X-Hub-Signature-256 signature');
    }
  }

  getDeliveryId({ headers }: DeliveryWebhookRequest) {
    return headers['x-github-delivery'];
  }

  async toEvents({ headers, rawBody }: DeliveryWebhookRequest) {
    const event = headers['x-github-event'];
    if (!event || !Object.hasOwn(githubPayloadSchemas, event)) {
      return { events: [], ignored: `event ${event ?? '(none)'} is not used` };
    }
    const payload: Payload = parseWebhookPayload(
      'GitHub',
      rawBody,
      githubPayloadSchemas[event as GithubWebhookEvent],
    );
    const fullName = payload.repository.full_name;
    const entities = await this.entitiesOf(fullName);
    if (entities.length === 0) {
      return {
        events: [],
        ignored: `no catalog entity is annotated with ${GITHUB_PROJECT_SLUG_ANNOTATION}: ${fullName}`,
      };
    }
    const events: unknown[] = [];
    const ignored: string[] = [];
    for (const entity of entities) {
      const result = await this.eventsFor(event, entity, payload).catch(
        error => {
          // Whatever the schema cannot tell (an id too long for a record) is the sender's too.
          if (error instanceof MalformedRecordError) {
            throw new InputError(
              `Invalid GitHub webhook payload, nothing was stored: ${error.message}`,
            );
          }
          throw error;
        },
      );
      if (typeof result === 'string') {
        ignored.push(result);
      } else {
        events.push(...result);
      }
    }
    return events.length > 0
      ? { events }
      : { events, ignored: [...new Set(ignored)].join('; ') };
  }

  private async entitiesOf(fullName: string) {
    const { auth, catalog } = this.options;
    const entities = await entitiesWithAnnotation(
      catalog,
      auth,
      GITHUB_PROJECT_SLUG_ANNOTATION,
    );
    return entities.filter(
      entity =>
        entity.metadata.annotations?.[
          GITHUB_PROJECT_SLUG_ANNOTATION
        ]?.toLowerCase() === fullName.toLowerCase(),
    );
  }

  private refOf(entity: Entity) {
    const ref = this.options.clients.repositoryOf(entity);
    if (!ref) {
      throw new InputError(
        `${stringifyEntityRef(
          entity,
        )}: github.com/project-slug must be owner/name`,
      );
    }
    return ref;
  }

  private async repositoryOf(entity: Entity) {
    const ref = this.refOf(entity);
    return new GithubRepository(
      await this.options.clients.forRepository(ref),
      ref,
    );
  }

  /** The entity's events, or why there are none. */
  private async eventsFor(
    event: string,
    entity: Entity,
    payload: Payload,
  ): Promise<unknown[] | string> {
    const entityRef = stringifyEntityRef(entity);
    const { slug } = this.refOf(entity);
    const defaultBranch = payload.repository?.default_branch;
    if (event === 'pull_request') {
      const pull = payload.pull_request;
      if (payload.action !== 'closed' || !pull?.merged) {
        return 'only merged pull requests are stored';
      }
      if (pull.base?.ref !== defaultBranch) {
        return 'the pull request was not merged into the default branch';
      }
      return [
        toChangeEvent({
          entityRef,
          slug,
          pull,
          firstCommitAt: await this.firstCommitAt(entity, pull.number),
        }),
      ];
    }

    const workflows = deployWorkflowsOf(entity);
    const workflowRun: Payload | undefined = payload.workflow_run;
    let candidate: DeploymentCandidate;
    if (event === 'deployment_status') {
      if (workflows.length > 0) {
        return 'the entity deploys with workflows, not GitHub deployments';
      }
      const upstream = payload.deployment?.environment;
      const environment = normalizeEnvironment(entity, String(upstream));
      if (environment !== 'production') {
        return `environment ${upstream} is not a production environment`;
      }
      candidate = toDeploymentCandidate({
        entityRef,
        slug,
        deployment: payload.deployment ?? {},
        statuses: [payload.deployment_status ?? {}],
        environment,
      });
    } else {
      const file = String(workflowRun?.path ?? '')
        .split('/')
        .pop();
      if (payload.action !== 'completed') {
        return 'only completed workflow runs are stored';
      }
      if (!workflows.some(workflow => workflow === file)) {
        return `workflow ${file} is not a deploy workflow of the entity`;
      }
      if (workflowRun?.head_branch !== defaultBranch) {
        return 'the run is not on the default branch';
      }
      candidate = toRunCandidate({ entityRef, slug, run: workflowRun ?? {} });
    }
    if (candidate.outcome === 'pending') {
      return 'the deployment has not finished';
    }
    if (candidate.outcome === 'ignored') {
      return `workflow run concluded ${workflowRun?.conclusion}`;
    }
    if (candidate.outcome === 'failure') {
      return [toDeploymentEvent(entityRef, candidate, [])];
    }
    const repository = await this.repositoryOf(entity);
    const previous =
      event === 'deployment_status'
        ? await this.previousDeployment(repository, entity, payload, candidate)
        : await this.previousRun(repository, entity, workflowRun!, candidate);
    const shipped = await shippedChanges(
      repository,
      previous,
      candidate,
      await this.recentlyMerged(repository, entityRef, defaultBranch),
    );
    return [
      toDeploymentEvent(
        entityRef,
        candidate,
        shipped.changeIds,
        shipped.reason,
      ),
    ];
  }

  /** The first commit time from the PR's commits; the PR's creation time when they are unavailable. */
  private async firstCommitAt(entity: Entity, pullNumber: number) {
    try {
      const repository = await this.repositoryOf(entity);
      return firstCommitTime(await repository.pullCommits(pullNumber));
    } catch (error) {
      this.options.logger.warn(
        `Could not read the commits of pull request ${pullNumber}; using its creation time: ${error}`,
      );
      return undefined;
    }
  }

  /** The newest successful deployment to the same environment created before this one. */
  private async previousDeployment(
    repository: GithubRepository,
    entity: Entity,
    payload: Payload,
    current: DeploymentCandidate,
  ) {
    const entityRef = stringifyEntityRef(entity);
    let inspected = 0;
    for await (const page of repository.deploymentPages(
      String(payload.deployment.environment),
      PREVIOUS_SEARCH_LIMIT,
    )) {
      for (const deployment of page) {
        if (Date.parse(deployment.created_at) >= current.createdAt) {
          continue;
        }
        const candidate = toDeploymentCandidate({
          entityRef,
          slug: repository.ref.slug,
          deployment,
          statuses: await repository.deploymentStatuses(deployment.id),
          environment: current.environment,
        });
        if (candidate.outcome === 'success') {
          return candidate;
        }
        if (++inspected >= PREVIOUS_SEARCH_LIMIT) {
          return undefined;
        }
      }
      return undefined;
    }
    return undefined;
  }

  /** The newest successful run of the same workflow on the default branch created before this one. */
  private async previousRun(
    repository: GithubRepository,
    entity: Entity,
    current: Payload,
    candidate: DeploymentCandidate,
  ) {
    for await (const page of repository.workflowRunPages({
      workflow:
        String(current.path ?? '')
          .split('/')
          .pop() ?? '',
      branch: current.head_branch,
      status: 'success',
      created: `<${new Date(candidate.createdAt).toISOString()}`,
      perPage: 1,
    })) {
      return page.length > 0
        ? toRunCandidate({
            entityRef: stringifyEntityRef(entity),
            slug: repository.ref.slug,
            run: page[0],
          })
        : undefined;
    }
    return undefined;
  }

  /** Merge commits of the most recently updated merged pull requests (one page). */
  private async recentlyMerged(
    repository: GithubRepository,
    entityRef: string,
    defaultBranch: string,
  ): Promise<MergedPulls> {
    const merged: MergedPulls = {};
    for await (const page of repository.closedPullPages()) {
      for (const pull of page) {
        if (
          pull.merged_at &&
          pull.merge_commit_sha &&
          pull.base?.ref === defaultBranch
        ) {
          const reason = reworkReasonOf(pull);
          merged[pull.merge_commit_sha] = {
            changeId: changeIdOf(entityRef, repository.ref.slug, pull.number),
            mergedAt: pull.merged_at,
            ...(reason && { reason }),
          };
        }
      }
      break;
    }
    return merged;
  }
}
