import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import TimelineIcon from '@material-ui/icons/Timeline';
import { DeliveryClient, deliveryApiRef } from './api';
import { isDeliveryEntity, isTeamEntity } from './entityFilters';
import { rootRouteRef } from './routes';

/** @alpha */
export const deliveryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: deliveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DeliveryClient(deps),
    }),
});

/** @alpha */
export const deliveryPage = PageBlueprint.make({
  params: {
    path: '/delivery',
    title: 'Delivery',
    icon: <TimelineIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/DeliveryOverviewPage').then(m => (
        <m.DeliveryOverviewPage />
      )),
  },
});

/** @alpha */
export const entityDoraScorecardCard = EntityCardBlueprint.make({
  name: 'dora-scorecard',
  params: {
    filter: isDeliveryEntity,
    loader: () =>
      import('./components/EntityDoraScorecardCard').then(m => (
        <m.EntityDoraScorecardCard />
      )),
  },
});

/** @alpha */
export const entitySloCard = EntityCardBlueprint.make({
  name: 'slo',
  params: {
    filter: isDeliveryEntity,
    loader: () =>
      import('./components/EntitySloCard').then(m => <m.EntitySloCard />),
  },
});

/** @alpha */
export const entityRunbookCard = EntityCardBlueprint.make({
  name: 'runbook',
  params: {
    filter: isDeliveryEntity,
    loader: () =>
      import('./components/EntityRunbookCard').then(m => (
        <m.EntityRunbookCard />
      )),
  },
});

/** @alpha */
export const entityDeliveryContent = EntityContentBlueprint.make({
  name: 'delivery',
  params: {
    path: '/delivery',
    title: 'Delivery',
    filter: isDeliveryEntity,
    loader: () =>
      import('./components/EntityDeliveryContent').then(m => (
        <m.EntityDeliveryContent />
      )),
  },
});

/** @alpha */
export const groupDeliveryContent = EntityContentBlueprint.make({
  name: 'group-delivery',
  params: {
    path: '/delivery',
    title: 'Delivery',
    filter: isTeamEntity,
    loader: () =>
      import('./components/GroupDeliveryContent').then(m => (
        <m.GroupDeliveryContent />
      )),
  },
});

/**
 * Delivery Insights for Backstage's new frontend system: the API, the organisation overview page,
 * the DORA scorecard, SLO and runbook cards and the Delivery tab of Components and Systems, and the
 * Delivery tab of Groups.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'delivery',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    deliveryApi,
    deliveryPage,
    entityDoraScorecardCard,
    entitySloCard,
    entityRunbookCard,
    entityDeliveryContent,
    groupDeliveryContent,
  ],
  routes: {
    root: rootRouteRef,
  },
});

export { deliveryTranslationRef } from './translation';
