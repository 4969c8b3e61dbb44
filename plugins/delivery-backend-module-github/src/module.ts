import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deliveryProvidersExtensionPoint } from '@internal/backstage-plugin-delivery-node';
import { readGithubDeliveryConfig } from './config';
import { GithubClientFactory } from './github/GithubClientFactory';
import { GithubDeliveryProvider } from './GithubDeliveryProvider';
import { GithubWebhookHandler } from './webhook/GithubWebhookHandler';

/**
 * GitHub deployments (or deploy workflow runs) and merged pull requests for the entities annotated
 * with `github.com/project-slug`, pulled on a schedule and pushed by webhooks, when
 * `delivery.github` is configured.
 *
 * @public
 */
export const deliveryModuleGithub = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'github',
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
        const settings = readGithubDeliveryConfig(config);
        if (!settings) {
          return;
        }
        const clients = new GithubClientFactory(config, {
          defaultHost: settings.host,
          retry: settings.retry,
          logger,
        });
        providers.addProvider(
          new GithubDeliveryProvider({
            auth,
            catalog,
            logger,
            scheduler,
            clients,
            config: settings,
          }),
        );
        providers.addWebhookHandler(
          new GithubWebhookHandler({
            secret: settings.webhookSecret,
            auth,
            catalog,
            clients,
            logger,
          }),
        );
      },
    });
  },
});
