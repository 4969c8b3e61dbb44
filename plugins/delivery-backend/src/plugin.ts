import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  DeliveryProvider,
  deliveryProvidersExtensionPoint,
} from '@internal/backstage-plugin-delivery-node';
import { createRouter } from './service/router';

/**
 * The delivery backend plugin: stores delivery records and serves the metrics computed from them.
 *
 * @public
 */
export const deliveryPlugin = createBackendPlugin({
  pluginId: 'delivery',
  register(env) {
    const providers = new Map<string, DeliveryProvider>();
    env.registerExtensionPoint(deliveryProvidersExtensionPoint, {
      addProvider(...added) {
        for (const provider of added) {
          const id = provider.getProviderId();
          if (providers.has(id)) {
            throw new Error(`Delivery provider '${id}' is registered twice`);
          }
          providers.set(id, provider);
        }
      },
    });

    env.registerInit({
      deps: {
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ database, httpAuth, httpRouter }) {
        const knex = await database.getClient();
        httpRouter.use(
          await createRouter({
            httpAuth,
            knex,
            providerIds: () => [...providers.keys()],
          }),
        );
      },
    });
  },
});
