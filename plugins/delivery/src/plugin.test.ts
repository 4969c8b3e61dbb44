import { deliveryPlugin } from './plugin';

describe('delivery frontend plugin', () => {
  it('registers its API client and its page under the plugin id delivery', () => {
    expect(deliveryPlugin.pluginId).toBe('delivery');
    expect(deliveryPlugin.getExtension('api:delivery').kind).toBe('api');
    expect(deliveryPlugin.getExtension('page:delivery').kind).toBe('page');
  });
});
