import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  deliveryProvidersExtensionPoint,
  RetryOptions,
} from '@internal/backstage-plugin-delivery-node';
import { GitLabDeliveryProvider } from './GitLabDeliveryProvider';
import { GitLabProjects } from './GitLabProjects';
import { GitLabWebhookHandler } from './GitLabWebhookHandler';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

function readRetry(config: Config): RetryOptions {
  const retry = config.getOptionalConfig('retry');
  return {
    retries: retry?.getOptionalNumber('retries'),
    baseDelayMs: retry?.getOptionalNumber('baseDelayMs'),
    maxDelayMs: retry?.getOptionalNumber('maxDelayMs'),
    timeoutMs: retry?.getOptionalNumber('timeoutMs'),
  };
}

function readBackfillDays(config: Config) {
  const days = config.getOptionalNumber('backfillDays') ?? 90;
  if (!(days > 0)) {
    throw new Error(
      `Invalid delivery.gitlab.backfillDays ${days}: must be a positive number of days`,
    );
  }
  return days;
}

/**
 * GitLab deployments and merged merge requests of the entities annotated with
 * `gitlab.com/project-slug`, pulled on a schedule when `delivery.gitlab` is configured, and
 * received at `POST /api/delivery/webhooks/gitlab` when `delivery.gitlab.webhookToken` is set.
 *
 * @public
 */
export const deliveryModuleGitlab = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'gitlab',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        providers: deliveryProvidersExtensionPoint,
        scheduler: coreServices.scheduler,
      },
      async init({ auth, catalog, config, logger, providers, scheduler }) {
        const gitlab = config.getOptionalConfig('delivery.gitlab');
        if (!gitlab) {
          return;
        }
        const retry = readRetry(gitlab);
        const projects = GitLabProjects.fromConfig(config, {
          ...retry,
          onRetry: (reason, delayMs) =>
            logger.info(`GitLab: ${reason}; retrying in ${delayMs} ms`),
        });
        providers.addProvider(
          new GitLabDeliveryProvider({
            auth,
            catalog,
            logger,
            scheduler,
            projects,
            schedule: gitlab.has('schedule')
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  gitlab.getConfig('schedule'),
                )
              : DEFAULT_SCHEDULE,
            backfillDays: readBackfillDays(gitlab),
          }),
        );
        const webhookToken = gitlab.getOptionalString('webhookToken');
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
  },
});
