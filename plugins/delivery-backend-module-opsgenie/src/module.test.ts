import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
// A module is tested together with the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@internal/backstage-plugin-delivery-backend';
import { IncidentRecord } from '@internal/backstage-plugin-delivery-common';
import {
  catalogComponent,
  setupProviderMswServer,
  startProviderTestBackend,
} from '@internal/backstage-plugin-delivery-node/testUtils';
import { delay, HttpResponse } from 'msw';
import {
  API_KEY,
  FakeOpsgenie,
  OPSGENIE_DOMAIN,
  opsgenieAlert,
  opsgenieIncident,
} from './__testUtils__/fakeOpsgenie';
import { deliveryModuleOpsgenie } from './module';
import { OPSGENIE_SYNC_TASK_ID } from './OpsgenieProvider';

jest.setTimeout(120_000);

const HOUR_MS = 3_600_000;
const WEB_URL = 'https://acme.app.eu.opsgenie.com';

const fake = new FakeOpsgenie();
setupProviderMswServer(...fake.handlers());

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const entities = [
  // The alerts of two services (the API and its database) belong to one component.
  catalogComponent('checkout', {
    'opsgenie.com/component-selector': 'tag:checkout OR tag:checkout-db',
    'opsgenie.com/team': 'checkout-team',
  }),
  catalogComponent('payments', {
    'opsgenie.com/component-selector': 'tag:payments',
  }),
  catalogComponent('docs'),
];

