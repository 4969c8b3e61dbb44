import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
// A module is tested together with the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@delivery-insights/backstage-plugin-delivery-backend';
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
  return startIncidentProviderTestBackend({
    features: [deliveryPlugin, deliveryModuleOpsgenie],
    databases,
    databaseId,
    entities,
    provider: 'opsgenie',
    syncTaskId: OPSGENIE_SYNC_TASK_ID,
    config: {
      delivery: {
        opsgenie: {
          apiKey: API_KEY,
          domain: OPSGENIE_DOMAIN,
          webUrl: WEB_URL,
          backfillDays: 30,
          ...(options.source ? { source: options.source } : {}),
          retry: incidentProviderTestRetry,
        },
      },
    },
  });
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
    checkoutDbAlert(now),
  ];
}

/**
 * The alert of checkout's database opened 5 h ago, acknowledged after 15 minutes: open, or closed
 * after closeHours.
 */
function checkoutDbAlert(now: number, closeHours?: number) {
  return opsgenieAlert({
    id: 'b2-checkout-db',
    tag: 'checkout-db',
    now,
    openedHoursAgo: 5,
    ackMinutes: 15,
    closeHours,
  });
}

const checkoutSearches = () =>
  fake
    .searches()
    .filter(url => url.searchParams.get('query')?.includes('tag:checkout '));

type OpsgenieAlert = ReturnType<typeof opsgenieAlert>;

/** The Opsgenie alerts and the fake Opsgenie for the scenarios every incident provider passes. */
const scenarios: Omit<
  IncidentProviderScenarioAdapter<OpsgenieAlert>,
  'start'
> = {
  recordName: 'alert',
  secret: API_KEY,
  records: {
    checkout: checkoutAlerts,
    checkoutRestored: now => checkoutDbAlert(now, 4),
    checkoutLater: now =>
      opsgenieAlert({
        id: 'a3-checkout',
        tag: 'checkout',
        now,
        openedHoursAgo: 2,
        closeHours: 1,
      }),
    checkoutBeforeBackfill: now =>
      opsgenieAlert({
        id: 'a0-checkout',
        tag: 'checkout',
        now,
        openedHoursAgo: 40 * 24,
        closeHours: 1,
      }),
    payments: now =>
      opsgenieAlert({
        id: 'c1-payments',
        tag: 'payments',
        now,
        openedHoursAgo: 10,
        closeHours: 4,
      }),
    malformed: now => ({
      record: {
        ...opsgenieAlert({
          id: 'broken-alert',
          tag: 'checkout',
          now,
          openedHoursAgo: 3,
        }),
        createdAt: undefined as unknown as string,
      },
      reason: 'alert without a valid createdAt',
    }),
    id: alert => alert.id,
  },
  upstream: {
    serve: alerts => {
      fake.alerts = alerts;
    },
    ...fakeUpstreamControls(fake),
    isSearch: url => url.pathname === '/v2/alerts',
    isCheckoutSearch: url =>
      url.pathname === '/v2/alerts' &&
      !!url.searchParams.get('query')?.includes('tag:checkout '),
    isRead: url => url.pathname.startsWith('/v2/alerts/'),
    expectReadAgain: (reads, alert) =>
      expect(
        reads.map(url => [
          url.pathname,
          url.searchParams.get('identifierType'),
        ]),
      ).toEqual([[`/v2/alerts/${alert.id}`, 'id']]),
    searchSince: url => sinceOf(url.searchParams.get('query')!),
    searchCursor: url => url.searchParams.get('query'),
    cursorAt: alert =>
      `(tag:checkout OR tag:checkout-db) AND createdAt>=${Date.parse(
        alert.createdAt,
      )}`,
    rateLimited: retryAfter =>
      HttpResponse.json(
        {
          message: 'You are making too many requests!',
          took: 0.001,
          requestId: 'rl-1',
        },
        {
          status: 429,
          headers: {
            'Retry-After': retryAfter,
            'X-RateLimit-State': 'THROTTLED',
          },
        },
      ),
    unavailable: () => new HttpResponse('Service Unavailable', { status: 503 }),
    serverError: () =>
      HttpResponse.json(
        { message: 'Internal error', took: 0, requestId: 'e-1' },
        { status: 500 },
      ),
  },
};

/** The time a search of checkout reads from; throws unless the query has the module's shape. */
function sinceOf(query: string) {
  const match =
    /^\(tag:checkout OR tag:checkout-db\) AND createdAt>=(\d+)$/.exec(query);
  if (!match) {
    throw new Error(`Unexpected query ${query}`);
  }
  return Number(match[1]);
}

beforeEach(() => {
  fake.reset();
});

describe.each(databases.eachSupportedId())(
  'the Opsgenie module on %p',
  databaseId => {
    // The scenarios every incident provider passes; each one's run() asserts.
    // eslint-disable-next-line jest/expect-expect
    it.each(
      incidentProviderScenarios({
        ...scenarios,
        start: () => start(databaseId),
      }),
    )('$name', ({ run }) => run());

    it('maps the alerts of both services to incident records, with one query for the selector', async () => {
      fake.alerts = checkoutAlerts(Date.now());
      fake.maxPageSize = 2;
      const backend = await start(databaseId);

      await backend.sync();

      // The times, the acknowledgements (the report's ackTime is milliseconds after creation)
      // and the component: the scenarios above.
      const [a1, a2] = await backend.incidents('checkout');
      expect(a1).toMatchObject({
        id: 'a1-checkout',
        severity: 'P1',
        title: 'Checkout error rate above 1%',
        url: `${WEB_URL}/alert/detail/a1-checkout/details`,
      });
      expect(a2).toMatchObject({ id: 'a2-checkout', severity: 'P3' });

      // Two pages of two.
      const pages = checkoutSearches();
      expect(pages).toHaveLength(2);
      for (const page of pages) {
        expect(page.searchParams.get('query')).toMatch(
          /^\(tag:checkout OR tag:checkout-db\) AND createdAt>=\d+$/,
        );
        expect(page.searchParams.get('sort')).toBe('createdAt');
        expect(page.searchParams.get('order')).toBe('asc');
      }
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
