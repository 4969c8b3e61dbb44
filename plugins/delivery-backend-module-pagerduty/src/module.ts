import {
  createDeliveryProviderModule,
  withRetryLogging,
} from '@delivery-insights/backstage-plugin-delivery-node';
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
export const deliveryModulePagerDuty = createDeliveryProviderModule({
  moduleId: 'pagerduty',
  async init({ auth, catalog, config, logger, providers, scheduler }) {
    const settings = readPagerDutyConfig(config);
    if (!settings) {
      return;
    }
    if (settings.token) {
      const client = new PagerDutyClient({
        baseUrl: settings.baseUrl,
        token: settings.token,
        retry: withRetryLogging(settings.retry, logger),
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
