import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DeliveryProvider,
  deliveryProvidersExtensionPoint,
} from '../extensions';
import { createDeliveryProviderModule } from './createDeliveryProviderModule';

describe('createDeliveryProviderModule', () => {
  it('registers with the delivery plugin and hands init the services and the extension point', async () => {
    const added: DeliveryProvider[] = [];
    const seen: string[] = [];
    const module = createDeliveryProviderModule({
      moduleId: 'example',
      async init({ auth, catalog, config, logger, providers, scheduler }) {
        seen.push(
          ...[auth, catalog, logger, scheduler].map(service => typeof service),
        );
        if (config.getOptionalBoolean('delivery.example.enabled')) {
          providers.addProvider({
            getProviderId: () => 'example',
            connect: async () => {},
          });
        }
      },
    });

    await startTestBackend({
      extensionPoints: [
        [
          deliveryProvidersExtensionPoint,
          {
            addProvider: (...providers: DeliveryProvider[]) =>
              added.push(...providers),
            addWebhookHandler: () => {},
          },
        ],
      ],
      features: [
        module,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: { delivery: { example: { enabled: true } } },
        }),
      ],
    });

    expect(added.map(provider => provider.getProviderId())).toEqual([
      'example',
    ]);
    expect(seen).toEqual(['object', 'object', 'object', 'object']);
  });
});
