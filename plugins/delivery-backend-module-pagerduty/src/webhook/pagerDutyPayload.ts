import { webhookInstant } from '@delivery-insights/backstage-plugin-delivery-node';
import { z } from 'zod';

/*
 * The parts of a PagerDuty v3 webhook the handler reads
 * (https://developer.pagerduty.com/docs/webhooks-overview), with the types PagerDuty documents;
 * other fields pass through unchecked. Incident fields are optional: v3 events carry less than
 * the REST incident (no `created_at` in older deliveries, for one).
 */

const optionalText = z.string().optional();

const reference = z.looseObject({
  id: z.string().min(1),
  summary: optionalText,
  html_url: optionalText,
});

const incident = z.looseObject({
  id: z.string().min(1),
  title: optionalText,
  summary: optionalText,
  html_url: optionalText,
  status: optionalText,
  urgency: optionalText,
  priority: z
    .looseObject({ summary: optionalText, name: optionalText })
    .nullish(),
  created_at: webhookInstant.optional(),
  updated_at: webhookInstant.optional(),
  resolved_at: webhookInstant.nullish(),
  last_status_change_at: webhookInstant.optional(),
  acknowledgements: z
    .array(z.looseObject({ at: webhookInstant.optional() }))
    .optional(),
  service: reference.optional(),
});

const event = <T extends z.ZodType>(data: T) =>
  z.looseObject({
    event: z.looseObject({
      id: z.string().min(1),
      event_type: z.string().min(1),
      resource_type: z.string().nullish(),
      occurred_at: webhookInstant,
      data,
    }),
  });

/** Any v3 webhook delivery: its `data` is looked at only for the incident events stored. */
export const pagerDutyEventSchema = event(z.unknown());

/** A v3 incident event (`incident.triggered`, `.acknowledged`, `.resolved`). */
export const pagerDutyIncidentEventSchema = event(incident);
