import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import express from 'express';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { parse } from 'yaml';
import { deliveryPlugin } from './plugin';
import { exampleEntities } from './__testUtils__/exampleCatalog';
import { testDatabases } from './__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '../../..');
const TOKEN = 'ci-token-for-the-test-0123456789abcdef';

/** examples/config/app-config.ci-token.yaml as the backend reads it, with DELIVERY_CI_TOKEN set. */
async function ciTokenConfig() {
  const text = await readFile(
    resolve(ROOT, 'examples/config/app-config.ci-token.yaml'),
    'utf8',
  );
  return parse(text.replaceAll('${DELIVERY_CI_TOKEN}', TOKEN));
}

/**
 * The catalog's entity lookups as a plugin of the same backend, behind Backstage's real
 * authentication: it answers only requests with a token valid for the catalog plugin.
 */
const fakeCatalogPlugin = createBackendPlugin({
  pluginId: 'catalog',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = express.Router();
        router.use(express.json());
        const byRef = new Map(
          exampleEntities.map(entity => [stringifyEntityRef(entity), entity]),
        );
        router.get('/entities/by-name/:kind/:namespace/:name', (req, res) => {
          const entity = byRef.get(stringifyEntityRef(req.params));
          if (entity) res.json(entity);
          else res.status(404).json({ error: { name: 'NotFoundError' } });
        });
        router.post('/entities/by-refs', (req, res) => {
          res.json({
            items: (req.body.entityRefs as string[]).map(
              ref =>
                byRef.get(
                  stringifyEntityRef(
                    parseEntityRef(ref, { defaultNamespace: 'default' }),
                  ),
                ) ?? null,
            ),
          });
        });
        httpRouter.use(router);
      },
    });
  },
});

const readPaths = [
  '/entities/component/default/checkout-service/scorecard',
  '/scorecards?entityRef=component:default/checkout-service',
  '/entities/component/default/checkout-service/timeseries?metric=leadTime',
  '/entities/component/default/checkout-service/records',
  '/entities/component/default/checkout-service/slos',
  '/entities/component/default/checkout-service/oncall',
  '/entities/group/default/team-checkout/scorecard',
  '/reports/delivery-metrics?entityRef=group:default/team-checkout&period=2026-10',
];

describe.each(testDatabases.eachSupportedId())(
  'the documented CI token on %p',
  databaseId => {
    const start = async () => {
      // Each plugin its own database, as in a real backend: both keep their signing keys.
      const databases = {
        delivery: await testDatabases.init(databaseId),
        catalog: await testDatabases.init(databaseId),
      };
      const { server } = await startTestBackend({
        features: [
          deliveryPlugin,
          fakeCatalogPlugin,
          authServiceFactory,
          httpAuthServiceFactory,
          permissionsServiceFactory,
          createServiceFactory({
            service: coreServices.database,
            deps: { plugin: coreServices.pluginMetadata },
            factory: ({ plugin }) => ({
              getClient: async () =>
                databases[plugin.getId() as keyof typeof databases],
            }),
          }),
          mockServices.rootConfig.factory({
            data: { ...(await ciTokenConfig()), permission: { enabled: true } },
          }),
        ],
      });
      return server;
    };

    it('ingests and reads every entity endpoint and report, but may not delete or backfill', async () => {
      const server = await start();
      const auth = `Bearer ${TOKEN}`;
      await request(server)
        .post('/api/delivery/events')
        .set('Authorization', auth)
        .send({
          events: [
            {
              type: 'deployment',
              source: 'ci',
              id: 'deploy-1',
              entityRef: 'component:default/checkout-service',
              status: 'success',
              finishedAt: '2026-10-05T10:00:00Z',
            },
          ],
        })
        .expect(200);
      for (const path of readPaths) {
        const response = await request(server)
          .get(`/api/delivery${path}`)
          .set('Authorization', auth);
        expect({ path, status: response.status, body: response.body }).toEqual(
          expect.objectContaining({ path, status: 200 }),
        );
      }
      const deletion = await request(server)
        .delete('/api/delivery/records?source=ci')
        .set('Authorization', auth);
      expect(deletion.status).toBe(403);
      expect(deletion.body.error.message).toContain('delivery.admin');
      const backfill = await request(server)
        .post('/api/delivery/providers/github/backfill')
        .set('Authorization', auth);
      expect(backfill.status).toBe(403);
      // Without the token: 401.
      await request(server)
        .get(
          '/api/delivery/entities/component/default/checkout-service/scorecard',
        )
        .expect(401);
    });

    it('lets `yarn report` download a report with DELIVERY_CI_TOKEN', async () => {
      const server = await start();
      const { port } = server.address() as AddressInfo;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          resolve(ROOT, 'scripts/report.mjs'),
          'delivery-metrics',
          '--entity',
          'component:default/checkout-service',
          '--period',
          '2026-10',
          '--lang',
          'en',
          '--stdout',
        ],
        {
          env: {
            ...process.env,
            DELIVERY_BASE_URL: `http://localhost:${port}`,
            DELIVERY_CI_TOKEN: TOKEN,
          },
        },
      );
      expect(stdout).toContain('checkout-service');
    });
  },
);
