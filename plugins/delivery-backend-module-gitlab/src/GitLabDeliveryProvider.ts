import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntitySyncProvider,
  EntitySyncTarget,
  SkippedRecord,
  jsonCursor,
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
  describeIssues,
  gitlabDeploymentSchema,
  mergedMergeRequestSchema,
} from './mapping/records';

const DAY_MS = 86_400_000;
export const GITLAB_SYNC_TASK_ID = 'delivery-gitlab-sync';

/** An entity with its project; `owner` is the entity that receives the project's records. */
type GitLabTarget = EntitySyncTarget & {
  project: GitLabProject;
  owner: string;
};

/** Where the last sync of an entity stopped: the newest `updated_at` seen per list. */
type Cursor = { mergeRequests?: string; deployments?: string };

const cursorSchema = z.object({
  mergeRequests: z.string().optional(),
  deployments: z.string().optional(),
});

const cursorJson = jsonCursor<Cursor>(parsed => {
  const result = cursorSchema.safeParse(parsed);
  return result.success ? result.data : undefined;
});

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
export class GitLabDeliveryProvider extends EntitySyncProvider<GitLabTarget> {
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
  ) {
    super({
      ...options,
      providerId: GITLAB_SOURCE,
      displayName: 'GitLab',
      taskId: GITLAB_SYNC_TASK_ID,
      annotation: GITLAB_PROJECT_SLUG_ANNOTATION,
    });
  }

  /**
   * The annotated entities that name a project, by reference. Record ids are the project's, so one
   * project feeds one entity: the first by reference; the others are recorded as failed.
   */
  protected async targets(): Promise<GitLabTarget[]> {
    const targets: GitLabTarget[] = [];
    const entities = (await super.targets()).sort((a, b) =>
      a.entityRef.localeCompare(b.entityRef),
    );
    for (const { entity, entityRef } of entities) {
      const project = this.options.projects.projectOf(entity);
      if (project) {
        const owner = targets.find(target =>
          GitLabProjects.sameProject(target.project, project),
        );
        targets.push({
          entity,
          entityRef,
          project,
          owner: owner?.entityRef ?? entityRef,
        });
      }
    }
    return targets;
  }

  protected describe({ entityRef, project }: GitLabTarget) {
    return `${entityRef} (${project.host}/${project.slug})`;
  }

  protected async syncEntity({
    entity,
    entityRef,
    project,
    owner,
  }: GitLabTarget) {
    if (owner !== entityRef) {
      throw new Error(
        `GitLab project ${project.host}/${project.slug} is also annotated on ${owner}, which receives its records`,
      );
    }
    const { syncState } = this.connected();
    const client = this.options.projects.clientFor(project.host);
    const base = projectApiPath(project.slug);
    const cursor = cursorJson.parse(await syncState.getCursor(entityRef)) ?? {};
    const backfillFrom = new Date(
      Date.now() - this.options.backfillDays * DAY_MS,
    ).toISOString();

    const savePage = async (
      page: unknown[],
      events: unknown[],
      skipped: SkippedRecord[],
    ) => {
      await this.ingest(events);
      await syncState.saveProgress(entityRef, {
        cursor: cursorJson.serialize(cursor),
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
