import {
  createDeliveryProviderModule,
  withRetryLogging,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { OpsgenieClient } from './client/OpsgenieClient';
import { readOpsgenieConfig } from './config';
import { OpsgenieProvider } from './OpsgenieProvider';

/**
 * Alerts or incidents and on-call of the entities annotated with
 * `opsgenie.com/component-selector`, when `delivery.opsgenie.apiKey` is set.
 *
 * @public
 */
export const deliveryModuleOpsgenie = createDeliveryProviderModule({
  moduleId: 'opsgenie',
  async init({ auth, catalog, config, logger, providers, scheduler }) {
    const settings = readOpsgenieConfig(config);
    if (!settings) {
      return;
    }
    providers.addProvider(
      new OpsgenieProvider({
        client: new OpsgenieClient({
          domain: settings.domain,
          apiKey: settings.apiKey,
          retry: withRetryLogging(settings.retry, logger),
        }),
        source: settings.source,
        webUrl: settings.webUrl,
        auth,
        catalog,
        logger,
        scheduler,
        schedule: settings.schedule,
        backfillDays: settings.backfillDays,
      }),
    );
  },
});
