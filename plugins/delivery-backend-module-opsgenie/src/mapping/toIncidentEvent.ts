import {
  IncidentEvent,
  MappedRecord,
  toHttpUrl,
  toInstant,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { OpsgenieAlert, OpsgenieIncident } from '../client/types';
import { OpsgenieRecordSource } from '../config';

/** The `source` of every record the module delivers. */
export const OPSGENIE_SOURCE = 'opsgenie';

export type MappedIncident = MappedRecord<IncidentEvent>;

/** `createdAt` plus a report's duration in milliseconds. */
const after = (openedAt: string, durationMs: number | undefined) =>
  typeof durationMs === 'number' &&
  Number.isFinite(durationMs) &&
  durationMs >= 0
    ? new Date(Date.parse(openedAt) + durationMs).toISOString()
    : undefined;

/**
 * An Opsgenie alert or incident as a delivery incident of the entity, or the reason it cannot be
 * one.
 *
 * - alerts: severity = priority (`P1`...`P5`), title = message; acknowledgedAt and resolvedAt
 *   from the alert's report (`ackTime`, `closeTime`: milliseconds after creation); a closed alert
 *   without a report's close time is resolved at its `updatedAt`;
 * - incidents: resolved or closed at `impactEndDate`, else at `updatedAt`; Opsgenie incidents
 *   have no acknowledgement; the link is the incident's `links.web`.
 */
export function toIncidentEvent(
  record: OpsgenieAlert | OpsgenieIncident,
  source: OpsgenieRecordSource,
  entityRef: string,
  webUrl?: string,
): MappedIncident {
  const id = typeof record.id === 'string' ? record.id.trim() : '';
  if (!id || id.length > 255) {
    return { skipped: { reason: `${source.slice(0, -1)} without a valid id` } };
  }
  const openedAt = toInstant(record.createdAt);
  if (!openedAt) {
    return {
      skipped: {
        id,
        reason: `${source.slice(0, -1)} without a valid createdAt`,
      },
    };
  }
  let acknowledgedAt: string | undefined;
  let resolvedAt: string | undefined;
  let url: string | undefined;
  const base = webUrl?.replace(/\/+$/, '');
  if (source === 'alerts') {
    const alert = record as OpsgenieAlert;
    acknowledgedAt = after(openedAt, alert.report?.ackTime);
    if (alert.status === 'closed') {
      resolvedAt =
        after(openedAt, alert.report?.closeTime) ?? toInstant(alert.updatedAt);
    }
    url = base
      ? `${base}/alert/detail/${encodeURIComponent(id)}/details`
      : undefined;
  } else {
    const incident = record as OpsgenieIncident;
    if (incident.status === 'resolved' || incident.status === 'closed') {
      resolvedAt =
        toInstant(incident.impactEndDate) ?? toInstant(incident.updatedAt);
    }
    url = incident.links?.web;
  }
  const closed =
    record.status === 'closed' ||
    (source === 'incidents' && record.status === 'resolved');
  if (closed && !resolvedAt) {
    return { skipped: { id, reason: 'closed without a time' } };
  }
  if (resolvedAt && resolvedAt < openedAt) {
    return { skipped: { id, reason: 'closed before it was created' } };
  }
  return {
    event: {
      type: 'incident',
      source: OPSGENIE_SOURCE,
      id,
      entityRef,
      ...(record.priority ? { severity: record.priority.slice(0, 64) } : {}),
      ...(record.message ? { title: record.message.slice(0, 1000) } : {}),
      openedAt,
      ...(acknowledgedAt ? { acknowledgedAt } : {}),
      ...(resolvedAt ? { resolvedAt } : {}),
      ...(toHttpUrl(url) ? { url } : {}),
    },
  };
}
