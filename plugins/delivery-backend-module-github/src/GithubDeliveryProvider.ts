import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeliveryProvider,
  DeliveryProviderContext,
  entitiesWithAnnotation,
} from '@internal/backstage-plugin-delivery-node';
import { GithubDeliveryConfig } from './config';
import {
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GithubClientFactory,
} from './github/GithubClientFactory';
import { GITHUB_SOURCE } from './github/mapping';
import { GithubEntitySync } from './sync/GithubEntitySync';

export const GITHUB_SYNC_TASK_ID = 'delivery-github-sync';

/**
 * Pulls deployments and merged pull requests from GitHub for every entity annotated with
 * `github.com/project-slug`, on the scheduler (one replica at a time).
 */
export class GithubDeliveryProvider implements DeliveryProvider {
  private context?: DeliveryProviderContext;

  constructor(
    private readonly options: {
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
      scheduler: SchedulerService;
      clients: GithubClientFactory;
      config: GithubDeliveryConfig;
    },
  ) {}

  getProviderId() {
    return GITHUB_SOURCE;
  }

  async connect(context: DeliveryProviderContext) {
    this.context = context;
    const { config, scheduler } = this.options;
    await scheduler.scheduleTask({
      id: GITHUB_SYNC_TASK_ID,
      frequency: { minutes: config.frequencyMinutes },
      timeout: { minutes: config.timeoutMinutes },
      initialDelay: { seconds: config.initialDelaySeconds },
      fn: () => this.sync(),
    });
  }

  async triggerSync() {
    await this.options.scheduler.triggerTask(GITHUB_SYNC_TASK_ID);
  }

  /** Syncs every annotated entity; one entity's failure is recorded and the others go on. */
  async sync() {
    const { auth, catalog, clients, config, logger } = this.options;
    if (!this.context) {
      throw new Error('The GitHub delivery provider is not connected');
    }
    const { ingestion, syncState } = this.context;
    const entities = await entitiesWithAnnotation(
      catalog,
      auth,
      GITHUB_PROJECT_SLUG_ANNOTATION,
    );
    const sync = new GithubEntitySync({
      clients,
      ingestion,
      syncState,
      backfillDays: config.backfillDays,
    });
    let failed = 0;
    for (const entity of entities) {
      const entityRef = stringifyEntityRef(entity);
      try {
        await sync.run(entity);
      } catch (error) {
        failed++;
        logger.warn(`GitHub sync of ${entityRef} failed: ${error}`);
        await syncState.recordFailure(entityRef, error as Error);
      }
    }
    logger.info(
      `GitHub sync: ${entities.length - failed} of ${
        entities.length
      } entities synced`,
    );
  }
}
