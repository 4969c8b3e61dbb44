import { http, HttpResponse } from 'msw';

/** The EU API host, so the tests also pin down that `domain` is honoured. */
export const OPSGENIE_DOMAIN = 'https://api.eu.opsgenie.com';
export const API_KEY = 'test-opsgenie-key';

const HOUR_MS = 3_600_000;

let tinyId = 1700;

const requestId = () => `req-${Math.random().toString(16).slice(2)}`;

/**
 * An alert as `GET /v2/alerts` returns it (shape from Opsgenie's Alert API docs), created
 * `openedHoursAgo` before `now`, tagged `tag`; `closeHours` closes it that long after creation,
 * `ackMinutes` acknowledges it. The report's times are milliseconds after creation.
 */
export function opsgenieAlert(options: {
  id: string;
  tag: string;
  now: number;
  openedHoursAgo: number;
  ackMinutes?: number;
  closeHours?: number;
  priority?: string;
}) {
  const createdAt = options.now - options.openedHoursAgo * HOUR_MS;
  const ackTime =
    options.ackMinutes === undefined ? undefined : options.ackMinutes * 60_000;
  const closeTime =
    options.closeHours === undefined ? undefined : options.closeHours * HOUR_MS;
  const updatedAt = createdAt + Math.max(ackTime ?? 0, closeTime ?? 0);
  return {
    id: options.id,
    tinyId: String(tinyId++),
    alias: `alias-${options.id}`,
    message: 'Checkout error rate above 1%',
    status: closeTime === undefined ? 'open' : 'closed',
    acknowledged: ackTime !== undefined,
    isSeen: true,
    tags: [options.tag, 'Critical'],
    snoozed: false,
    count: 1,
    lastOccurredAt: new Date(createdAt).toISOString(),
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
    source: 'Prometheus',
    owner: 'anna@example.com',
    priority: options.priority ?? 'P3',
    teams: [{ id: '8418d193-2dab-4490-b331-8c02cdd196b7' }],
    responders: [{ type: 'team', id: '8418d193-2dab-4490-b331-8c02cdd196b7' }],
    integration: {
      id: '4513b7ea-3b91-438f-b7e4-e3e54af9147c',
      name: 'Prometheus',
      type: 'Prometheus',
    },
    report: {
      ...(ackTime === undefined
        ? {}
        : { ackTime, acknowledgedBy: 'anna@example.com' }),
      ...(closeTime === undefined
        ? {}
        : { closeTime, closedBy: 'anna@example.com' }),
    },
    ownerTeamId: '8418d193-2dab-4490-b331-8c02cdd196b7',
  };
}

/** An incident as `GET /v1/incidents` returns it (shape from Opsgenie's Incident API docs). */
export function opsgenieIncident(options: {
  id: string;
  tag: string;
  now: number;
  openedHoursAgo: number;
  resolveHours?: number;
  priority?: string;
}) {
  const createdAt = options.now - options.openedHoursAgo * HOUR_MS;
  const resolvedAt =
    options.resolveHours === undefined
      ? undefined
      : new Date(createdAt + options.resolveHours * HOUR_MS).toISOString();
  return {
    id: options.id,
    serviceId: 'db3a5d53-1d6f-4a5b-8e40-c6f6e2a0a4a1',
    tinyId: String(tinyId++),
    message: 'Checkout is down',
    status: resolvedAt ? 'resolved' : 'open',
    tags: [options.tag],
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: resolvedAt ?? new Date(createdAt).toISOString(),
    priority: options.priority ?? 'P1',
    ownerTeam: '8418d193-2dab-4490-b331-8c02cdd196b7',
    responders: [{ type: 'team', id: '8418d193-2dab-4490-b331-8c02cdd196b7' }],
    extraProperties: {},
    links: {
      web: `https://acme.app.eu.opsgenie.com/incident/detail/${options.id}`,
      api: `${OPSGENIE_DOMAIN}/v1/incidents/${options.id}`,
    },
    impactStartDate: new Date(createdAt).toISOString(),
    ...(resolvedAt ? { impactEndDate: resolvedAt } : {}),
    actions: [],
  };
}

type Record = { id: string; tags: string[]; createdAt: string };

type Interceptor = (
  request: Request,
  url: URL,
) => Response | undefined | Promise<Response | undefined>;

/** `(tag:a OR tag:b) AND createdAt>=123`: the only query shape the module sends. */
const QUERY = /^\((tag:[\w-]+(?: OR tag:[\w-]+)*)\) AND createdAt>=(\d+)$/;

/**
 * An Opsgenie account behind msw: searches, sorts and pages alerts and incidents like the real
 * API, answers schedules and on-calls, and records every request it got.
 */
export class FakeOpsgenie {
  alerts: ReturnType<typeof opsgenieAlert>[] = [];
  incidents: ReturnType<typeof opsgenieIncident>[] = [];
  /** The largest page the fake hands out (the real API: 100). */
  maxPageSize = 100;
  /** Consulted first for every request; an answer replaces the normal one. */
  intercept?: Interceptor;
  readonly requests: URL[] = [];

  /** No alerts or incidents, pages of 100, no interceptor and no requests, as at the start. */
  reset() {
    this.alerts = [];
    this.incidents = [];
    this.maxPageSize = 100;
    this.intercept = undefined;
    this.requests.length = 0;
  }

