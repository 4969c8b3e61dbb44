import { createExtensionPoint } from '@backstage/backend-plugin-api';

/** What one ingestion call stored. @public */
export type IngestionResult = {
  received: number;
  inserted: number;
  updated: number;
};

/**
 * The ingestion path every source of records shares with `POST /api/delivery/events`: the same
 * validation (a batch of up to 5,000 events, refused whole when any is invalid) and the same
 * keyed, atomic upsert.
 *
 * @public
 */
export interface DeliveryIngestion {
  ingest(events: unknown[]): Promise<IngestionResult>;
}

/**
 * A source of delivery records (a CI/CD or incident system) contributed by a backend module.
 *
 * @public
 */
export interface DeliveryProvider {
  /** Stable id of the source, used as the `source` of every record it delivers. */
  getProviderId(): string;
  /**
   * Called once when the delivery backend starts; the provider keeps the ingestion and feeds it,
   * typically from a task it schedules with the scheduler service.
   */
  connect(ingestion: DeliveryIngestion): Promise<void>;
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
