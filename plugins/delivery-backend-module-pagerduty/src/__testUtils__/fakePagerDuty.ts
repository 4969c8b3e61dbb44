import { http, HttpResponse } from 'msw';

/** The EU API host, so the tests also pin down that `baseUrl` is honoured. */
export const PAGERDUTY_BASE_URL = 'https://api.eu.pagerduty.com';
export const TOKEN = 'test-pagerduty-token';

const WEB = 'https://acme.eu.pagerduty.com';
const HOUR_MS = 3_600_000;

const serviceReference = (id: string) => ({
  id,
  type: 'service_reference',
  summary: `Service ${id}`,
  self: `${PAGERDUTY_BASE_URL}/services/${id}`,
  html_url: `${WEB}/service-directory/${id}`,
});

const policyReference = (id: string) => ({
  id,
  type: 'escalation_policy_reference',
  summary: `Policy ${id}`,
  self: `${PAGERDUTY_BASE_URL}/escalation_policies/${id}`,
  html_url: `${WEB}/escalation_policies/${id}`,
});

const userReference = {
  id: 'PXPGF42',
  type: 'user_reference',
  summary: 'Anna Petrova',
  self: `${PAGERDUTY_BASE_URL}/users/PXPGF42`,
  html_url: `${WEB}/users/PXPGF42`,
};

let incidentNumber = 1000;

/**
 * An incident as `GET /incidents` returns it (shape from PagerDuty's API reference), opened
 * `openedHoursAgo` before `now`; `restoreHours` resolves it that long after it was opened,
 * `ackMinutes` acknowledges it (for a resolved incident, only in its log entries).
 */
export function pagerDutyIncident(options: {
  id: string;
  serviceId: string;
  now: number;
  openedHoursAgo: number;
  restoreHours?: number;
  ackMinutes?: number;
  urgency?: 'high' | 'low';
  priority?: string;
}) {
  const createdAt = options.now - options.openedHoursAgo * HOUR_MS;
  const acknowledgedAt =
    options.ackMinutes === undefined
      ? undefined
      : new Date(createdAt + options.ackMinutes * 60_000).toISOString();
  const resolvedAt =
    options.restoreHours === undefined
      ? undefined
      : new Date(createdAt + options.restoreHours * HOUR_MS).toISOString();
  let status = 'triggered';
  if (resolvedAt) {
    status = 'resolved';
  } else if (acknowledgedAt) {
    status = 'acknowledged';
  }
  const number = incidentNumber++;
  return {
    id: options.id,
    type: 'incident',
    summary: `[#${number}] Checkout latency above 2 s`,
    self: `${PAGERDUTY_BASE_URL}/incidents/${options.id}`,
    html_url: `${WEB}/incidents/${options.id}`,
    incident_number: number,
    title: 'Checkout latency above 2 s',
    description: 'Checkout latency above 2 s',
    created_at: new Date(createdAt).toISOString(),
    updated_at:
      resolvedAt ?? acknowledgedAt ?? new Date(createdAt).toISOString(),
    status,
    incident_key: `key-${options.id}`,
    service: serviceReference(options.serviceId),
    assignments: [],
    assigned_via: 'escalation_policy',
    last_status_change_at:
      resolvedAt ?? acknowledgedAt ?? new Date(createdAt).toISOString(),
    resolved_at: resolvedAt ?? null,
    first_trigger_log_entry: {
      id: `T${options.id}`,
      type: 'trigger_log_entry_reference',
      summary: 'Triggered through the API',
      self: `${PAGERDUTY_BASE_URL}/log_entries/T${options.id}`,
      html_url: `${WEB}/incidents/${options.id}/log_entries/T${options.id}`,
    },
    alert_counts: {
      all: 1,
      triggered: resolvedAt ? 0 : 1,
      resolved: resolvedAt ? 1 : 0,
    },
    is_mergeable: true,
    escalation_policy: policyReference('PEP0001'),
    teams: [],
    pending_actions: [],
    acknowledgements:
      status === 'acknowledged'
        ? [{ at: acknowledgedAt, acknowledger: userReference }]
        : [],
    basic_alert_grouping: null,
    alert_grouping: null,
    last_status_change_by: serviceReference(options.serviceId),
    priority: options.priority
      ? {
          id: `PRI${options.priority}`,
          type: 'priority',
          summary: options.priority,
          self: `${PAGERDUTY_BASE_URL}/priorities/PRI${options.priority}`,
          html_url: null,
          account_id: 'PACCT01',
          color: 'a8171c',
          created_at: '2024-01-01T00:00:00Z',
          description: '',
          name: options.priority,
          order: 1,
          schema_version: 0,
          updated_at: '2024-01-01T00:00:00Z',
        }
      : null,
    urgency: options.urgency ?? 'high',
    incident_type: { name: 'incident_default' },
    // Kept beside the record for the log entries of the fake; not part of the answer.
    _acknowledgedAt: acknowledgedAt,
  };
}

