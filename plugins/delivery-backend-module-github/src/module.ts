import { createDeliveryProviderModule } from '@delivery-insights/backstage-plugin-delivery-node';
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
export const deliveryModuleGithub = createDeliveryProviderModule({
  moduleId: 'github',
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
