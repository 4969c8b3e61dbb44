import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deliveryProvidersExtensionPoint } from '@internal/backstage-plugin-delivery-node';
import { DemoDataProvider } from './DemoDataProvider';

/**
 * Demo records for every Component of the catalog, labelled with the source `demo`, when
 * `delivery.demoData.enabled` is true.
 *
 * @public
 */
export const deliveryModuleDemo = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'demo',
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
        if (!config.getOptionalBoolean('delivery.demoData.enabled')) {
          return;
        }
        providers.addProvider(
          new DemoDataProvider({
            auth,
            catalog,
            logger,
            scheduler,
            days: config.getOptionalNumber('delivery.demoData.days') ?? 182,
          }),
        );
      },
    });
  },
});
