import { SkippedRecord } from '../extensions';

/** An incident as `POST /api/delivery/events` and the provider ingestion accept it. @public */
export type IncidentEvent = {
  type: 'incident';
  source: string;
  id: string;
  entityRef: string;
  severity?: string;
  title?: string;
  openedAt: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  url?: string;
  /** When the source last changed the incident; an older state never overwrites a newer one. */
  updatedAt?: string;
};

/** An upstream record mapped to an event, or the reason it cannot be one. @public */
export type MappedRecord<E> = { event: E } | { skipped: SkippedRecord };

/** The mapped records' events and the skipped records, each in order. @public */
export function partitionMapped<E>(mapped: MappedRecord<E>[]): {
  events: E[];
  skipped: SkippedRecord[];
} {
  const events: E[] = [];
  const skipped: SkippedRecord[] = [];
  for (const record of mapped) {
    if ('skipped' in record) {
      skipped.push(record.skipped);
    } else {
      events.push(record.event);
    }
  }
  return { events, skipped };
}

/** An upstream time as an ISO 8601 instant, or undefined when it is missing or not a time. @public */
export function toInstant(value: unknown): string | undefined {
  const parsed = typeof value === 'string' && value ? Date.parse(value) : NaN;
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

/** An upstream link when it is an http(s) URL the ingestion accepts (at most 2,048 characters). @public */
export function toHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value || value.length > 2048) {
    return undefined;
  }
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}
