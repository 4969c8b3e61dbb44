import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { testDatabases } from './__testUtils__/startDeliveryBackend';
import { deliveryPlugin } from './plugin';

jest.setTimeout(60_000);

const STEP_MS = 300_000;
const HOUR_MS = 3_600_000;
const TOKEN = 'Bearer s3cret-prometheus-token';
const GOOD = 'http_requests_total{job="checkout",code!~"5.."}';
const TOTAL = 'http_requests_total{job="checkout"}';

const prometheusSlo = (
  name: string,
  options: { ref?: string; target?: number } = {},
) => {
  const ref = options.ref ? `metricSourceRef: ${options.ref}, ` : '';
  return `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  indicator:
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource: { ${ref}type: Prometheus, spec: { query: '${GOOD}' } }
        total:
          metricSource: { ${ref}type: Prometheus, spec: { query: '${TOTAL}' } }
  timeWindow:
    - duration: 30d
  objectives:
    - target: ${options.target ?? 0.99}
`;
};

const samplesSlo = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: orders
spec:
  timeWindow:
    - duration: 28d
  objectives:
    - target: 0.999
`;

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'delivery-insights.io/slos': [
        prometheusSlo('availability'),
        prometheusSlo('availability-eu', { ref: 'flaky' }),
        samplesSlo,
        prometheusSlo('availability-us', { ref: 'nowhere' }),
      ].join('\n---\n'),
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

/**
 * The default instance checks the token and answers every requested point. Every bucket counts
 * 1,000 requests; 1 fails (0.1 %), or 20 (2 %) in the buckets that start at
 * or after `badSince`: the last complete hour's 12 buckets and the one still filling.
 */
let badSince = Infinity;
const requests: Array<{
  query: string;
  start: number;
  end: number;
  step: number;
  authorization: string | null;
}> = [];

const server = setupServer(
  // supertest talks to the backend under test on the loopback interface.
  http.all(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\//, () =>
    passthrough(),
  ),
  http.get(
    'http://prometheus.test:9090/api/v1/query_range',
    ({ request: req }) => {
      const url = new URL(req.url);
      const params = {
        query: url.searchParams.get('query') ?? '',
        start: Number(url.searchParams.get('start')),
        end: Number(url.searchParams.get('end')),
        step: Number(url.searchParams.get('step')),
        authorization: req.headers.get('authorization'),
      };
      requests.push(params);
      if (params.authorization !== TOKEN) {
        return HttpResponse.json(
          { status: 'error', errorType: 'unauthorized', error: 'no token' },
          { status: 401 },
        );
      }
      const good = params.query === `sum(increase(${GOOD}[5m]))`;
      const values: Array<[number, string]> = [];
      for (let time = params.start; time <= params.end; time += params.step) {
        const bucketStart = time * 1000 - STEP_MS;
        const bad = bucketStart >= badSince ? 20 : 1;
        values.push([time, String(good ? 1000 - bad : 1000)]);
      }
      return HttpResponse.json({
        status: 'success',
        data: { resultType: 'matrix', result: [{ metric: {}, values }] },
      });
    },
  ),
  http.get(
    'http://flaky.test/prometheus/api/v1/query_range',
    () => new HttpResponse('upstream down', { status: 503 }),
  ),
);
registerMswTestHooks(server);

/** Waits out the end of a 5-minute bucket, so the test and the backend agree on the last one. */
async function startOfCurrentBucket(): Promise<number> {
  const left = STEP_MS - (Date.now() % STEP_MS);
  if (left < 10_000) {
    await new Promise(resolve => setTimeout(resolve, left + 50));
  }
  return Math.floor(Date.now() / STEP_MS) * STEP_MS;
}

describe.each(testDatabases.eachSupportedId())(
  'GET /api/delivery/entities/.../slos with Prometheus on %p',
  databaseId => {
    it('computes SLOs from Prometheus range queries and reports an unavailable instance', async () => {
      const knex = await testDatabases.init(databaseId);
      const { server: backend } = await startTestBackend({
        features: [
          deliveryPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [checkout] }),
          mockServices.rootConfig.factory({
            data: {
              delivery: {
                prometheus: {
                  instances: [
                    {
                      name: 'default',
                      baseUrl: 'http://prometheus.test:9090/',
                      headers: { Authorization: TOKEN },
                    },
                    { name: 'flaky', baseUrl: 'http://flaky.test/prometheus' },
                  ],
                },
              },
            },
          }),
        ],
      });
      const hour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
      await request(backend)
        .post('/api/delivery/events')
        .send({
          events: Array.from({ length: 24 }, (_, i) => {
            const timestamp = new Date(hour - (i + 1) * HOUR_MS).toISOString();
            return {
              type: 'sliSample',
              source: 'test',
              id: `orders-${timestamp}`,
              entityRef: 'component:default/checkout',
              slo: 'orders',
              timestamp,
              good: 999,
              total: 1000,
            };
          }),
        })
        .expect(200);

      requests.length = 0;
      badSince = (await startOfCurrentBucket()) - 60 * 60_000;
      const response = await request(backend).get(
        '/api/delivery/entities/component/default/checkout/slos',
      );

      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toContain('s3cret');
      expect(response.body.errors).toEqual([
        {
          slo: 'availability-eu',
          message: 'Prometheus flaky: 503 Service Unavailable',
        },
        {
          slo: 'availability-us',
          message:
            'Prometheus instance nowhere is not configured in delivery.prometheus.instances',
        },
      ]);
      expect(
        response.body.slos.map(
          (s: { definition: { name: string } }) => s.definition.name,
        ),
      ).toEqual(['availability', 'orders']);
      const [availability, orders] = response.body.slos;

      // 60 days of 5-minute points, in chunks of at most 10,000, for good and for total, each
      // with the configured header.
      expect(requests).toHaveLength(4);
      for (const r of requests) {
        expect(r.authorization).toBe(TOKEN);
        expect(r.step).toBe(300);
        expect((r.end - r.start) / r.step + 1).toBeLessThanOrEqual(10_000);
      }
      expect(new Set(requests.map(r => r.query))).toEqual(
        new Set([`sum(increase(${GOOD}[5m]))`, `sum(increase(${TOTAL}[5m]))`]),
      );

      // 30 days = 8,640 buckets of 1,000 requests: 13 with 20 errors, 8,627 with 1.
      expect(availability.definition.source).toEqual({
        type: 'prometheus',
        instance: 'default',
        goodQuery: GOOD,
        totalQuery: TOTAL,
      });
      expect(availability.total).toBe(8_640_000);
      expect(availability.good).toBe(8_640_000 - 13 * 20 - 8_627);
      expect(availability.attainment).toBeCloseTo(1 - 8_887 / 8_640_000, 12);
      expect(availability.consumed).toBeCloseTo(8_887 / 86_400, 10);
      expect(availability.burnRates['5m']).toBeCloseTo(2, 10);
      expect(availability.burnRates['30m']).toBeCloseTo(2, 10);
      expect(availability.burnRates['1h']).toBeCloseTo(2, 10);
      // The burn-rate windows end at the start of the filling bucket (docs/slo.md).
      // 6h: 12 buckets at 2 % and 60 at 0.1 %; 1d: 12 and 276; 3d: 12 and 852.
      expect(availability.burnRates['6h']).toBeCloseTo(300 / 720, 10);
      expect(availability.burnRates['1d']).toBeCloseTo(516 / 2_880, 10);
      expect(availability.burnRates['3d']).toBeCloseTo(1_092 / 8_640, 10);
      expect(availability.alert).toBe('ok');
      // The oldest history point covers the 30 days before it, read from the first chunk.
      expect(availability.history[0].remaining).toBeCloseTo(0.9, 10);

      // Ingested samples still feed SLOs without a Prometheus source.
      expect(orders.definition.source).toBeUndefined();
      expect(orders.total).toBe(24_000);
      expect(orders.attainment).toBeCloseTo(0.999, 10);
    });
  },
);