async function start(
  databaseId: TestDatabaseId,
  options: { source?: 'alerts' | 'incidents' } = {},
) {
  const backend = await startProviderTestBackend({
    features: [deliveryPlugin, deliveryModuleOpsgenie],
    databases,
    databaseId,
    entities,
    config: {
      delivery: {
        opsgenie: {
          apiKey: API_KEY,
          domain: OPSGENIE_DOMAIN,
          webUrl: WEB_URL,
          backfillDays: 30,
          ...(options.source ? { source: options.source } : {}),
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
  const sync = () => backend.scheduler.run(OPSGENIE_SYNC_TASK_ID);
  const timeToRestore = async (name: string) =>
    (await get(`/entities/component/default/${name}/scorecard`)).dora
      .timeToRestore;
  const incidents = async (name: string) =>
    (
      (await get(`/entities/component/default/${name}/records`))
        .incidents as IncidentRecord[]
    ).sort((a, b) => a.id.localeCompare(b.id));
  const syncStatus = (name: string) =>
    backend.syncStatus('opsgenie', `component:default/${name}`);
  const storedIds = async () =>
    (
      await knex('delivery_incidents')
        .where({ source: 'opsgenie' })
        .select('id')
    )
      .map(row => row.id)
      .sort();
  return { server, sync, get, timeToRestore, incidents, syncStatus, storedIds };
}

/** Three closed alerts (1 h, 3 h, 2 h) of checkout's two services and one still open. */
function checkoutAlerts(now: number) {
  return [
    opsgenieAlert({
      id: 'a1-checkout',
      tag: 'checkout',
      now,
      openedHoursAgo: 48,
      ackMinutes: 5,
      closeHours: 1,
      priority: 'P1',
    }),
    opsgenieAlert({
      id: 'b1-checkout-db',
      tag: 'checkout-db',
      now,
      openedHoursAgo: 30,
      closeHours: 3,
    }),
    opsgenieAlert({
      id: 'a2-checkout',
      tag: 'checkout',
      now,
      openedHoursAgo: 20,
      closeHours: 2,
    }),
    opsgenieAlert({
      id: 'b2-checkout-db',
      tag: 'checkout-db',
      now,
      openedHoursAgo: 5,
      ackMinutes: 15,
    }),
  ];
}

const checkoutSearches = () =>
  fake
    .searches()
    .filter(url => url.searchParams.get('query')?.includes('tag:checkout '));

beforeEach(() => {
  fake.alerts = [];
  fake.incidents = [];
  fake.maxPageSize = 100;
  fake.intercept = undefined;
  fake.requests.length = 0;
});

describe.each(databases.eachSupportedId())(
  'the Opsgenie module on %p',
  databaseId => {
    it('fills the time to restore of a component from the alerts its selector finds, page by page', async () => {
      const now = Date.now();
      fake.alerts = [
        ...checkoutAlerts(now),
        opsgenieAlert({
          id: 'c1-payments',
          tag: 'payments',
          now,
          openedHoursAgo: 10,
          closeHours: 4,
        }),
        // Older than the backfill of 30 days.
        opsgenieAlert({
          id: 'a0-checkout',
          tag: 'checkout',
          now,
          openedHoursAgo: 40 * 24,
          closeHours: 1,
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
        source: 'opsgenie',
        id: 'a1-checkout',
        entityRef: 'component:default/checkout',
        severity: 'P1',
        title: 'Checkout error rate above 1%',
        url: `${WEB_URL}/alert/detail/a1-checkout/details`,
        timeToRestoreHours: 1,
      });
      // The report's ackTime is milliseconds after creation.
      expect(Date.parse(a1.acknowledgedAt!) - Date.parse(a1.openedAt)).toBe(
        5 * 60_000,
      );
      expect(a2).toMatchObject({
        id: 'a2-checkout',
        severity: 'P3',
        acknowledgedAt: null,
        timeToRestoreHours: 2,
      });
      expect(b1).toMatchObject({ id: 'b1-checkout-db', timeToRestoreHours: 3 });
      expect(b2).toMatchObject({ id: 'b2-checkout-db', resolvedAt: null });
      expect(Date.parse(b2.acknowledgedAt!) - Date.parse(b2.openedAt)).toBe(
        15 * 60_000,
      );

      const pages = checkoutSearches();
      expect(pages.map(url => url.searchParams.get('offset'))).toEqual([
        '0',
        '2',
      ]);
      const query = pages[0].searchParams.get('query')!;
      expect(query).toMatch(
        /^\(tag:checkout OR tag:checkout-db\) AND createdAt>=\d+$/,
      );
      // The first sync reads the configured backfill of 30 days.
      const since = Number(query.split('>=')[1]);
      expect(since).toBeGreaterThanOrEqual(syncStartedAt - 30 * 24 * HOUR_MS);
      expect(since).toBeLessThanOrEqual(syncEndedAt - 30 * 24 * HOUR_MS);

      expect(await backend.syncStatus('checkout')).toMatchObject({
        recordsSeen: 4,
        recordsSkipped: 0,
        lastSuccessAt: expect.any(String),
      });
    });

    it('goes on from its cursor and re-reads the alerts it saw open until they are closed', async () => {
      const now = Date.now();
      fake.alerts = checkoutAlerts(now);
      const backend = await start(databaseId);
      await backend.sync();
      const firstSyncAt = Date.now();

      fake.alerts = fake.alerts.map(alert =>
        alert.id === 'b2-checkout-db'
          ? opsgenieAlert({
              id: 'b2-checkout-db',
              tag: 'checkout-db',
              now,
              openedHoursAgo: 5,
              ackMinutes: 15,
              closeHours: 4,
            })
          : alert,
      );
      fake.requests.length = 0;
      await backend.sync();

      const since = Number(
        checkoutSearches()[0].searchParams.get('query')!.split('>=')[1],
      );
      expect(since).toBeGreaterThan(now - HOUR_MS);
      expect(since).toBeLessThanOrEqual(firstSyncAt);
      const reads = fake.requests.filter(url =>
        url.pathname.startsWith('/v2/alerts/'),
      );
      expect(reads.map(url => url.pathname)).toEqual([
        '/v2/alerts/b2-checkout-db',
      ]);
      expect(reads[0].searchParams.get('identifierType')).toBe('id');
      expect(await backend.timeToRestore('checkout')).toMatchObject({
        value: 2.5,
        sampleSize: 4,
        open: 0,
      });

      fake.requests.length = 0;
      await backend.sync();
      expect(
        fake.requests.filter(url => url.pathname.startsWith('/v2/alerts/')),
      ).toEqual([]);
    });

    it('waits out a rate limit as Retry-After asks', async () => {
      fake.alerts = checkoutAlerts(Date.now());
      const times: number[] = [];
      fake.intercept = (_request, url) => {
        if (url.pathname !== '/v2/alerts') {
          return undefined;
        }
        times.push(Date.now());
        return times.length === 1
          ? HttpResponse.json(
              {
                message: 'You are making too many requests!',
                took: 0.001,
                requestId: 'rl-1',
              },
              {
                status: 429,
                headers: {
                  'Retry-After': '1',
                  'X-RateLimit-State': 'THROTTLED',
                },
              },
            )
          : undefined;
      };
      const backend = await start(databaseId);

      await backend.sync();

      expect(times.length).toBeGreaterThanOrEqual(2);
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
      expect((await backend.timeToRestore('checkout')).sampleSize).toBe(3);
    });

    it('retries a 5xx answer and a request that times out', async () => {
      fake.alerts = checkoutAlerts(Date.now());
      let calls = 0;
      fake.intercept = async (_request, url) => {
        if (url.pathname !== '/v2/alerts') {
          return undefined;
        }
        calls++;
        if (calls === 1) {
          return new HttpResponse('Service Unavailable', { status: 503 });
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
      fake.alerts = [
        ...checkoutAlerts(now),
        opsgenieAlert({
          id: 'c1-payments',
          tag: 'payments',
          now,
          openedHoursAgo: 10,
          closeHours: 4,
        }),
      ];
      fake.intercept = (_request, url) =>
        url.searchParams.get('query')?.includes('tag:checkout ')
          ? HttpResponse.json(
              { message: 'Internal error', took: 0, requestId: 'e-1' },
              { status: 500 },
            )
          : undefined;
      const backend = await start(databaseId);

      await backend.sync();

      const checkout = await backend.syncStatus('checkout');
      expect(checkout.lastError).toContain('500');
      expect(checkout.lastError).not.toContain(API_KEY);
      expect(await backend.syncStatus('payments')).toMatchObject({
        lastSuccessAt: expect.any(String),
        recordsSeen: 1,
      });
      expect(await backend.storedIds()).toEqual(['c1-payments']);
    });

    it('skips a malformed alert and reports it in the sync status', async () => {
      const now = Date.now();
      const broken = {
        ...opsgenieAlert({
          id: 'broken-alert',
          tag: 'checkout',
          now,
          openedHoursAgo: 3,
        }),
        createdAt: undefined as unknown as string,
      };
      fake.alerts = [...checkoutAlerts(now), broken];
      const backend = await start(databaseId);

      await backend.sync();

      expect((await backend.timeToRestore('checkout')).sampleSize).toBe(3);
      expect(await backend.syncStatus('checkout')).toMatchObject({
        lastSuccessAt: expect.any(String),
        recordsSeen: 5,
        recordsSkipped: 1,
        lastSkipped: [
          { id: 'broken-alert', reason: 'alert without a valid createdAt' },
        ],
      });
      expect(await backend.storedIds()).not.toContain('broken-alert');
    });

    it('resumes an interrupted sync from its cursor without duplicates', async () => {
      const now = Date.now();
      fake.alerts = [
        ...checkoutAlerts(now),
        opsgenieAlert({
          id: 'a3-checkout',
          tag: 'checkout',
          now,
          openedHoursAgo: 2,
          closeHours: 1,
        }),
      ];
      fake.maxPageSize = 2;
      fake.intercept = (_request, url) =>
        url.pathname === '/v2/alerts' && url.searchParams.get('offset') === '2'
          ? new HttpResponse(null, { status: 502 })
          : undefined;
      const backend = await start(databaseId);

      await backend.sync();
      expect(await backend.storedIds()).toEqual([
        'a1-checkout',
        'b1-checkout-db',
      ]);
      expect((await backend.syncStatus('checkout')).lastError).toContain('502');

      fake.intercept = undefined;
      fake.requests.length = 0;
      await backend.sync();

      // Resumed at the newest alert of the stored page, not at the backfill start.
      expect(checkoutSearches()[0].searchParams.get('query')).toBe(
        `(tag:checkout OR tag:checkout-db) AND createdAt>=${Date.parse(
          fake.alerts[1].createdAt,
        )}`,
      );
      expect(await backend.storedIds()).toEqual([
        'a1-checkout',
        'a2-checkout',
        'a3-checkout',
        'b1-checkout-db',
        'b2-checkout-db',
      ]);
      expect(await backend.timeToRestore('checkout')).toMatchObject({
        sampleSize: 4,
        open: 1,
      });
    });

    it("tells who is on call from the schedules of the entity's team", async () => {
      const backend = await start(databaseId);

      const body = await backend.get(
        '/entities/component/default/checkout/oncall',
      );

      expect(body).toEqual({
        items: [
          {
            provider: 'opsgenie',
            schedule: 'checkout_schedule',
            level: 1,
            person: { name: 'anna@example.com', email: 'anna@example.com' },
          },
          {
            provider: 'opsgenie',
            schedule: 'checkout_schedule',
            level: 1,
            person: { name: 'boris@example.com', email: 'boris@example.com' },
          },
          {
            provider: 'opsgenie',
            schedule: 'checkout_schedule',
            level: 2,
            person: { name: 'chen@example.com', email: 'chen@example.com' },
          },
        ],
        errors: [],
      });
      expect(
        fake.requests
          .filter(url => url.pathname.endsWith('/on-calls'))
          .map(url => [url.pathname, url.searchParams.get('flat')]),
      ).toEqual([['/v2/schedules/sched-checkout/on-calls', 'false']]);
      // Without a team there is no schedule to ask.
      expect(
        (await backend.get('/entities/component/default/payments/oncall'))
          .items,
      ).toEqual([]);
    });

    it('reads Opsgenie incidents instead of alerts when configured', async () => {
      const now = Date.now();
      fake.alerts = checkoutAlerts(now);
      fake.incidents = [
        opsgenieIncident({
          id: 'i1',
          tag: 'checkout',
          now,
          openedHoursAgo: 30,
          resolveHours: 0.5,
        }),
        opsgenieIncident({
          id: 'i2',
          tag: 'checkout-db',
          now,
          openedHoursAgo: 10,
          resolveHours: 1.5,
        }),
        opsgenieIncident({ id: 'i3', tag: 'checkout', now, openedHoursAgo: 1 }),
      ];
      const backend = await start(databaseId, { source: 'incidents' });

      await backend.sync();

      expect(await backend.timeToRestore('checkout')).toMatchObject({
        value: 1,
        sampleSize: 2,
        open: 1,
      });
      expect((await backend.incidents('checkout'))[0]).toMatchObject({
        id: 'i1',
        severity: 'P1',
        title: 'Checkout is down',
        url: 'https://acme.app.eu.opsgenie.com/incident/detail/i1',
        acknowledgedAt: null,
      });
      expect(
        fake.searches().every(url => url.pathname === '/v1/incidents'),
      ).toBe(true);
    });
  },
);
