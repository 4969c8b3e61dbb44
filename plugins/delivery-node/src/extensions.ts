import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * A source of delivery records (a CI/CD or incident system) contributed by a backend module.
 *
 * @public
 */
export interface DeliveryProvider {
  /** Stable id of the source, used as the `source` of every record it delivers. */
  getProviderId(): string;
}

/**
 * The extension point through which provider modules register with the delivery backend.
 *
 * @public
 */
export interface DeliveryProvidersExtensionPoint {
  addProvider(...providers: DeliveryProvider[]): void;
}

/**
 * @public
 */
export const deliveryProvidersExtensionPoint =
  createExtensionPoint<DeliveryProvidersExtensionPoint>({
    id: 'delivery.providers',
  });
