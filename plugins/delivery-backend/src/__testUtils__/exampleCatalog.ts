import { Entity } from '@backstage/catalog-model';

const component = (
  name: string,
  system: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner, system },
  relations: [
    { type: 'partOf', targetRef: `system:default/${system}` },
    { type: 'ownedBy', targetRef: `group:default/${owner}` },
  ],
});

/**
 * A small catalog with the relations the catalog backend would have computed: two systems,
 * two teams, three components (one with a target override annotation).
 */
export const exampleEntities: Entity[] = [
  component('checkout-service', 'storefront', 'team-checkout'),
  component('cart-service', 'storefront', 'team-checkout', {
    'delivery-insights.io/target-lead-time': '72',
  }),
  component('inventory-service', 'fulfilment', 'team-fulfilment'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'storefront', namespace: 'default' },
    spec: { owner: 'team-checkout' },
    relations: [
      { type: 'hasPart', targetRef: 'component:default/checkout-service' },
      { type: 'hasPart', targetRef: 'component:default/cart-service' },
      { type: 'ownedBy', targetRef: 'group:default/team-checkout' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'fulfilment', namespace: 'default' },
    spec: { owner: 'team-fulfilment' },
    relations: [
      { type: 'hasPart', targetRef: 'component:default/inventory-service' },
      { type: 'ownedBy', targetRef: 'group:default/team-fulfilment' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-checkout', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [
      { type: 'ownerOf', targetRef: 'system:default/storefront' },
      { type: 'ownerOf', targetRef: 'component:default/checkout-service' },
      { type: 'ownerOf', targetRef: 'component:default/cart-service' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-fulfilment', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'ownerOf', targetRef: 'system:default/fulfilment' }],
  },
];
