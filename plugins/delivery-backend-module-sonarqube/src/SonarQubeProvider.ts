import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntitySyncProvider,
  EntitySyncTarget,
  jsonCursor,
  partitionMapped,
  toInstant,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { SonarQubeClient } from './client/SonarQubeClient';
import { DEFAULT_INSTANCE } from './config';
import {
  QualitySnapshotEvent,
  SONARQUBE_SOURCE,
  toQualityGate,
  toQualitySnapshots,
} from './mapping/qualitySnapshots';

/** The SonarQube plugin's annotation: `project-key` or `instance/project-key`. */
export const SONARQUBE_PROJECT_KEY_ANNOTATION = 'sonarqube.org/project-key';

export const SONARQUBE_SYNC_TASK_ID = 'delivery-sonarqube-sync';

const DAY_MS = 86_400_000;

/** An entity's project; `owner` is the entity that receives the project's snapshots. */
type SonarQubeTarget = EntitySyncTarget & {
  instance: string;
  projectKey: string;
  owner: string;
};

/** The newest analysis stored; the next sync reads from it (inclusive, an upsert). */
type Cursor = { since: string };

const cursorJson = jsonCursor<Cursor>(parsed => {
  const since = toInstant((parsed as Partial<Cursor> | null)?.since);
  return since ? { since } : undefined;
});

/**
 * The instance and project key of the annotation: project keys hold no `/`, so a prefix before
 * the first one names an instance.
 */
export function projectOf(
  entity: Entity,
): { instance: string; projectKey: string } | undefined {
  const value =
    entity.metadata.annotations?.[SONARQUBE_PROJECT_KEY_ANNOTATION]?.trim();
  if (!value) {
    return undefined;
  }
  const slash = value.indexOf('/');
  return slash < 0
    ? { instance: DEFAULT_INSTANCE, projectKey: value }
    : {
        instance: value.slice(0, slash).trim(),
        projectKey: value.slice(slash + 1).trim(),
      };
}

/** The host (and path) of an instance, the prefix of its record ids. */
const hostOf = (baseUrl: string) => {
  const url = new URL(baseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
};

/**
 * The analyses of the projects named by `sonarqube.org/project-key`, as quality snapshots with
 * their coverage, issue counts and quality gate, read from each entity's newest stored analysis
 * (on the first sync, `backfillDays` back).
 */
export class SonarQubeProvider extends EntitySyncProvider<SonarQubeTarget> {
  constructor(
    private readonly options: {
      clients: Map<string, SonarQubeClient>;
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
      scheduler: SchedulerService;
      schedule: SchedulerServiceTaskScheduleDefinition;
      backfillDays: number;
    },
  ) {
    super({
      ...options,
      providerId: SONARQUBE_SOURCE,
      displayName: 'SonarQube',
      taskId: SONARQUBE_SYNC_TASK_ID,
      annotation: SONARQUBE_PROJECT_KEY_ANNOTATION,
    });
  }

  /** The annotated entities by reference; a project feeds the first entity that names it. */
  protected async targets(): Promise<SonarQubeTarget[]> {
    const targets: SonarQubeTarget[] = [];
    const entities = (await super.targets()).sort((a, b) =>
      a.entityRef.localeCompare(b.entityRef),
    );
    for (const { entity, entityRef } of entities) {
      const project = projectOf(entity);
      if (project) {
        const owner = targets.find(
          target =>
            target.instance === project.instance &&
            target.projectKey === project.projectKey,
        );
        targets.push({
          entity,
          entityRef,
          ...project,
          owner: owner?.entityRef ?? entityRef,
        });
      }
    }
    return targets;
  }

  protected describe({ entityRef, instance, projectKey }: SonarQubeTarget) {
    return `${entityRef} (${instance}/${projectKey})`;
  }

  protected async syncEntity({
    entityRef,
    instance,
    projectKey,
    owner,
  }: SonarQubeTarget) {
    if (owner !== entityRef) {
      throw new Error(
        `SonarQube project ${projectKey} is also annotated on ${owner}, which receives its analyses`,
      );
    }
    const client = this.options.clients.get(instance);
    if (!client) {
      throw new Error(
        `No SonarQube instance named ${instance} in delivery.sonarqube`,
      );
    }
    const { syncState } = this.connected();
    await client.checkOrganization(projectKey);
    const cursor = cursorJson.parse(await syncState.getCursor(entityRef));
    const from =
      cursor?.since ??
      new Date(Date.now() - this.options.backfillDays * DAY_MS).toISOString();
    const host = hostOf(client.instance.baseUrl);

    let newest: QualitySnapshotEvent | undefined;
    let since = cursor?.since;
    for await (const page of client.history(projectKey, from)) {
      const mapped = toQualitySnapshots(page, { host, projectKey, entityRef });
      const { events, skipped } = partitionMapped(mapped);
      for (const event of events) {
        if (!newest || event.at > newest.at) {
          newest = event;
        }
        if (!since || event.at > since) {
          since = event.at;
        }
      }
      await this.ingest(events);
      await syncState.saveProgress(entityRef, {
        cursor: since ? cursorJson.serialize({ since }) : undefined,
        recordsSeen: mapped.length,
        skipped,
      });
    }

    if (newest) {
      // The gate as SonarQube evaluates it now, which the history may not carry yet.
      const qualityGate = toQualityGate(
        await client.qualityGateStatus(projectKey),
      );
      if (qualityGate && qualityGate !== newest.qualityGate) {
        await this.ingest([{ ...newest, qualityGate }]);
      }
    }
  }
}
