import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { deliveryApiRef } from './api';
import deliveryPlugin, {
  deliveryApi,
  deliveryPage,
  entityDeliveryContent,
  groupDeliveryContent,
} from './alpha';

const entityOfKind = (kind: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
});

describe('delivery plugin for the new frontend system', () => {
  it('registers the API, the page, the entity card and both Delivery tabs', () => {
    expect(deliveryPlugin.pluginId).toBe('delivery');
    for (const id of [
      'api:delivery',
      'page:delivery',
      'entity-card:delivery/dora-scorecard',
      'entity-card:delivery/slo',
      'entity-content:delivery/delivery',
      'entity-content:delivery/group-delivery',
    ] as const) {
      expect(deliveryPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('provides the delivery API factory under its API ref', () => {
    const factory = createExtensionTester(deliveryApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(deliveryApiRef.id);
  });

  it('mounts the overview page at /delivery', () => {
    expect(
      createExtensionTester(deliveryPage).get(coreExtensionData.routePath),
    ).toBe('/delivery');
  });

  it('shows the entity tab on Components and Systems and the team tab on Groups', () => {
    const entityFilter = createExtensionTester(entityDeliveryContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    const teamFilter = createExtensionTester(groupDeliveryContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    expect(entityFilter(entityOfKind('Component'))).toBe(true);
    expect(entityFilter(entityOfKind('System'))).toBe(true);
    expect(entityFilter(entityOfKind('Group'))).toBe(false);
    expect(teamFilter(entityOfKind('Group'))).toBe(true);
    expect(teamFilter(entityOfKind('Component'))).toBe(false);
  });
});
