import {
  createDeliveryProviderModule,
  readProviderSyncConfig,
  withRetryLogging,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { GitLabDeliveryProvider } from './GitLabDeliveryProvider';
import { GitLabProjects } from './GitLabProjects';
import { GitLabWebhookHandler } from './GitLabWebhookHandler';

/**
 * GitLab deployments and merged merge requests of the entities annotated with
 * `gitlab.com/project-slug`, pulled on a schedule when `delivery.gitlab` is configured, and
 * received at `POST /api/delivery/webhooks/gitlab` when `delivery.gitlab.webhookToken` is set.
 *
 * @public
 */
export const deliveryModuleGitlab = createDeliveryProviderModule({
  moduleId: 'gitlab',
  async init({ auth, catalog, config, logger, providers, scheduler }) {
    const settings = readProviderSyncConfig(config, 'delivery.gitlab', {
      defaultSchedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 30 },
      },
    });
    if (!settings) {
      return;
    }
    const projects = GitLabProjects.fromConfig(
      config,
      withRetryLogging(settings.retry, logger, 'GitLab: '),
    );
    providers.addProvider(
      new GitLabDeliveryProvider({
        auth,
        catalog,
        logger,
        scheduler,
        projects,
        schedule: settings.schedule,
        backfillDays: settings.backfillDays,
      }),
    );
    const webhookToken = settings.config.getOptionalString('webhookToken');
    if (webhookToken) {
      providers.addWebhookHandler(
        new GitLabWebhookHandler({
          webhookToken,
          auth,
          catalog,
          logger,
          projects,
        }),
      );
    }
  },
});
