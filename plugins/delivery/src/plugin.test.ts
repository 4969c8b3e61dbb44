import {
  deliveryPlugin,
  DeliveryOverviewPage,
  EntityDeliveryContent,
  EntityDoraScorecardCard,
  EntityGroupDeliveryContent,
  EntitySloCard,
} from './plugin';
import { deliveryApiRef } from './api';

describe('delivery plugin for the legacy frontend system', () => {
  it('is the plugin delivery and provides the delivery API', () => {
    expect(deliveryPlugin.getId()).toBe('delivery');
    expect(
      [...deliveryPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual([deliveryApiRef.id]);
  });

  it('exports the page, card and tabs as components an app can place', () => {
    for (const component of [
      DeliveryOverviewPage,
      EntityDoraScorecardCard,
      EntitySloCard,
      EntityDeliveryContent,
      EntityGroupDeliveryContent,
    ]) {
      expect(typeof component).toBe('function');
    }
  });
});
