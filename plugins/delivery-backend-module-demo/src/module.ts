import { createDeliveryProviderModule } from '@delivery-insights/backstage-plugin-delivery-node';
import { DemoDataProvider } from './DemoDataProvider';

/**
 * Demo records for every Component of the catalog, labelled with the source `demo`, when
 * `delivery.demoData.enabled` is true.
 *
 * @public
 */
export const deliveryModuleDemo = createDeliveryProviderModule({
  moduleId: 'demo',
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
