import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import TimelineIcon from '@material-ui/icons/Timeline';
import { DeliveryClient, deliveryApiRef } from './api';
import { rootRouteRef } from './routes';

export const deliveryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: deliveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DeliveryClient(deps),
    }),
});

export const deliveryPage = PageBlueprint.make({
  params: {
    path: '/delivery',
    title: 'Delivery',
    icon: <TimelineIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/DeliveryStatusPage').then(m => (
        <m.DeliveryStatusPage />
      )),
  },
});

/**
 * The Delivery Insights frontend plugin.
 *
 * @public
 */
export const deliveryPlugin = createFrontendPlugin({
  pluginId: 'delivery',
  info: { packageJson: () => import('../package.json') },
  extensions: [deliveryApi, deliveryPage],
  routes: {
    root: rootRouteRef,
  },
});
