import { Entity } from '@backstage/catalog-model';
import { renderRunbook } from '@delivery-insights/backstage-plugin-delivery-common';
import { runbookInputFromEntity } from './runbookInput';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-service',
    description: 'Takes payment and turns a basket into an order.',
    annotations: {
      'pagerduty.com/service-id': 'P123ABC',
      'delivery-insights.io/rollback': 'https://wiki.test/rollback',
    },
    links: [
      { url: 'https://grafana.test/d/checkout', title: 'Grafana' },
      { url: 'https://wiki.test/rollback', type: 'rollback' },
    ],
  },
  spec: {
    type: 'service',
    owner: 'team-checkout',
    system: 'storefront',
    lifecycle: 'production',
    dependsOn: ['resource:default/orders-db', 'component:payments-gateway'],
  },
};

describe('runbookInputFromEntity', () => {
  it('fills the runbook from the entity and its SLO definitions', () => {
    const input = runbookInputFromEntity(
      entity,
      [
        {
          name: 'availability',
          displayName: 'Availability',
          objective: 0.999,
          windowDays: 30,
          sli: { type: 'ratio' } as never,
        },
      ],
      new Date('2026-11-01T10:00:00Z'),
    );
    expect(input).toEqual({
      service: 'checkout-service',
      description: 'Takes payment and turns a basket into an order.',
      owner: 'team-checkout',
      system: 'storefront',
      lifecycle: 'production',
      onCall: { tool: 'PagerDuty', primary: 'PagerDuty service P123ABC' },
      slos: [
        {
          name: 'Availability',
          objective: 0.999,
          window: '30d',
          description: undefined,
        },
      ],
      dashboards: [
        { title: 'Grafana', url: 'https://grafana.test/d/checkout' },
      ],
      rollback: { steps: ['https://wiki.test/rollback'] },
      dependencies: [
        { name: 'orders-db', kind: 'resource' },
        { name: 'payments-gateway', kind: 'component' },
      ],
      revision: { date: '2026-11-01' },
    });
    const markdown = renderRunbook(input, 'ru');
    expect(markdown).toContain('checkout-service');
    expect(markdown).toContain('https://grafana.test/d/checkout');
  });

  it('leaves out what the entity does not say', () => {
    const input = runbookInputFromEntity(
      { ...entity, metadata: { name: 'bare' }, spec: {} },
      [],
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(input).toMatchObject({
      service: 'bare',
      onCall: undefined,
      slos: [],
      dashboards: [],
      rollback: undefined,
      dependencies: [],
    });
  });
});
