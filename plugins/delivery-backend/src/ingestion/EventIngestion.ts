import {
  DeliveryIngestion,
  IngestionResult,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { DeliveryStore } from '../database/DeliveryStore';
import { parseEventBatch } from './parseEventBatch';

/** The one ingestion path: validation of the whole batch, then a keyed upsert in one transaction. */
export class EventIngestion implements DeliveryIngestion {
  constructor(private readonly store: DeliveryStore) {}

  async ingest(events: unknown[]): Promise<IngestionResult> {
    return this.ingestBody({ events });
  }

  /** Takes a request body as posted to the API, so that a malformed body is reported as such. */
  async ingestBody(body: unknown): Promise<IngestionResult> {
    const parsed = parseEventBatch(body);
    const counts = await this.store.upsert(parsed);
    return { received: parsed.length, ...counts };
  }
}
