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
  },
);