export type FakeIncident = ReturnType<typeof pagerDutyIncident>;

type Interceptor = (
  request: Request,
  url: URL,
) => Response | undefined | Promise<Response | undefined>;

/**
 * A PagerDuty account behind msw: filters, sorts and pages incidents like the real API, answers
 * services, log entries and on-calls, and records every request it got.
 */
export class FakePagerDuty {
  incidents: FakeIncident[] = [];
  /** The largest page the fake hands out (the real API: 100). */
  maxPageSize = 100;
  /** Consulted first for every request; an answer replaces the normal one. */
  intercept?: Interceptor;
  readonly requests: URL[] = [];

  /** No incidents, pages of 100, no interceptor and no requests, as at the start. */
  reset() {
    this.incidents = [];
    this.maxPageSize = 100;
    this.intercept = undefined;
    this.requests.length = 0;
  }

  listRequests() {
    return this.requests.filter(url => url.pathname === '/incidents');
  }

  handlers() {
    const answer =
      (normal: (url: URL) => Response) =>
      async ({ request }: { request: Request }) => {
        const url = new URL(request.url);
        this.requests.push(url);
        if (request.headers.get('authorization') !== `Token token=${TOKEN}`) {
          return HttpResponse.json(
            { error: { message: 'Unauthorized', code: 2006 } },
            { status: 401 },
          );
        }
        return (await this.intercept?.(request, url)) ?? normal(url);
      };
    return [
      http.get(
        `${PAGERDUTY_BASE_URL}/incidents`,
        answer(url => this.listIncidents(url)),
      ),
      http.get(
        `${PAGERDUTY_BASE_URL}/incidents/:id/log_entries`,
        answer(url => this.logEntries(url.pathname.split('/')[2])),
      ),
      http.get(
        `${PAGERDUTY_BASE_URL}/incidents/:id`,
        answer(url => {
          const incident = this.find(url.pathname.split('/')[2]);
          return incident
            ? HttpResponse.json({ incident: this.visible(incident) })
            : HttpResponse.json(
                { error: { message: 'Not Found', code: 2100 } },
                { status: 404 },
              );
        }),
      ),
      http.get(
        `${PAGERDUTY_BASE_URL}/services/:id`,
        answer(url => {
          const id = url.pathname.split('/')[2];
          return HttpResponse.json({
            service: {
              ...serviceReference(id),
              type: 'service',
              name: `Service ${id}`,
              description: 'Checkout API',
              auto_resolve_timeout: 14400,
              acknowledgement_timeout: 600,
              created_at: '2024-01-01T00:00:00Z',
              status: 'active',
              last_incident_timestamp: null,
              alert_creation: 'create_alerts_and_incidents',
              escalation_policy: policyReference(
                id === 'PSVC002' ? 'PEP0002' : 'PEP0001',
              ),
              teams: [],
              integrations: [],
              incident_urgency_rule: { type: 'constant', urgency: 'high' },
            },
          });
        }),
      ),
      http.get(
        `${PAGERDUTY_BASE_URL}/oncalls`,
        answer(url => this.onCalls(url)),
      ),
    ];
  }

  private find(id: string) {
    return this.incidents.find(incident => incident.id === id);
  }

  private visible(incident: FakeIncident) {
    const { _acknowledgedAt: _ignored, ...rest } = incident;
    return rest;
  }

  private page<T>(url: URL, items: T[]) {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Math.min(
      Number(url.searchParams.get('limit') ?? 25),
      this.maxPageSize,
    );
    return {
      items: items.slice(offset, offset + limit),
      limit,
      offset,
      more: offset + limit < items.length,
      total: null,
    };
  }

