import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { AuthenticationError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  annotationValues,
  constantTimeEquals,
  DeliveryWebhookContext,
  DeliveryWebhookHandler,
  DeliveryWebhookRequest,
  entitiesWithAnnotation,
  hmacSha256Hex,
  parseWebhookPayload,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { PAGERDUTY_SOURCE, toIncidentEvent } from '../mapping/toIncidentEvent';
import { PAGERDUTY_SERVICE_ID_ANNOTATION } from '../PagerDutyProvider';
import {
  pagerDutyEventSchema,
  pagerDutyIncidentEventSchema,
} from './pagerDutyPayload';

const SIGNATURE_HEADER = 'x-pagerduty-signature';

const STORED_EVENT_TYPES = [
  'incident.triggered',
  'incident.acknowledged',
  'incident.resolved',
];

/**
 * PagerDuty v3 webhooks at `POST /api/delivery/webhooks/pagerduty`: each delivery is signed with
 * the subscription's secret (`X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the body>`, several
 * signatures while a secret is rotated); incident triggered, acknowledged and resolved events
 * become incidents of the entity whose `pagerduty.com/service-id` names the incident's service.
 */
export class PagerDutyWebhookHandler implements DeliveryWebhookHandler {
  constructor(
    private readonly options: {
      secret: string;
      auth: AuthService;
      catalog: CatalogService;
    },
  ) {}

  getName() {
    return 'pagerduty';
  }

  async verify(request: DeliveryWebhookRequest) {
    const header = request.headers[SIGNATURE_HEADER];
    if (!header) {
      throw new AuthenticationError('Missing X-PagerDuty-Signature header');
    }
    const expected = `v1=${hmacSha256Hex(
      this.options.secret,
      request.rawBody,
    )}`;
    const matches = header
      .split(',')
      .map(signature => signature.trim())
      .filter(signature => signature.startsWith('v1='))
      .map(signature => constantTimeEquals(signature, expected));
    if (!matches.includes(true)) {
      throw new AuthenticationError('Invalid X-PagerDuty-Signature');
    }
  }

  getDeliveryId(request: DeliveryWebhookRequest) {
    return parseWebhookPayload(
      'PagerDuty',
      request.rawBody,
      pagerDutyEventSchema,
    ).event.id;
  }

  async toEvents(
    request: DeliveryWebhookRequest,
    context: DeliveryWebhookContext,
  ) {
    const eventType = parseWebhookPayload(
      'PagerDuty',
      request.rawBody,
      pagerDutyEventSchema,
    ).event.event_type;
    if (!STORED_EVENT_TYPES.includes(eventType)) {
      return { events: [], ignored: `event type ${eventType} is not stored` };
    }
    const { event } = parseWebhookPayload(
      'PagerDuty',
      request.rawBody,
      pagerDutyIncidentEventSchema,
    );
    const serviceId = event.data.service?.id;
    if (!serviceId) {
      return { events: [], ignored: 'the incident names no service' };
    }
    const entity = (
      await entitiesWithAnnotation(
        this.options.catalog,
        this.options.auth,
        PAGERDUTY_SERVICE_ID_ANNOTATION,
      )
    ).find(candidate =>
      annotationValues(candidate, PAGERDUTY_SERVICE_ID_ANNOTATION).includes(
        serviceId,
      ),
    );
    if (!entity) {
      return {
        events: [],
        ignored: `no entity is annotated with ${PAGERDUTY_SERVICE_ID_ANNOTATION}: ${serviceId}`,
      };
    }
    // v3 events may leave out the incident's creation time (deliveries captured in 2021 do):
    // a trigger happened when it occurred, a later event belongs to the incident stored then.
    const stored = await context.findIncident(PAGERDUTY_SOURCE, event.data.id);
    const createdAt =
      event.data.created_at ??
      stored?.openedAt ??
      (eventType === 'incident.triggered' ? event.occurred_at : undefined);
    if (!createdAt) {
      return {
        events: [],
        ignored: `incident ${event.data.id} is not stored and its ${eventType} event has no created_at`,
      };
    }
    const mapped = toIncidentEvent(
      { ...event.data, created_at: createdAt },
      stringifyEntityRef(entity),
      {
        // An event carries the incident as it is now; the first acknowledgement stays.
        acknowledgedAt:
          stored?.acknowledgedAt ??
          (eventType === 'incident.acknowledged'
            ? event.occurred_at
            : undefined),
        resolvedAt:
          eventType === 'incident.resolved' ? event.occurred_at : undefined,
        updatedAt: event.occurred_at,
      },
    );
    if ('skipped' in mapped) {
      return { events: [], ignored: mapped.skipped.reason };
    }
    return { events: [mapped.event] };
  }
}
