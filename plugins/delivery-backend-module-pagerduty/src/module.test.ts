import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
// A module is tested together with the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@delivery-insights/backstage-plugin-delivery-backend';
import { hmacSha256Hex } from '@delivery-insights/backstage-plugin-delivery-node';
import {
  catalogComponent,
  fakeUpstreamControls,
  IncidentProviderScenarioAdapter,
  incidentProviderScenarios,
  incidentProviderTestRetry,
  setupProviderMswServer,
  startIncidentProviderTestBackend,
} from '@delivery-insights/backstage-plugin-delivery-node/testUtils';
import { HttpResponse } from 'msw';
import request from 'supertest';
import {
  FakeIncident,
  FakePagerDuty,
  PAGERDUTY_BASE_URL,
  pagerDutyIncident,
  TOKEN,
} from './__testUtils__/fakePagerDuty';
import { deliveryModulePagerDuty } from './module';
import { PAGERDUTY_SYNC_TASK_ID } from './PagerDutyProvider';

jest.setTimeout(120_000);

const WEBHOOK_SECRET = 'test-webhook-secret';
const HOUR_MS = 3_600_000;

const fake = new FakePagerDuty();
setupProviderMswServer(...fake.handlers());

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const entities = [
  // Two PagerDuty services behind one component.
  catalogComponent('checkout', {
    'pagerduty.com/service-id': 'PSVC001, PSVC002',
  }),
  catalogComponent('payments', { 'pagerduty.com/service-id': 'PSVC003' }),
  catalogComponent('docs'),
];

async function start(databaseId: TestDatabaseId) {
  return startIncidentProviderTestBackend({
    features: [deliveryPlugin, deliveryModulePagerDuty],
    databases,
    databaseId,
    entities,
    provider: 'pagerduty',
    syncTaskId: PAGERDUTY_SYNC_TASK_ID,
    config: {
      delivery: {
        pagerduty: {
          token: TOKEN,
          baseUrl: PAGERDUTY_BASE_URL,
          webhookSecret: WEBHOOK_SECRET,
          backfillDays: 30,
          retry: incidentProviderTestRetry,
        },
      },
    },
  });
}

/** Three resolved incidents (1 h, 3 h, 2 h) on the two services of checkout and one still open. */
function checkoutIncidents(now: number) {
  return [
    pagerDutyIncident({
      id: 'PA00001',
      serviceId: 'PSVC001',
      now,
      openedHoursAgo: 48,
      restoreHours: 1,
      ackMinutes: 5,
      priority: 'P1',
    }),
    pagerDutyIncident({
      id: 'PB00001',
      serviceId: 'PSVC002',
      now,
      openedHoursAgo: 30,
      restoreHours: 3,
      ackMinutes: 10,
    }),
    pagerDutyIncident({
      id: 'PA00002',
      serviceId: 'PSVC001',
      now,
      openedHoursAgo: 20,
      restoreHours: 2,
      urgency: 'low',
    }),
    secondServiceIncident(now),
  ];
}

/**
 * The incident of checkout's second service opened 5 h ago, acknowledged after 15 minutes: open,
 * or resolved after restoreHours.
 */
function secondServiceIncident(now: number, restoreHours?: number) {
  return pagerDutyIncident({
    id: 'PB00002',
    serviceId: 'PSVC002',
    now,
    openedHoursAgo: 5,
    ackMinutes: 15,
    restoreHours,
  });
}

const listRequestsFor = (serviceId: string) =>
  fake
    .listRequests()
    .filter(url =>
      url.searchParams.getAll('service_ids[]').includes(serviceId),
    );

/** The PagerDuty incidents and the fake PagerDuty for the scenarios every incident provider passes. */
const scenarios: Omit<
  IncidentProviderScenarioAdapter<FakeIncident>,
  'start'
