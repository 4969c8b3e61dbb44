import {
  DeliveryIngestion,
  IngestionResult,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { DeliveryStore } from '../database/DeliveryStore';
import { DeliveryEvent } from './eventSchema';
import { parseEventBatch } from './parseEventBatch';

/** The one ingestion path: validation of the whole batch, then a keyed upsert in one transaction. */
export class EventIngestion implements DeliveryIngestion {
  constructor(private readonly store: DeliveryStore) {}

  async ingest(events: unknown[]): Promise<IngestionResult> {
    return this.write(parseEventBatch({ events }, { refuseDuplicates: false }));
  }

  /** Takes a request body as posted to the API, so that a malformed body is reported as such. */
  async ingestBody(body: unknown): Promise<IngestionResult> {
    return this.write(parseEventBatch(body));
  }

  private async write(events: DeliveryEvent[]): Promise<IngestionResult> {
    const { inserted, updated, outdated } = await this.store.upsert(events);
    return {
      received: events.length,
      inserted,
      updated,
      ...(outdated > 0 && { outdated }),
    };
  }
}
