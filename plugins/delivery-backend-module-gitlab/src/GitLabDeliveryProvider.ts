import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeliveryProvider,
  DeliveryProviderContext,
  SkippedRecord,
  entitiesWithAnnotation,
} from '@internal/backstage-plugin-delivery-node';
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
  describeIssues,
  gitlabDeploymentSchema,
  mergedMergeRequestSchema,
} from './mapping/records';

const DAY_MS = 86_400_000;
export const GITLAB_SYNC_TASK_ID = 'delivery-gitlab-sync';

/** Where the last sync of an entity stopped: the newest `updated_at` seen per list. */
type Cursor = { mergeRequests?: string; deployments?: string };

const cursorSchema = z.object({
  mergeRequests: z.string().optional(),
  deployments: z.string().optional(),
});

function readCursor(value: string | undefined): Cursor {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(value ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The newest `updated_at` of a page, malformed records included so they are not re-read forever. */
function newestUpdate(page: unknown[], previous: string | undefined) {
  return page.reduce<string | undefined>((newest, item) => {
    const updated = parseGitLabTime(
      (item as { updated_at?: unknown } | null)?.updated_at,
    );
    return updated && (!newest || updated > newest) ? updated : newest;
  }, previous);
}

const upstreamId = (item: unknown) => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'number' ? id : undefined;
};

/**
 * Pulls deployments and merged merge requests of every entity annotated with
 * `gitlab.com/project-slug`, incrementally from each entity's cursor, through the shared ingestion.
 */
export class GitLabDeliveryProvider implements DeliveryProvider {
  private context?: DeliveryProviderContext;

  constructor(
    private readonly options: {
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
      scheduler: SchedulerService;
      schedule: SchedulerServiceTaskScheduleDefinition;
      projects: GitLabProjects;
      backfillDays: number;
    },
  ) {}

  getProviderId() {
    return GITLAB_SOURCE;
  }

  async connect(context: DeliveryProviderContext) {
    this.context = context;
    await this.options.scheduler.scheduleTask({
      id: GITLAB_SYNC_TASK_ID,
      ...this.options.schedule,
      fn: () => this.sync(),
    });
  }

  async triggerSync() {
    await this.options.scheduler.triggerTask(GITLAB_SYNC_TASK_ID);
  }

  /** One pass over every annotated entity; a failing entity is recorded and the next one goes on. */
  async sync() {
    const { auth, catalog, logger, projects } = this.options;
    if (!this.context) {
      throw new Error('The GitLab provider is not connected');
    }
    const { syncState } = this.context;
    const entities = (
      await entitiesWithAnnotation(
        catalog,
        auth,
        GITLAB_PROJECT_SLUG_ANNOTATION,
      )
    )
      .map(entity => ({ entity, entityRef: stringifyEntityRef(entity) }))
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    // Record ids are the project's, so one project feeds one entity: the first by reference.
    const owners: { project: GitLabProject; entityRef: string }[] = [];
    for (const { entity, entityRef } of entities) {
      const project = projects.projectOf(entity);
      if (!project) {
        continue;
      }
      const owner = owners.find(o =>
        GitLabProjects.sameProject(o.project, project),
      );
      if (owner) {
        await syncState.recordFailure(
          entityRef,
          new Error(
            `GitLab project ${project.host}/${project.slug} is also annotated on ${owner.entityRef}, which receives its records`,
          ),
        );
        continue;
      }
      owners.push({ project, entityRef });
      try {
        await this.syncEntity(entity, entityRef, project);
        await syncState.recordSuccess(entityRef);
      } catch (error) {
        logger.warn(
          `GitLab sync of ${entityRef} (${project.host}/${project.slug}) failed: ${error}`,
        );
        await syncState.recordFailure(entityRef, error as Error);
      }
    }
  }

  private async syncEntity(
    entity: Entity,
    entityRef: string,
    project: GitLabProject,
  ) {
    const { ingestion, syncState } = this.context!;
    const client = this.options.projects.clientFor(project.host);
    const base = projectApiPath(project.slug);
    const cursor = readCursor(await syncState.getCursor(entityRef));
    const backfillFrom = new Date(
      Date.now() - this.options.backfillDays * DAY_MS,
    ).toISOString();

    const savePage = async (
      page: unknown[],
      events: unknown[],
      skipped: SkippedRecord[],
    ) => {
      // Pages hold at most 100 records, well inside the ingestion's batch limit.
      if (events.length > 0) {
        await ingestion.ingest(events);
      }
      await syncState.saveProgress(entityRef, {
        cursor: JSON.stringify(cursor),
        recordsSeen: page.length,
        skipped,
      });
    };

    for await (const page of client.pages(`${base}/merge_requests`, {
      state: 'merged',
      updated_after: cursor.mergeRequests ?? backfillFrom,
      order_by: 'updated_at',
      sort: 'asc',
    })) {
      const events: unknown[] = [];
      const skipped: SkippedRecord[] = [];
      for (const item of page) {
        const parsed = mergedMergeRequestSchema.safeParse(item);
        if (!parsed.success) {
          const id = upstreamId(item);
          skipped.push({
            id: id ? changeIdOf(client.host, id) : undefined,
            reason: `merge request: ${describeIssues(parsed.error)}`,
          });
          continue;
        }
        events.push(
          await changeEventOf({
            client,
            projectSlug: project.slug,
            mergeRequest: parsed.data,
            entityRef,
          }),
        );
      }
      cursor.mergeRequests = newestUpdate(page, cursor.mergeRequests);
      await savePage(page, events, skipped);
    }

    for await (const page of client.pages(`${base}/deployments`, {
      updated_after: cursor.deployments ?? backfillFrom,
      order_by: 'updated_at',
      sort: 'asc',
    })) {
      const events: unknown[] = [];
      const skipped: SkippedRecord[] = [];
      for (const item of page) {
        const parsed = gitlabDeploymentSchema.safeParse(item);
        if (!parsed.success) {
          const id = upstreamId(item);
          skipped.push({
            id: id ? deploymentIdOf(client.host, id) : undefined,
            reason: `deployment: ${describeIssues(parsed.error)}`,
          });
          continue;
        }
        const event = await deploymentEventOf({
          client,
          projectSlug: project.slug,
          deployment: parsed.data,
          entity,
          entityRef,
        });
        if (event) {
          events.push(event);
        }
      }
      cursor.deployments = newestUpdate(page, cursor.deployments);
      await savePage(page, events, skipped);
    }
  }
}
