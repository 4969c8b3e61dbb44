import { createApiRef } from '@backstage/frontend-plugin-api';
import { DeliveryHealth } from '@internal/backstage-plugin-delivery-common';

/**
 * The frontend's view of the delivery backend.
 *
 * @public
 */
export interface DeliveryApi {
  getHealth(): Promise<DeliveryHealth>;
}

/**
 * @public
 */
export const deliveryApiRef = createApiRef<DeliveryApi>({
  id: 'plugin.delivery.api',
});
