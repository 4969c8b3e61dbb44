import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deliveryProvidersExtensionPoint } from '@internal/backstage-plugin-delivery-node';
import { OpsgenieClient } from './client/OpsgenieClient';
import { readOpsgenieConfig } from './config';
import { OpsgenieProvider } from './OpsgenieProvider';

/**
 * Alerts or incidents and on-call of the entities annotated with
 * `opsgenie.com/component-selector`, when `delivery.opsgenie.apiKey` is set.
 *
 * @public
 */
export const deliveryModuleOpsgenie = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'opsgenie',
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
        const settings = readOpsgenieConfig(config);
        if (!settings) {
          return;
        }
        providers.addProvider(
          new OpsgenieProvider({
            client: new OpsgenieClient({
              domain: settings.domain,
              apiKey: settings.apiKey,
              retry: {
                ...settings.retry,
                onRetry: (reason, delayMs) =>
                  logger.info(`${reason}; retrying in ${delayMs} ms`),
              },
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
  },
});
