import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DeliveryClient, deliveryApiRef } from './api';

const overviewRouteRef = createRouteRef({ id: 'delivery:overview' });

/**
 * Delivery Insights for apps on Backstage's legacy frontend system.
 *
 * @public
 */
export const deliveryPlugin = createPlugin({
  id: 'delivery',
  apis: [
    createApiFactory({
      api: deliveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DeliveryClient(deps),
    }),
  ],
  routes: {
    root: overviewRouteRef,
  },
});

/**
 * The organisation overview page, for a route such as `/delivery`.
 *
 * @public
 */
export const DeliveryOverviewPage = deliveryPlugin.provide(
  createRoutableExtension({
    name: 'DeliveryOverviewPage',
    component: () =>
      import('./components/DeliveryOverviewPage').then(
        m => m.DeliveryOverviewPage,
      ),
    mountPoint: overviewRouteRef,
  }),
);

/**
 * The DORA scorecard card for the overview of a Component or System page.
 *
 * @public
 */
export const EntityDoraScorecardCard = deliveryPlugin.provide(
  createComponentExtension({
    name: 'EntityDoraScorecardCard',
    component: {
      lazy: () =>
        import('./components/EntityDoraScorecardCard').then(
          m => m.EntityDoraScorecardCard,
        ),
    },
  }),
);

/**
 * The SLOs and error budgets card for the overview of a Component or System page.
 *
 * @public
 */
export const EntitySloCard = deliveryPlugin.provide(
  createComponentExtension({
    name: 'EntitySloCard',
    component: {
      lazy: () =>
        import('./components/EntitySloCard').then(m => m.EntitySloCard),
    },
  }),
);

/**
 * The runbook and on-call card for the overview of a Component or System page: runbooks, rollback
 * procedure, dashboards and who is on call now; a service without a runbook shows the gap.
 *
 * @public
 */
export const EntityRunbookCard = deliveryPlugin.provide(
  createComponentExtension({
    name: 'EntityRunbookCard',
    component: {
      lazy: () =>
        import('./components/EntityRunbookCard').then(m => m.EntityRunbookCard),
    },
  }),
);

/**
 * The Delivery tab of a Component or System page.
 *
 * @public
 */
export const EntityDeliveryContent = deliveryPlugin.provide(
  createComponentExtension({
    name: 'EntityDeliveryContent',
    component: {
      lazy: () =>
        import('./components/EntityDeliveryContent').then(
          m => m.EntityDeliveryContent,
        ),
    },
  }),
);

/**
 * The Delivery tab of a Group page: the team's rolled-up scorecard and its services.
 *
 * @public
 */
export const EntityGroupDeliveryContent = deliveryPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupDeliveryContent',
    component: {
      lazy: () =>
        import('./components/GroupDeliveryContent').then(
          m => m.GroupDeliveryContent,
        ),
    },
  }),
);
