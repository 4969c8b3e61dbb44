import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntitySyncProvider,
  EntitySyncTarget,
} from '@delivery-insights/backstage-plugin-delivery-node';
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
export class GithubDeliveryProvider extends EntitySyncProvider {
  constructor(
    private readonly options: {
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
      scheduler: SchedulerService;
      clients: GithubClientFactory;
      config: GithubDeliveryConfig;
    },
  ) {
    const { config } = options;
    super({
      ...options,
      providerId: GITHUB_SOURCE,
      displayName: 'GitHub',
      taskId: GITHUB_SYNC_TASK_ID,
      schedule: {
        frequency: { minutes: config.frequencyMinutes },
        timeout: { minutes: config.timeoutMinutes },
        initialDelay: { seconds: config.initialDelaySeconds },
      },
      annotation: GITHUB_PROJECT_SLUG_ANNOTATION,
    });
  }

  protected async syncEntity({ entity }: EntitySyncTarget) {
    const { ingestion, syncState } = this.connected();
    await new GithubEntitySync({
      clients: this.options.clients,
      ingestion,
      syncState,
      backfillDays: this.options.config.backfillDays,
    }).run(entity);
  }
}
