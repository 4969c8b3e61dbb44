import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { deliveryApiRef } from './api';
import { deliveryApi, deliveryPage, deliveryPlugin } from './plugin';

describe('delivery frontend plugin', () => {
  it('registers its API client and its page under the plugin id delivery', () => {
    expect(deliveryPlugin.pluginId).toBe('delivery');
    expect(deliveryPlugin.getExtension('api:delivery')).toBeDefined();
    expect(deliveryPlugin.getExtension('page:delivery')).toBeDefined();
  });

  it('provides the delivery API factory under its API ref', () => {
    const factory = createExtensionTester(deliveryApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(deliveryApiRef.id);
  });

  it('mounts its page at /delivery', () => {
    const tester = createExtensionTester(deliveryPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/delivery');
  });
});
