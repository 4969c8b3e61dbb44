import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
// A module is tested together with the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@internal/backstage-plugin-delivery-backend';
import { IncidentRecord } from '@internal/backstage-plugin-delivery-common';
import { hmacSha256Hex } from '@internal/backstage-plugin-delivery-node';
import {
  catalogComponent,
  setupProviderMswServer,
  startProviderTestBackend,
} from '@internal/backstage-plugin-delivery-node/testUtils';
import { delay, HttpResponse } from 'msw';
import request from 'supertest';
import {
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
  const backend = await startProviderTestBackend({
    features: [deliveryPlugin, deliveryModulePagerDuty],
    databases,
    databaseId,
    entities,
    config: {
      delivery: {
        pagerduty: {
          token: TOKEN,
          baseUrl: PAGERDUTY_BASE_URL,
          webhookSecret: WEBHOOK_SECRET,
          backfillDays: 30,
          retry: {
            retries: 2,
            timeoutMs: 300,
            baseDelayMs: 10,
            maxDelayMs: 5000,
          },
        },
      },
    },
  });
  const { server, knex, get } = backend;
  const sync = () => backend.scheduler.run(PAGERDUTY_SYNC_TASK_ID);
  const timeToRestore = async (name: string) =>
    (await get(`/entities/component/default/${name}/scorecard`)).dora
      .timeToRestore;
  const incidents = async (name: string) =>
    (
      (await get(`/entities/component/default/${name}/records`))
        .incidents as IncidentRecord[]
    ).sort((a, b) => a.id.localeCompare(b.id));
  const syncStatus = (name: string) =>
    backend.syncStatus('pagerduty', `component:default/${name}`);
  const storedIds = async () =>
    (
      await knex('delivery_incidents')
        .where({ source: 'pagerduty' })
        .select('id')
    )
      .map(row => row.id)
      .sort();
  return {
    server,
    sync,
    get,
    timeToRestore,
    incidents,
    syncStatus,
    storedIds,
  };
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
    pagerDutyIncident({
      id: 'PB00002',
      serviceId: 'PSVC002',
      now,
      openedHoursAgo: 5,
      ackMinutes: 15,
    }),
  ];
}

const listRequestsFor = (serviceId: string) =>
  fake
    .listRequests()
    .filter(url =>
      url.searchParams.getAll('service_ids[]').includes(serviceId),
    );

beforeEach(() => {
  fake.incidents = [];
  fake.maxPageSize = 100;
  fake.intercept = undefined;
  fake.requests.length = 0;
});