> = {
  recordName: 'incident',
  secret: TOKEN,
  records: {
    checkout: checkoutIncidents,
    checkoutRestored: now => secondServiceIncident(now, 4),
    checkoutLater: now =>
      pagerDutyIncident({
        id: 'PA00003',
        serviceId: 'PSVC001',
        now,
        openedHoursAgo: 2,
        restoreHours: 1,
      }),
    checkoutBeforeBackfill: now =>
      pagerDutyIncident({
        id: 'PA00000',
        serviceId: 'PSVC001',
        now,
        openedHoursAgo: 40 * 24,
        restoreHours: 1,
      }),
    payments: now =>
      pagerDutyIncident({
        id: 'PC00001',
        serviceId: 'PSVC003',
        now,
        openedHoursAgo: 10,
        restoreHours: 4,
      }),
    malformed: now => ({
      record: {
        ...pagerDutyIncident({
          id: 'PBROKEN',
          serviceId: 'PSVC001',
          now,
          openedHoursAgo: 3,
        }),
        created_at: undefined as unknown as string,
      },
      reason: 'incident without a valid created_at',
    }),
    id: incident => incident.id,
  },
  upstream: {
    serve: incidents => {
      fake.incidents = incidents;
    },
    ...fakeUpstreamControls(fake),
    isSearch: url => url.pathname === '/incidents',
    isCheckoutSearch: url =>
      url.pathname === '/incidents' &&
      url.searchParams.getAll('service_ids[]').includes('PSVC001'),
    isRead: url => url.pathname.startsWith('/incidents/'),
    expectReadAgain: (reads, incident) =>
      expect(reads).toEqual([
        expect.objectContaining({ pathname: `/incidents/${incident.id}` }),
        // resolved now: its first acknowledgement comes from the log entries
        expect.objectContaining({
          pathname: `/incidents/${incident.id}/log_entries`,
        }),
      ]),
    searchSince: url => Date.parse(url.searchParams.get('since')!),
    searchCursor: url => url.searchParams.get('since'),
    cursorAt: incident => incident.created_at,
    rateLimited: retryAfter =>
      HttpResponse.json(
        { error: { message: 'Rate Limit Exceeded', code: 2020 } },
        { status: 429, headers: { 'Retry-After': retryAfter } },
      ),
    unavailable: () =>
      new HttpResponse('upstream connect error', { status: 503 }),
    serverError: () =>
      HttpResponse.json(
        { error: { message: 'Internal Server Error' } },
        { status: 500 },
      ),
  },
};

beforeEach(() => {
  fake.reset();
});