  private listIncidents(url: URL) {
    const services = url.searchParams.getAll('service_ids[]');
    const since = Date.parse(url.searchParams.get('since') ?? '');
    const until = Date.parse(url.searchParams.get('until') ?? '');
    if (Number.isNaN(since) || Number.isNaN(until) || until < since) {
      return HttpResponse.json(
        { error: { message: 'Invalid Input Provided', code: 2001 } },
        { status: 400 },
      );
    }
    const matching = this.incidents
      .filter(
        incident =>
          services.includes(incident.service.id) &&
          (incident.created_at === undefined ||
            (Date.parse(incident.created_at) >= since &&
              Date.parse(incident.created_at) < until)),
      )
      .sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? ''));
    const { items, ...paging } = this.page(url, matching);
    return HttpResponse.json({
      incidents: items.map(incident => this.visible(incident)),
      ...paging,
    });
  }

  private logEntries(id: string) {
    const incident = this.find(id);
    const entries = incident
      ? [
          {
            id: `R${id}1`,
            type: 'trigger_log_entry',
            summary: 'Triggered through the API',
            created_at: incident.created_at,
            agent: serviceReference(incident.service.id),
            channel: { type: 'api' },
          },
          ...(incident._acknowledgedAt
            ? [
                {
                  id: `R${id}2`,
                  type: 'acknowledge_log_entry',
                  summary: 'Acknowledged by Anna Petrova',
                  created_at: incident._acknowledgedAt,
                  agent: userReference,
                  channel: { type: 'website' },
                  acknowledgement_timeout: 1800,
                },
              ]
            : []),
          ...(incident.resolved_at
            ? [
                {
                  id: `R${id}3`,
                  type: 'resolve_log_entry',
                  summary: 'Resolved by Anna Petrova',
                  created_at: incident.resolved_at,
                  agent: userReference,
                  channel: { type: 'website' },
                },
              ]
            : []),
        ].reverse()
      : [];
    return HttpResponse.json({
      log_entries: entries,
      limit: 100,
      offset: 0,
      more: false,
      total: null,
    });
  }

  private onCalls(url: URL) {
    const policies = url.searchParams.getAll('escalation_policy_ids[]');
    const withUsers = url.searchParams.getAll('include[]').includes('users');
    const user = (id: string, name: string, email: string) =>
      withUsers
        ? {
            id,
            type: 'user',
            summary: name,
            self: `${PAGERDUTY_BASE_URL}/users/${id}`,
            html_url: `${WEB}/users/${id}`,
            name,
            email,
            time_zone: 'Europe/Moscow',
            color: 'purple',
            role: 'user',
            avatar_url: 'https://secure.gravatar.com/avatar/1.png',
            description: '',
            invitation_sent: false,
            job_title: 'SRE',
            teams: [],
            contact_methods: [],
            notification_rules: [],
          }
        : {
            id,
            type: 'user_reference',
            summary: name,
            self: `${PAGERDUTY_BASE_URL}/users/${id}`,
            html_url: `${WEB}/users/${id}`,
          };
    const all = [
      {
        escalation_policy: policyReference('PEP0001'),
        escalation_level: 2,
        schedule: null,
        user: user('PUSER02', 'Boris Ivanov', 'boris@example.com'),
        start: null,
        end: null,
      },
      {
        escalation_policy: policyReference('PEP0001'),
        escalation_level: 1,
        schedule: {
          id: 'PSCHED1',
          type: 'schedule_reference',
          summary: 'Checkout primary',
          self: `${PAGERDUTY_BASE_URL}/schedules/PSCHED1`,
          html_url: `${WEB}/schedules/PSCHED1`,
        },
        user: user('PXPGF42', 'Anna Petrova', 'anna@example.com'),
        start: '2026-11-23T04:00:00-05:00',
        end: '2026-11-30T04:00:00-05:00',
      },
      {
        escalation_policy: policyReference('PEP0002'),
        escalation_level: 1,
        schedule: null,
        user: user('PUSER03', 'Chen Wei', 'chen@example.com'),
        start: null,
        end: null,
      },
    ].filter(oncall => policies.includes(oncall.escalation_policy.id));
    const { items, ...paging } = this.page(url, all);
    return HttpResponse.json({ oncalls: items, ...paging });
  }
}
