import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deliveryProvidersExtensionPoint } from '@internal/backstage-plugin-delivery-node';
import { PagerDutyClient } from './client/PagerDutyClient';
import { readPagerDutyConfig } from './config';
import { PagerDutyProvider } from './PagerDutyProvider';
import { PagerDutyWebhookHandler } from './webhook/PagerDutyWebhookHandler';

/**
 * Incidents and on-call of the entities annotated with `pagerduty.com/service-id`, when
 * `delivery.pagerduty.token` is set, and the `pagerduty` webhook when
 * `delivery.pagerduty.webhookSecret` is set.
 *
 * @public
 */
export const deliveryModulePagerDuty = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'pagerduty',
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
        const settings = readPagerDutyConfig(config);
        if (!settings) {
          return;
        }
        if (settings.token) {
          const client = new PagerDutyClient({
            baseUrl: settings.baseUrl,
            token: settings.token,
            retry: {
              ...settings.retry,
              onRetry: (reason, delayMs) =>
                logger.info(`${reason}; retrying in ${delayMs} ms`),
            },
          });
          providers.addProvider(
            new PagerDutyProvider({
              client,
              auth,
              catalog,
              logger,
              scheduler,
              schedule: settings.schedule,
              backfillDays: settings.backfillDays,
            }),
          );
        }
        if (settings.webhookSecret) {
          providers.addWebhookHandler(
            new PagerDutyWebhookHandler({
              secret: settings.webhookSecret,
              auth,
              catalog,
            }),
          );
        }
      },
    });
  },
});
