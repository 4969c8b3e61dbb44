import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { DeliveryProvider, DeliveryProviderContext } from '../extensions';
import { entitiesWithAnnotation } from './catalogEntities';

/** Events per ingestion call; the ingestion accepts up to 5,000. @public */
export const INGESTION_BATCH_SIZE = 1000;

/** One entity a sync pass visits. @public */
export type EntitySyncTarget = { entity: Entity; entityRef: string };

/** @public */
export type EntitySyncProviderOptions = {
  /** The `source` of the provider's records, e.g. `pagerduty`. */
  providerId: string;
  /** The system's name in log lines and errors, e.g. `PagerDuty`. */
  displayName: string;
  /** The scheduled task, `delivery-<source>-sync`; the scheduler runs it on one replica at a time. */
  taskId: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  scheduler: SchedulerService;
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
  /** The entities to sync carry this annotation (unless the provider overrides `targets`). */
  annotation?: string;
};

/**
 * A provider that synchronises entity by entity on a schedule: `connect` schedules the task,
 * `triggerSync` runs it now, and each run syncs every target in turn, recording success or failure
 * per entity, so that one entity's failure is shown on it and the others go on.
 *
 * Subclasses implement `syncEntity` (read the cursor, fetch, ingest, `saveProgress` per page) and
 * may override `targets` (which entities, in which order) and `describe` (the entity in logs).
 *
 * @public
 */
export abstract class EntitySyncProvider<
  T extends EntitySyncTarget = EntitySyncTarget,
> implements DeliveryProvider
{
  private context?: DeliveryProviderContext;
  private connectedAt?: number;

  protected constructor(
    protected readonly syncOptions: EntitySyncProviderOptions,
  ) {}

  getProviderId() {
    return this.syncOptions.providerId;
  }

  async connect(context: DeliveryProviderContext) {
    this.context = context;
    this.connectedAt = Date.now();
    const { scheduler, taskId, schedule } = this.syncOptions;
    await scheduler.scheduleTask({
      id: taskId,
      ...schedule,
      fn: () => this.sync(),
    });
  }

  /**
   * Asks the scheduler to run the task now. Within the task's initial delay after the backend
   * started, the scheduler's worker does not run anything yet: the run then starts when the delay
   * has passed, and `startsAt` says when.
   */
  async triggerSync(): Promise<{ startsAt?: string }> {
    const { scheduler, taskId, schedule } = this.syncOptions;
    await scheduler.triggerTask(taskId);
    const delay =
      typeof schedule.initialDelay === 'object'
        ? durationToMilliseconds(schedule.initialDelay as HumanDuration)
        : 0;
    const startsAt = (this.connectedAt ?? 0) + delay;
    return startsAt > Date.now()
      ? { startsAt: new Date(startsAt).toISOString() }
      : {};
  }

  /** One pass over every target; a failing entity is recorded and the next one goes on. */
  async sync(): Promise<void> {
    const { syncState } = this.connected();
    const { displayName, logger } = this.syncOptions;
    const targets = await this.targets();
    let failed = 0;
    for (const target of targets) {
      try {
        await this.syncEntity(target);
        await syncState.recordSuccess(target.entityRef);
      } catch (error) {
        failed++;
        logger.warn(
          `${displayName} sync of ${this.describe(target)} failed: ${
            (error as Error).message
          }`,
        );
        await syncState.recordFailure(target.entityRef, error as Error);
      }
    }
    logger.info(
      `${displayName} sync: ${targets.length - failed} of ${
        targets.length
      } entities synced`,
    );
  }

  /** Syncs one entity; throwing records the failure on it. */
  protected abstract syncEntity(target: T): Promise<void>;

  /** The entities a run visits, in order: by default every entity with the annotation. */
  protected async targets(): Promise<T[]> {
    const { annotation, catalog, auth, displayName } = this.syncOptions;
    if (!annotation) {
      throw new Error(
        `The ${displayName} provider names no annotation and selects no entities`,
      );
    }
    const entities = await entitiesWithAnnotation(catalog, auth, annotation);
    return entities.map(
      entity => ({ entity, entityRef: stringifyEntityRef(entity) } as T),
    );
  }

  /** The target as log lines name it. */
  protected describe(target: T): string {
    return target.entityRef;
  }

  /** The ingestion and sync state; throws before `connect`. */
  protected connected(): DeliveryProviderContext {
    if (!this.context) {
      throw new Error(
        `The ${this.syncOptions.displayName} provider is not connected`,
      );
    }
    return this.context;
  }

  /** Ingests the events in batches the ingestion accepts. */
  protected async ingest(events: unknown[]): Promise<void> {
    await ingestInBatches(this.connected().ingestion, events);
  }
}

/** Ingests the events in batches of {@link INGESTION_BATCH_SIZE}. @public */
export async function ingestInBatches(
  ingestion: DeliveryProviderContext['ingestion'],
  events: unknown[],
): Promise<void> {
  for (let i = 0; i < events.length; i += INGESTION_BATCH_SIZE) {
    await ingestion.ingest(events.slice(i, i + INGESTION_BATCH_SIZE));
  }
}