describe.each(databases.eachSupportedId())(
  'the PagerDuty module on %p',
  databaseId => {
    it('fills the time to restore of a component from the incidents of its two services, page by page', async () => {
      const now = Date.now();
      fake.incidents = [
        ...checkoutIncidents(now),
        pagerDutyIncident({
          id: 'PC00001',
          serviceId: 'PSVC003',
          now,
          openedHoursAgo: 10,
          restoreHours: 4,
        }),
        // Older than the backfill of 30 days.
        pagerDutyIncident({
          id: 'PA00000',
          serviceId: 'PSVC001',
          now,
          openedHoursAgo: 40 * 24,
          restoreHours: 1,
        }),
      ];
      fake.maxPageSize = 2;
      const backend = await start(databaseId);

      const syncStartedAt = Date.now();
      await backend.sync();
      const syncEndedAt = Date.now();

      expect(await backend.timeToRestore('checkout')).toMatchObject({
        value: 2,
        unit: 'hours',
        sampleSize: 3,
        open: 1,
      });
      expect((await backend.timeToRestore('payments')).value).toBe(4);

      const [a1, a2, b1, b2] = await backend.incidents('checkout');
      expect(a1).toMatchObject({
        source: 'pagerduty',
        id: 'PA00001',
        entityRef: 'component:default/checkout',
        severity: 'P1',
        title: 'Checkout latency above 2 s',
        url: 'https://acme.eu.pagerduty.com/incidents/PA00001',
        timeToRestoreHours: 1,
      });
      // A resolved incident lists no acknowledgements; the first one comes from its log entries.
      expect(Date.parse(a1.acknowledgedAt!) - Date.parse(a1.openedAt)).toBe(
        5 * 60_000,
      );
      expect(a2).toMatchObject({
        id: 'PA00002',
        severity: 'low',
        acknowledgedAt: null,
      });
      expect(b1).toMatchObject({ id: 'PB00001', timeToRestoreHours: 3 });
      expect(b2).toMatchObject({ id: 'PB00002', resolvedAt: null });
      expect(Date.parse(b2.acknowledgedAt!) - Date.parse(b2.openedAt)).toBe(
        15 * 60_000,
      );

      // One query for both services, two pages of two.
      const pages = listRequestsFor('PSVC001');
      expect(
        pages.map(url => url.searchParams.getAll('service_ids[]')),
      ).toEqual([
        ['PSVC001', 'PSVC002'],
        ['PSVC001', 'PSVC002'],
      ]);
      expect(pages.map(url => url.searchParams.get('offset'))).toEqual([
        '0',
        '2',
      ]);
      // The first sync reads the configured backfill of 30 days.
      const since = Date.parse(pages[0].searchParams.get('since')!);
      expect(since).toBeGreaterThanOrEqual(syncStartedAt - 30 * 24 * HOUR_MS);
      expect(since).toBeLessThanOrEqual(syncEndedAt - 30 * 24 * HOUR_MS);
      expect(pages[0].searchParams.get('sort_by')).toBe('created_at');

      expect(await backend.syncStatus('checkout')).toMatchObject({
        recordsSeen: 4,
        recordsSkipped: 0,
        lastSuccessAt: expect.any(String),
      });
    });

    it('goes on from its cursor and re-reads the incidents it saw open until they are resolved', async () => {
      const now = Date.now();
      fake.incidents = checkoutIncidents(now);
      const backend = await start(databaseId);
      await backend.sync();
      const firstSyncAt = Date.now();

      fake.incidents = fake.incidents.map(incident =>
        incident.id === 'PB00002'
          ? pagerDutyIncident({
              id: 'PB00002',
              serviceId: 'PSVC002',
              now,
              openedHoursAgo: 5,
              ackMinutes: 15,
              restoreHours: 4,
            })
          : incident,
      );
      fake.requests.length = 0;
      await backend.sync();

      const since = Date.parse(
        listRequestsFor('PSVC001')[0].searchParams.get('since')!,
      );
      expect(since).toBeGreaterThan(now - HOUR_MS);
      expect(since).toBeLessThanOrEqual(firstSyncAt);
      expect(
        fake.requests.filter(url => url.pathname.startsWith('/incidents/P')),
      ).toEqual([
        expect.objectContaining({ pathname: '/incidents/PB00002' }),
        // resolved now: its first acknowledgement comes from the log entries
        expect.objectContaining({
          pathname: '/incidents/PB00002/log_entries',
        }),
      ]);
      expect(await backend.timeToRestore('checkout')).toMatchObject({
        value: 2.5,
        sampleSize: 4,
        open: 0,
      });

      fake.requests.length = 0;
      await backend.sync();
      expect(
        fake.requests.filter(url => url.pathname.startsWith('/incidents/P')),
      ).toEqual([]);
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

    it('waits out a rate limit as Retry-After asks', async () => {
      fake.incidents = checkoutIncidents(Date.now());
      const times: number[] = [];
      fake.intercept = (_request, url) => {
        if (url.pathname !== '/incidents') {
          return undefined;
        }
        times.push(Date.now());
        return times.length === 1
          ? HttpResponse.json(
              { error: { message: 'Rate Limit Exceeded', code: 2020 } },
              { status: 429, headers: { 'Retry-After': '1' } },
            )
          : undefined;
      };
      const backend = await start(databaseId);

      await backend.sync();

      expect(times.length).toBeGreaterThanOrEqual(2);
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
      expect((await backend.timeToRestore('checkout')).sampleSize).toBe(3);
      expect(await backend.syncStatus('checkout')).toMatchObject({
        lastSuccessAt: expect.any(String),
      });
    });

    it('retries a 5xx answer and a request that times out', async () => {
      fake.incidents = checkoutIncidents(Date.now());
      let calls = 0;
      fake.intercept = async (_request, url) => {
        if (url.pathname !== '/incidents') {
          return undefined;
        }
        calls++;
        if (calls === 1) {
          return new HttpResponse('upstream connect error', { status: 503 });
        }
        if (calls === 2) {
          await delay(1500);
        }
        return undefined;
      };
      const backend = await start(databaseId);

      await backend.sync();

      expect(calls).toBeGreaterThanOrEqual(3);
      expect((await backend.timeToRestore('checkout')).sampleSize).toBe(3);
      const status = await backend.syncStatus('checkout');
      expect(status.lastSuccessAt).toEqual(expect.any(String));
      expect(status.lastError ?? undefined).toBeUndefined();
    });

    it('records the failure of an entity whose upstream keeps failing and goes on with the next', async () => {
      const now = Date.now();
      fake.incidents = [
        ...checkoutIncidents(now),
        pagerDutyIncident({
          id: 'PC00001',
          serviceId: 'PSVC003',
          now,
          openedHoursAgo: 10,
          restoreHours: 4,
        }),
      ];
      fake.intercept = (_request, url) =>
        url.searchParams.getAll('service_ids[]').includes('PSVC001')
          ? HttpResponse.json(
              { error: { message: 'Internal Server Error' } },
              { status: 500 },
            )
          : undefined;
      const backend = await start(databaseId);

      await backend.sync();

      const checkout = await backend.syncStatus('checkout');
      expect(checkout.lastError).toContain('500');
      expect(checkout.lastError).not.toContain(TOKEN);
      expect(checkout.lastSuccessAt ?? undefined).toBeUndefined();
      expect(await backend.syncStatus('payments')).toMatchObject({
        lastSuccessAt: expect.any(String),
        recordsSeen: 1,
      });
      expect(await backend.storedIds()).toEqual(['PC00001']);
    });

    it('skips a malformed incident and reports it in the sync status', async () => {
      const now = Date.now();
      const broken = {
        ...pagerDutyIncident({
          id: 'PBROKEN',
          serviceId: 'PSVC001',
          now,
          openedHoursAgo: 3,
        }),
        created_at: undefined as unknown as string,
      };
      fake.incidents = [...checkoutIncidents(now), broken];
      const backend = await start(databaseId);

      await backend.sync();

      expect((await backend.timeToRestore('checkout')).sampleSize).toBe(3);
      expect(await backend.syncStatus('checkout')).toMatchObject({
        lastSuccessAt: expect.any(String),
        recordsSeen: 5,
        recordsSkipped: 1,
        lastSkipped: [
          { id: 'PBROKEN', reason: 'incident without a valid created_at' },
        ],
      });
      expect(await backend.storedIds()).not.toContain('PBROKEN');
    });

    it('resumes an interrupted sync from its cursor without duplicates', async () => {
      const now = Date.now();
      fake.incidents = [
        ...checkoutIncidents(now),
        pagerDutyIncident({
          id: 'PA00003',
          serviceId: 'PSVC001',
          now,
          openedHoursAgo: 2,
          restoreHours: 1,
        }),
      ];
      fake.maxPageSize = 2;
      fake.intercept = (_request, url) =>
        url.pathname === '/incidents' && url.searchParams.get('offset') === '2'
          ? new HttpResponse(null, { status: 502 })
          : undefined;
      const backend = await start(databaseId);

      await backend.sync();
      expect(await backend.storedIds()).toEqual(['PA00001', 'PB00001']);
      expect((await backend.syncStatus('checkout')).lastError).toContain('502');

      fake.intercept = undefined;
      fake.requests.length = 0;
      await backend.sync();

      // Resumed at the newest incident of the stored page, not at the backfill start.
      expect(listRequestsFor('PSVC001')[0].searchParams.get('since')).toBe(
        fake.incidents[1].created_at,
      );
      expect(await backend.storedIds()).toEqual([
        'PA00001',
        'PA00002',
        'PA00003',
        'PB00001',
        'PB00002',
      ]);
      expect(await backend.timeToRestore('checkout')).toMatchObject({
        sampleSize: 4,
        open: 1,
      });
      expect(await backend.syncStatus('checkout')).toMatchObject({
        lastSuccessAt: expect.any(String),
      });
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
            from: '2026-11-23T09:00:00Z',
            until: '2026-11-30T09:00:00Z',
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
        options: { id: string; occurredAt: string; status: string },
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