describe.each(databases.eachSupportedId())(
  'the PagerDuty module on %p',
  databaseId => {
    // The scenarios every incident provider passes; each one's run() asserts.
    // eslint-disable-next-line jest/expect-expect
    it.each(
      incidentProviderScenarios({
        ...scenarios,
        start: () => start(databaseId),
      }),
    )('$name', ({ run }) => run());

    it('maps the incidents of both services to incident records, with one query for the two', async () => {
      fake.incidents = checkoutIncidents(Date.now());
      fake.maxPageSize = 2;
      const backend = await start(databaseId);

      await backend.sync();

      // The times, the acknowledgements (of a resolved incident, from its log entries) and the
      // component: the scenarios above.
      const [a1, a2] = await backend.incidents('checkout');
      expect(a1).toMatchObject({
        id: 'PA00001',
        severity: 'P1',
        title: 'Checkout latency above 2 s',
        url: 'https://acme.eu.pagerduty.com/incidents/PA00001',
      });
      expect(a2).toMatchObject({ id: 'PA00002', severity: 'low' });

      // One query for both services, two pages of two.
      const pages = listRequestsFor('PSVC001');
      expect(
        pages.map(url => url.searchParams.getAll('service_ids[]')),
      ).toEqual([
        ['PSVC001', 'PSVC002'],
        ['PSVC001', 'PSVC002'],
      ]);
      expect(pages.map(url => url.searchParams.get('sort_by'))).toEqual([
        'created_at',
        'created_at',
      ]);
    });

    it('reads the backfill again when an administrator asks for it', async () => {
      fake.incidents = checkoutIncidents(Date.now());
      const backend = await start(databaseId);
      await backend.sync();
      fake.requests.length = 0;

      const requestedAt = Date.now();
      const response = await request(backend.server)
        .post(
          '/api/delivery/providers/pagerduty/backfill?entityRef=component:default/checkout',
        )
        .set('Authorization', mockCredentials.user.header());

      expect(response.status).toBe(202);
      const since = Date.parse(
        listRequestsFor('PSVC001')[0].searchParams.get('since')!,
      );
      expect(since).toBeLessThanOrEqual(requestedAt - 29 * 24 * HOUR_MS);
      expect(await backend.storedIds()).toEqual([
        'PA00001',
        'PA00002',
        'PB00001',
        'PB00002',
      ]);
    });

    it('tells who is on call for the escalation policies of the services', async () => {
      const backend = await start(databaseId);

      const body = await backend.get(
        '/entities/component/default/checkout/oncall',
      );

      expect(body).toEqual({
        items: [
          {
            provider: 'pagerduty',
            schedule: 'Checkout primary',
            level: 1,
            person: {
              name: 'Anna Petrova',
              email: 'anna@example.com',
              url: 'https://acme.eu.pagerduty.com/users/PXPGF42',
            },
            // PagerDuty wrote them in the account's zone (-05:00): answered in UTC.
            from: '2026-11-23T09:00:00.000Z',
            until: '2026-11-30T09:00:00.000Z',
          },
          {
            provider: 'pagerduty',
            schedule: 'Policy PEP0002',
            level: 1,
            person: {
              name: 'Chen Wei',
              email: 'chen@example.com',
              url: 'https://acme.eu.pagerduty.com/users/PUSER03',
            },
          },
          {
            provider: 'pagerduty',
            schedule: 'Policy PEP0001',
            level: 2,
            person: {
              name: 'Boris Ivanov',
              email: 'boris@example.com',
              url: 'https://acme.eu.pagerduty.com/users/PUSER02',
            },
          },
        ],
        errors: [],
      });
      expect(
        (await backend.get('/entities/component/default/docs/oncall')).items,
      ).toEqual([]);
    });

    describe('webhooks', () => {
      const webhook = (
        eventType: string,
        options: {
          id: string;
          occurredAt: string;
          status: string;
          /** Fields of `event.data` to replace (undefined: left out). */
          data?: Record<string, unknown>;
        },
      ) => {
        const now = Date.now();
        const incident = pagerDutyIncident({
          id: 'PWEB001',
          serviceId: 'PSVC002',
          now,
          openedHoursAgo: 2,
        });
        return Buffer.from(
          JSON.stringify({
            event: {
              id: options.id,
              event_type: eventType,
              resource_type: 'incident',
              occurred_at: options.occurredAt,
              agent: {
                html_url: 'https://acme.eu.pagerduty.com/users/PXPGF42',
                id: 'PXPGF42',
                self: `${PAGERDUTY_BASE_URL}/users/PXPGF42`,
                summary: 'Anna Petrova',
                type: 'user_reference',
              },
              client: null,
              data: {
                id: incident.id,
                type: 'incident',
                self: incident.self,
                html_url: incident.html_url,
                number: incident.incident_number,
                status: options.status,
                incident_key: incident.incident_key,
                created_at: incident.created_at,
                title: incident.title,
                service: incident.service,
                assignees: [],
                escalation_policy: incident.escalation_policy,
                teams: [],
                priority: null,
                urgency: 'high',
                conference_bridge: null,
                resolve_reason: null,
                ...options.data,
              },
            },
          }),
        );
      };
      const post = (
        server: Awaited<ReturnType<typeof start>>['server'],
        body: Buffer,
        signature?: string,
      ) => {
        const call = request(server)
          .post('/api/delivery/webhooks/pagerduty')
          .set('Content-Type', 'application/json');
        return (
          signature === undefined
            ? call
            : call.set('X-PagerDuty-Signature', signature)
        ).send(body.toString('utf8')); // the exact bytes (a Buffer would be sent as JSON)
      };
      const sign = (body: Buffer, secret = WEBHOOK_SECRET) =>
        `v1=${hmacSha256Hex(secret, body)}`;

      it('stores a signed incident for the component of its service and refuses a replay', async () => {
        const backend = await start(databaseId);
        const openedAt = new Date(Date.now() - 2 * HOUR_MS);
        const triggered = webhook('incident.triggered', {
          id: '01DEN4HFB8ZRVN9D5W8A4ZSD9T',
          occurredAt: openedAt.toISOString(),
          status: 'triggered',
        });

        const stored = await post(backend.server, triggered, sign(triggered));
        expect(stored.status).toBe(200);
        expect(stored.body).toMatchObject({ received: 1, inserted: 1 });

        const replay = await post(backend.server, triggered, sign(triggered));
        expect(replay.status).toBe(409);

        // During a secret rotation PagerDuty signs with both secrets.
        const resolvedAt = new Date(Date.now() - HOUR_MS).toISOString();
        const resolved = webhook('incident.resolved', {
          id: '01DEN4HFB8ZRVN9D5W8A4ZSD9V',
          occurredAt: resolvedAt,
          status: 'resolved',
        });
        const updated = await post(
          backend.server,
          resolved,
          `${sign(resolved, 'old-secret')}, ${sign(resolved)}`,
        );
        expect(updated.status).toBe(200);
        expect(updated.body).toMatchObject({ received: 1, updated: 1 });

        expect(await backend.incidents('checkout')).toEqual([
          expect.objectContaining({
            source: 'pagerduty',
            id: 'PWEB001',
            entityRef: 'component:default/checkout',
            resolvedAt,
            timeToRestoreHours: expect.closeTo(1, 2),
          }),
        ]);
      });

      it('answers 401 and stores nothing without a valid signature', async () => {
        const backend = await start(databaseId);
        const body = webhook('incident.triggered', {
          id: '01DEN4HFB8ZRVN9D5W8A4ZSD9W',
          occurredAt: new Date().toISOString(),
          status: 'triggered',
        });

        const bad = await post(backend.server, body, sign(body, 'wrong'));
        expect(bad.status).toBe(401);
        const missing = await post(backend.server, body);
        expect(missing.status).toBe(401);
        const tampered = await post(
          backend.server,
          Buffer.from(body.toString('utf8').replace('PSVC002', 'PSVC001')),
          sign(body),
        );
        expect(tampered.status).toBe(401);

        expect(await backend.storedIds()).toEqual([]);
        // Not remembered either: the genuine delivery still goes through.
        expect((await post(backend.server, body, sign(body))).status).toBe(200);
      });

      it('answers 400 naming the field and stores nothing for a signed incident of the wrong shape', async () => {
        const backend = await start(databaseId);
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ title: 42 }, /event\.data\.title: /],
          [{ acknowledgements: {} }, /event\.data\.acknowledgements: /],
          [{ priority: { summary: 7 } }, /event\.data\.priority\.summary: /],
          [
            { created_at: 'today' },
            /event\.data\.created_at: must be an ISO 8601 time/,
          ],
        ];
        for (const [index, [data, message]] of cases.entries()) {
          const body = webhook('incident.triggered', {
            id: `01DEN4HFB8ZRVN9D5W8A4ZSE0${index}`,
            occurredAt: new Date().toISOString(),
            status: 'triggered',
            data,
          });
          const response = await post(backend.server, body, sign(body));
          expect({ index, status: response.status }).toEqual({
            index,
            status: 400,
          });
          expect(response.body.error.name).toBe('InputError');
          expect(response.body.error.message).toMatch(message);
        }
        const notAnObject = Buffer.from('null');
        const refused = await post(
          backend.server,
          notAnObject,
          sign(notAnObject),
        );
        expect(refused.status).toBe(400);
        expect(await backend.storedIds()).toEqual([]);
      });

      it('follows an incident through v3 events without created_at, as PagerDuty sent them in 2021', async () => {
        const backend = await start(databaseId);
        const base = Date.now() - 3 * HOUR_MS;
        const at = (minutes: number) =>
          new Date(base + minutes * 60_000).toISOString();
        const deliver = async (
          eventType: string,
          id: string,
          minutes: number,
          status: string,
          incidentId = 'PWEB001',
        ) => {
          const body = webhook(eventType, {
            id,
            occurredAt: at(minutes),
            status,
            // The 2021 captures carry no created_at (and no acknowledgements).
            data: { id: incidentId, created_at: undefined },
          });
          return post(backend.server, body, sign(body));
        };

        const triggered = await deliver(
          'incident.triggered',
          '01FA0000000000000000000001',
          0,
          'triggered',
        );
        expect(triggered.body).toMatchObject({ received: 1, inserted: 1 });
        const acknowledged = await deliver(
          'incident.acknowledged',
          '01FA0000000000000000000002',
          5,
          'acknowledged',
        );
        expect(acknowledged.body).toMatchObject({ received: 1, updated: 1 });
        const resolved = await deliver(
          'incident.resolved',
          '01FA0000000000000000000003',
          60,
          'resolved',
        );
        expect(resolved.body).toMatchObject({ received: 1, updated: 1 });
        // The acknowledgement retried after the resolution is older: the incident stays resolved.
        const late = await deliver(
          'incident.acknowledged',
          '01FA0000000000000000000004',
          6,
          'acknowledged',
        );
        expect(late.body).toMatchObject({ updated: 0, outdated: 1 });

        expect(await backend.incidents('checkout')).toEqual([
          expect.objectContaining({
            id: 'PWEB001',
            openedAt: at(0),
            acknowledgedAt: at(5),
            resolvedAt: at(60),
          }),
        ]);

        // An acknowledgement of an incident never stored cannot be placed in time.
        const unknown = await deliver(
          'incident.acknowledged',
          '01FA0000000000000000000005',
          10,
          'acknowledged',
          'PWEB404',
        );
        expect(unknown.status).toBe(202);
        expect(unknown.body.ignored).toBe(
          'incident PWEB404 is not stored and its incident.acknowledged event has no created_at',
        );
      });

      it('ignores events it does not store', async () => {
        const backend = await start(databaseId);
        const body = webhook('incident.annotated', {
          id: '01DEN4HFB8ZRVN9D5W8A4ZSD9X',
          occurredAt: new Date().toISOString(),
          status: 'triggered',
        });

        const response = await post(backend.server, body, sign(body));

        expect(response.status).toBe(202);
        expect(response.body).toEqual({
          ignored: 'event type incident.annotated is not stored',
        });
        expect(await backend.storedIds()).toEqual([]);
      });
    });
  },
);
