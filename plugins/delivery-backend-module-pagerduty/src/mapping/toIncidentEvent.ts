import {
  IncidentEvent,
  MappedRecord,
  toHttpUrl,
  toInstant,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { PagerDutyIncident } from '../client/types';

/** The `source` of every record the module delivers. */
export const PAGERDUTY_SOURCE = 'pagerduty';

export type MappedIncident = MappedRecord<IncidentEvent>;

const earliest = (values: (string | undefined)[]): string | undefined =>
  values
    .map(value => toInstant(value))
    .filter((value): value is string => value !== undefined)
    .sort()[0];

/**
 * A PagerDuty incident as a delivery incident of the entity, or the reason it cannot be one.
 *
 * - severity: the incident's priority (e.g. `P1`) where the account uses priorities, else its
 *   urgency (`high`, `low`);
 * - acknowledgedAt: the first acknowledgement (`firstAcknowledgedAt`, read from the log entries,
 *   or the earliest of the incident's current acknowledgements; for an acknowledged incident
 *   without them, its last status change);
 * - resolvedAt: for a resolved incident, `resolved_at`, else its last status change.
 *
 * `overrides` carry what a webhook knows better than the incident record (the event's time).
 */
export function toIncidentEvent(
  incident: PagerDutyIncident,
  entityRef: string,
  overrides: {
    acknowledgedAt?: string;
    resolvedAt?: string;
    updatedAt?: string;
  } = {},
): MappedIncident {
  const id = typeof incident.id === 'string' ? incident.id.trim() : '';
  if (!id || id.length > 255) {
    return { skipped: { reason: 'incident without a valid id' } };
  }
  const openedAt = toInstant(incident.created_at);
  if (!openedAt) {
    return { skipped: { id, reason: 'incident without a valid created_at' } };
  }
  const resolved =
    incident.status === 'resolved' || overrides.resolvedAt !== undefined;
  const resolvedAt = resolved
    ? toInstant(overrides.resolvedAt) ??
      toInstant(incident.resolved_at) ??
      toInstant(incident.last_status_change_at)
    : undefined;
  if (resolved && !resolvedAt) {
    return { skipped: { id, reason: 'resolved incident without a time' } };
  }
  if (resolvedAt && resolvedAt < openedAt) {
    return { skipped: { id, reason: 'resolved before it was created' } };
  }
  let acknowledgedAt: string | undefined =
    toInstant(overrides.acknowledgedAt) ??
    earliest((incident.acknowledgements ?? []).map(ack => ack.at));
  if (!acknowledgedAt && incident.status === 'acknowledged') {
    acknowledgedAt = toInstant(incident.last_status_change_at);
  }
  if (acknowledgedAt && acknowledgedAt < openedAt) {
    // Clock skew between PagerDuty's services; the incident itself is still right.
    acknowledgedAt = undefined;
  }
  const severity =
    incident.priority?.summary || incident.priority?.name || incident.urgency;
  const title = incident.title || incident.summary;
  return {
    event: {
      type: 'incident',
      source: PAGERDUTY_SOURCE,
      id,
      entityRef,
      ...(severity ? { severity: severity.slice(0, 64) } : {}),
      ...(title ? { title: title.slice(0, 1000) } : {}),
      openedAt,
      ...(acknowledgedAt ? { acknowledgedAt } : {}),
      ...(resolvedAt ? { resolvedAt } : {}),
      ...(toHttpUrl(incident.html_url) ? { url: incident.html_url } : {}),
      ...(toInstant(overrides.updatedAt)
        ? { updatedAt: toInstant(overrides.updatedAt) }
        : {}),
    },
  };
}