  searches() {
    return this.requests.filter(url =>
      ['/v2/alerts', '/v1/incidents'].includes(url.pathname),
    );
  }

  handlers() {
    const answer =
      (normal: (url: URL) => Response) =>
      async ({ request }: { request: Request }) => {
        const url = new URL(request.url);
        this.requests.push(url);
        if (request.headers.get('authorization') !== `GenieKey ${API_KEY}`) {
          return HttpResponse.json(
            {
              message: 'Could not authenticate',
              took: 0.001,
              requestId: requestId(),
            },
            { status: 401 },
          );
        }
        return (await this.intercept?.(request, url)) ?? normal(url);
      };
    const one = (records: () => Record[], kind: string) => (url: URL) => {
      const id = decodeURIComponent(url.pathname.split('/')[3]);
      const record = records().find(candidate => candidate.id === id);
      return record
        ? HttpResponse.json({
            data: record,
            took: 0.004,
            requestId: requestId(),
          })
        : HttpResponse.json(
            {
              message: `${kind} with id [${id}] does not exist.`,
              took: 0.002,
              requestId: requestId(),
            },
            { status: 404 },
          );
    };
    return [
      http.get(
        `${OPSGENIE_DOMAIN}/v2/alerts`,
        answer(url => this.search(url, this.alerts)),
      ),
      http.get(
        `${OPSGENIE_DOMAIN}/v2/alerts/:id`,
        answer(one(() => this.alerts, 'Alert')),
      ),
      http.get(
        `${OPSGENIE_DOMAIN}/v1/incidents`,
        answer(url => this.search(url, this.incidents)),
      ),
      http.get(
        `${OPSGENIE_DOMAIN}/v1/incidents/:id`,
        answer(one(() => this.incidents, 'Incident')),
      ),
      http.get(
        `${OPSGENIE_DOMAIN}/v2/schedules`,
        answer(() => this.schedules()),
      ),
      http.get(
        `${OPSGENIE_DOMAIN}/v2/schedules/:id/on-calls`,
        answer(url => this.onCalls(url)),
      ),
    ];
  }

  private search(url: URL, records: Record[]) {
    const match = QUERY.exec(url.searchParams.get('query') ?? '');
    if (
      !match ||
      url.searchParams.get('sort') !== 'createdAt' ||
      url.searchParams.get('order') !== 'asc'
    ) {
      return HttpResponse.json(
        { message: 'Invalid query', took: 0.001, requestId: requestId() },
        { status: 422 },
      );
    }
    const tags = match[1].split(' OR ').map(term => term.slice('tag:'.length));
    const since = Number(match[2]);
    const matching = records
      .filter(
        record =>
          record.tags.some(tag => tags.includes(tag)) &&
          (!record.createdAt || Date.parse(record.createdAt) >= since),
      )
      .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Math.min(
      Number(url.searchParams.get('limit') ?? 20),
      this.maxPageSize,
    );
    const pageUrl = (at: number) => {
      const page = new URL(url);
      page.searchParams.set('offset', String(at));
      page.searchParams.set('limit', String(limit));
      return page.toString();
    };
    return HttpResponse.json({
      data: matching.slice(offset, offset + limit),
      paging: {
        ...(offset + limit < matching.length
          ? { next: pageUrl(offset + limit) }
          : {}),
        first: pageUrl(0),
        last: pageUrl(Math.max(0, matching.length - limit)),
      },
      took: 0.605,
      requestId: requestId(),
    });
  }

  private schedules() {
    const schedule = (id: string, name: string, team: string) => ({
      id,
      name,
      description: '',
      timezone: 'Europe/Moscow',
      enabled: true,
      ownerTeam: { id: `${team}-id`, name: team },
      rotations: [
        {
          id: `${id}-rotation`,
          name: 'Weekly',
          startDate: '2026-01-05T09:00:00Z',
          type: 'weekly',
          length: 1,
          participants: [
            { type: 'user', id: 'u-anna', username: 'anna@example.com' },
          ],
        },
      ],
    });
    return HttpResponse.json({
      data: [
        schedule('sched-checkout', 'checkout_schedule', 'checkout-team'),
        schedule('sched-payments', 'payments_schedule', 'payments-team'),
      ],
      expandable: ['rotation'],
      took: 0.07,
      requestId: requestId(),
    });
  }

  private onCalls(url: URL) {
    const id = url.pathname.split('/')[3];
    const participants =
      id === 'sched-checkout'
        ? [
            { id: 'u-anna', name: 'anna@example.com', type: 'user' },
            {
              id: 'esc-1',
              name: 'checkout_escalation',
              type: 'escalation',
              onCallParticipants: [
                {
                  id: 'u-boris',
                  name: 'boris@example.com',
                  type: 'user',
                  escalationTime: 0,
                  notifyType: 'default',
                },
                {
                  id: 'u-chen',
                  name: 'chen@example.com',
                  type: 'user',
                  escalationTime: 10,
                  notifyType: 'default',
                },
              ],
            },
          ]
        : [{ id: 'u-dana', name: 'dana@example.com', type: 'user' }];
    return HttpResponse.json({
      data: {
        _parent: {
          id,
          name:
            id === 'sched-checkout' ? 'checkout_schedule' : 'payments_schedule',
          enabled: true,
        },
        onCallParticipants: participants,
      },
      took: 0.1,
      requestId: requestId(),
    });
  }
}
