import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { testDatabases } from './__testUtils__/startDeliveryBackend';
import { deliveryPlugin } from './plugin';

jest.setTimeout(60_000);

const HOUR_MS = 3_600_000;
const BUCKET_MS = 5 * 60_000;
const now = Date.now();

const availability = (target: number) => `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
spec:
  timeWindow:
    - duration: 30d
  objectives:
    - target: ${target}
`;

const service = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

/** Hourly samples over the last `hours`, with `badPerHour` of 1,000 requests failing. */
const samples = (entity: string, hours: number, badPerHour: number) =>
  Array.from({ length: hours }, (_, i) => {
    const timestamp = new Date(
      Math.floor(now / HOUR_MS) * HOUR_MS - (i + 1) * HOUR_MS,
    ).toISOString();
    return {
      type: 'sliSample',
      source: 'prometheus',
      id: `${entity}-${timestamp}`,
      entityRef: `component:default/${entity}`,
      slo: 'availability',
      timestamp,
      good: 1000 - badPerHour,
      total: 1000,
    };
  });

describe.each(testDatabases.eachSupportedId())(
  'GET /api/delivery/entities/.../slos on %p',
  databaseId => {
    it('computes each defined SLO from the ingested samples and reports bad definitions', async () => {
      const directory = await mkdtemp(join(tmpdir(), 'delivery-slo-'));
      await writeFile(join(directory, 'slo.yaml'), availability(0.99));
      const knex = await testDatabases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          deliveryPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({
            entities: [
              service('inline-service', {
                'delivery-insights.io/slos': availability(0.999),
              }),
              service('file-service', {
                'backstage.io/managed-by-location': `file:${directory}/catalog-info.yaml`,
                'delivery-insights.io/slo-file': './slo.yaml',
              }),
              service('broken-service', {
                'delivery-insights.io/slos': availability(2),
                'delivery-insights.io/slo-file': './missing.yaml',
                'backstage.io/managed-by-location': `file:${directory}/catalog-info.yaml`,
              }),
            ],
          }),
        ],
      });
      await request(server)
        .post('/api/delivery/events')
        .send({
          events: [
            ...samples('inline-service', 48, 1),
            ...samples('file-service', 48, 20),
          ],
        })
        .expect(200);

      const inline = await request(server).get(
        '/api/delivery/entities/component/default/inline-service/slos',
      );
      expect(inline.status).toBe(200);
      expect(inline.body.errors).toEqual([]);
      const [slo] = inline.body.slos;
      expect(slo.definition).toMatchObject({
        name: 'availability',
        objective: 0.999,
      });
      expect(slo.total).toBe(48_000);
      expect(slo.attainment).toBeCloseTo(0.999, 10);
      expect(slo.consumed).toBeCloseTo(1, 6);
      expect(slo.burnRates['1d']).toBeCloseTo(1, 6);

      const file = await request(server).get(
        '/api/delivery/entities/component/default/file-service/slos',
      );
      expect(file.body.slos[0].definition.objective).toBe(0.99);
      expect(file.body.slos[0].burnRates['6h']).toBeCloseTo(2, 6);
      expect(file.body.slos[0].remaining).toBeCloseTo(-1, 6);

      const broken = await request(server).get(
        '/api/delivery/entities/component/default/broken-service/slos',
      );
      expect(broken.status).toBe(200);
      expect(broken.body.slos).toEqual([]);
      const messages = broken.body.errors.map(
        (e: { message: string }) => e.message,
      );
      expect(messages.join('\n')).toContain('spec.objectives.0.target');
      expect(messages.join('\n')).toContain('missing.yaml: cannot be read');
    });

    it('pages on the first row for a feeder that posts 5-minute buckets once they are complete', async () => {
      const knex = await testDatabases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          deliveryPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({
            entities: [
              service('five-minute-service', {
                'delivery-insights.io/slos': availability(0.999).replace(
                  'target: 0.999',
                  'targetPercent: 99.9',
                ),
              }),
            ],
          }),
        ],
      });
      // Stay clear of a bucket boundary, so the bucket just posted is the latest complete one.
      const left = BUCKET_MS - (Date.now() % BUCKET_MS);
      if (left < 10_000) {
        await new Promise(resolve => setTimeout(resolve, left + 50));
      }
      const filling = Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS;
      const bucket = (start: number, bad: number) => ({
        type: 'sliSample',
        source: 'feeder',
        id: `five-minute-${start}`,
        entityRef: 'component:default/five-minute-service',
        slo: 'availability',
        timestamp: new Date(start).toISOString(),
        good: 10_000 - bad,
        total: 10_000,
      });
      // Five clean hours, then the last complete hour at 2 % errors; the filling bucket is not
      // posted yet.
      await request(server)
        .post('/api/delivery/events')
        .send({
          events: Array.from({ length: 72 }, (_, i) =>
            bucket(filling - (72 - i) * BUCKET_MS, i >= 60 ? 200 : 0),
          ),
        })
        .expect(200);

      const response = await request(server).get(
        '/api/delivery/entities/component/default/five-minute-service/slos',
      );
      const [slo] = response.body.slos;
      expect(slo.burnRates['5m']).toBeCloseTo(20, 9);
      expect(slo.burnRates['1h']).toBeCloseTo(20, 9);
      // 6h: one bad hour in six, below the second row's 6.
      expect(slo.burnRates['6h']).toBeCloseTo(20 / 6, 9);
      expect(slo.alert).toBe('page');
    });
  },
);
