import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { OnCallShift } from '@delivery-insights/backstage-plugin-delivery-common';

/** What one ingestion call stored. @public */
export type IngestionResult = {
  received: number;
  inserted: number;
  updated: number;
  /** Records not written because the stored one is newer (by `updatedAt`); absent when none. */
  outdated?: number;
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

/** An upstream record a provider could not map and left out. @public */
export type SkippedRecord = { id?: string; reason: string };

/**
 * A provider's progress per entity, stored by the delivery backend so that a sync resumes where the
 * last one stopped (also on another replica) and the UI can show "data as of ...".
 *
 * @public
 */
export interface DeliverySyncState {
  /** The cursor saved by the last sync of the entity; undefined before the first (backfill). */
  getCursor(entityRef: string): Promise<string | undefined>;
  /**
   * Saves progress after a page of records was ingested: the new cursor, how many upstream records
   * were seen and which were skipped. Call it per page so that an interrupted sync resumes here.
   */
  saveProgress(
    entityRef: string,
    progress: {
      cursor?: string;
      recordsSeen: number;
      skipped?: SkippedRecord[];
    },
  ): Promise<void>;
  /** Marks the entity's sync as finished successfully now. */
  recordSuccess(entityRef: string): Promise<void>;
  /** Marks the entity's sync as failed now; the message is shown to users, so no secrets. */
  recordFailure(entityRef: string, error: Error): Promise<void>;
}

/** What the delivery backend hands a provider when it starts. @public */
export interface DeliveryProviderContext {
  ingestion: DeliveryIngestion;
  /** Sync state scoped to this provider. */
  syncState: DeliverySyncState;
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
   * Called once when the delivery backend starts; the provider keeps the context and feeds the
   * ingestion, typically from a task it schedules with the scheduler service.
   */
  connect(context: DeliveryProviderContext): Promise<void>;
  /**
   * Runs the provider's sync now (e.g. after its cursors were reset for a backfill), or, when it
   * cannot start yet (the scheduler's initial delay after startup), answers when it will.
   */
  triggerSync?(): Promise<{ startsAt?: string } | void>;
  /** Who is on call for the entity now; an empty list when the provider does not know it. */
  getOnCall?(entity: Entity): Promise<OnCallShift[]>;
}

/**
 * A webhook request as the delivery backend received it, before any parsing.
 *
 * @public
 */
export type DeliveryWebhookRequest = {
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
};

/**
 * What a webhook handler may read of the records already stored, for events that carry only
 * what changed (a PagerDuty acknowledgement without the incident's creation time).
 *
 * @public
 */
export interface DeliveryWebhookContext {
  /** The stored incident's times (ISO 8601 instants), or undefined when it is not stored. */
  findIncident(
    source: string,
    id: string,
  ): Promise<
    | { openedAt: string; acknowledgedAt?: string; resolvedAt?: string }
    | undefined
  >;
}

/**
 * Receives pushes from one system at `POST /api/delivery/webhooks/{name}`. The backend limits the
 * body size, calls `verify` before anything else, refuses a delivery id it has seen within the
 * replay window, and stores the events through the shared ingestion path.
 *
 * @public
 */
export interface DeliveryWebhookHandler {
  /** The path segment under `/webhooks/`, e.g. `github`. */
  getName(): string;
  /**
   * Throws `AuthenticationError` (answered with 401, nothing stored) unless the request carries a
   * valid signature or secret; compare in constant time.
   */
  verify(request: DeliveryWebhookRequest): Promise<void>;
  /** The sender's unique id of this delivery (e.g. `x-github-delivery`), for replay protection. */
  getDeliveryId(request: DeliveryWebhookRequest): string | undefined;
  /**
   * The delivery events in the request; an empty list (with the reason) for a request that carries
   * nothing we store, e.g. an event type or environment we ignore.
   */
  toEvents(
    request: DeliveryWebhookRequest,
    context: DeliveryWebhookContext,
  ): Promise<{ events: unknown[]; ignored?: string }>;
}

/**
 * The extension point through which provider modules register with the delivery backend.
 *
 * @public
 */
export interface DeliveryProvidersExtensionPoint {
  addProvider(...providers: DeliveryProvider[]): void;
  addWebhookHandler(...handlers: DeliveryWebhookHandler[]): void;
}

/**
 * @public
 */
export const deliveryProvidersExtensionPoint =
  createExtensionPoint<DeliveryProvidersExtensionPoint>({
    id: 'delivery.providers',
  });
