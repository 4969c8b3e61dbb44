import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthenticationError, ConflictError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DeliveryProviderContext,
  DeliveryWebhookRequest,
  constantTimeEquals,
  deliveryProvidersExtensionPoint,
  hmacSha256Hex,
} from '@delivery-insights/backstage-plugin-delivery-node';
import request from 'supertest';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

const SECRET = 'test-webhook-secret';
const CHECKOUT = 'component:default/checkout-service';

/** A provider module as a third party would write one: pushes by webhook, knows on-call. */
function testProviderModule(
  options: { failOnCall?: boolean; syncRunning?: boolean } = {},
) {
  const state: { context?: DeliveryProviderContext; syncs: number } = {
    syncs: 0,
  };
  const module = createBackendModule({
    pluginId: 'delivery',
    moduleId: 'test-provider',
    register(reg) {
      reg.registerInit({
        deps: { providers: deliveryProvidersExtensionPoint },
        async init({ providers }) {
          providers.addProvider(
            {
              getProviderId: () => 'acme-ci',
              connect: async context => {
                state.context = context;
              },
              triggerSync: async () => {
                if (options.syncRunning) {
                  throw new ConflictError(
                    'Task acme-ci-sync is currently running',
                  );
                }
                state.syncs++;
              },
              getOnCall: async (entity: Entity) =>
                entity.metadata.name === 'checkout-service'
                  ? [
                      {
                        provider: 'acme-ci',
                        schedule: 'Checkout primary',
                        level: 1,
                        person: { name: 'Anna Petrova' },
                      },
                    ]
                  : [],
            },
            {
              getProviderId: () => 'acme-pager',
              connect: async () => {},
              getOnCall: async () => {
                if (options.failOnCall) {
                  throw new Error('acme-pager answered 503');
                }
                return [];
              },
            },
          );
          providers.addWebhookHandler({
            getName: () => 'acme',
            async verify({ headers, rawBody }: DeliveryWebhookRequest) {
              const signature = headers['x-acme-signature'] ?? '';
              if (
                !constantTimeEquals(signature, hmacSha256Hex(SECRET, rawBody))
              ) {
                throw new AuthenticationError('Bad acme signature');
              }
            },
            getDeliveryId: ({ headers }) => headers['x-acme-delivery'],
            async toEvents({ rawBody }) {
              const payload = JSON.parse(rawBody.toString('utf8'));
              if (payload.kind !== 'deploy') {
                return { events: [], ignored: `kind ${payload.kind}` };
              }
              return {
                events: [
                  {
                    type: 'deployment',
                    source: 'acme-ci',
                    id: payload.id,
                    entityRef: CHECKOUT,
                    status: payload.status,
                    finishedAt: '2026-10-01T10:00:00Z',
                  },
                ],
              };
            },
          });
        },
      });
    },
  });
  return { module, state };
}

const signed = (body: object, deliveryId: string, secret = SECRET) => {
  const raw = Buffer.from(JSON.stringify(body));
  return {
    raw,
    headers: {
      'content-type': 'application/json',
      'x-acme-delivery': deliveryId,
      'x-acme-signature': hmacSha256Hex(secret, raw),
    },
  };
};

describe.each(testDatabases.eachSupportedId())(
  'provider modules on %p',
  databaseId => {
    const start = async (
      options: Parameters<typeof startDeliveryBackend>[1] & {
        failOnCall?: boolean;
        syncRunning?: boolean;
      } = {},
    ) => {
      const provider = testProviderModule(options);
      const backend = await startDeliveryBackend(databaseId, {
        ...options,
        features: [provider.module, ...(options.features ?? [])],
      });
      return { ...backend, state: provider.state };
    };
    const deploymentCount = async (
      knex: Awaited<ReturnType<typeof start>>['knex'],
    ) => Number((await knex('delivery_deployments').count({ n: '*' }))[0].n);

    describe('webhooks', () => {
      it('stores a signed delivery without a Backstage token and refuses its replay', async () => {
        const { server, knex } = await start();
        const { raw, headers } = signed(
          { kind: 'deploy', id: 'd-1', status: 'success' },
          'delivery-1',
        );
        const first = await request(server)
          .post('/api/delivery/webhooks/acme')
          .set(headers)
          .send(raw.toString('utf8'));
        expect(first.status).toBe(200);
        expect(first.body).toEqual({ received: 1, inserted: 1, updated: 0 });

        const replay = await request(server)
          .post('/api/delivery/webhooks/acme')
          .set(headers)
          .send(raw.toString('utf8'));
        expect(replay.status).toBe(409);
        expect(replay.body.error.message).toMatch(
          /delivery-1 was already received/,
        );
        expect(await deploymentCount(knex)).toBe(1);
      });

      it('answers 401 and stores nothing for a bad or missing signature', async () => {
        const { server, knex } = await start();
        const forged = signed(
          { kind: 'deploy', id: 'd-2', status: 'success' },
          'delivery-2',
          'wrong-secret',
        );
        const bad = await request(server)
          .post('/api/delivery/webhooks/acme')
          .set(forged.headers)
          .send(forged.raw.toString('utf8'));
        expect(bad.status).toBe(401);
        const missing = await request(server)
          .post('/api/delivery/webhooks/acme')
          .set({
            'content-type': 'application/json',
            'x-acme-delivery': 'delivery-3',
          })
          .send(forged.raw.toString('utf8'));
        expect(missing.status).toBe(401);
        expect(await deploymentCount(knex)).toBe(0);
        expect(
          Number(
            (await knex('delivery_webhook_deliveries').count({ n: '*' }))[0].n,
          ),
        ).toBe(0);
      });

      it('answers 413 for a body over the limit, 404 for an unknown handler, 400 without a delivery id', async () => {
        const { server } = await start({
          config: { delivery: { webhooks: { maxBodyBytes: 256 } } },
        });
        const big = signed(
          {
            kind: 'deploy',
            id: 'd-3',
            status: 'success',
            padding: 'x'.repeat(300),
          },
          'delivery-4',
        );
        const tooLarge = await request(server)
          .post('/api/delivery/webhooks/acme')
          .set(big.headers)
          .send(big.raw.toString('utf8'));
        expect(tooLarge.status).toBe(413);

        const unknown = await request(server)
          .post('/api/delivery/webhooks/nope')
          .send({});
        expect(unknown.status).toBe(404);
        expect(unknown.body.error.message).toBe("No webhook handler 'nope'");

        const small = signed(
          { kind: 'deploy', id: 'd-4', status: 'success' },
          '',
        );
        const noId = await request(server)
          .post('/api/delivery/webhooks/acme')
          .set({ ...small.headers, 'x-acme-delivery': '' })
          .send(small.raw.toString('utf8'));
        expect(noId.status).toBe(400);
      });

      it('tells an unauthenticated caller nothing of the backend: no provider list, no internal errors', async () => {
        const { server, knex } = await start({
          // Requests without a token are unauthenticated, as in a real backend.
          features: [
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
          ],
        });
        const health = await request(server).get('/api/delivery/health');
        expect(health.status).toBe(401);
        expect(health.text).not.toMatch(/acme|better-sqlite3|pg/);

        // The test handler reads `payload.kind` of a signed `null`: a TypeError inside it.
        const broken = signed(null as unknown as object, 'delivery-broken');
        const response = await request(server)
          .post('/api/delivery/webhooks/acme')
          .set(broken.headers)
          .send(broken.raw.toString('utf8'));
        expect(response.status).toBe(500);
        expect(response.body.error).toEqual({
          name: 'Error',
          message:
            'The webhook delivery could not be processed; the backend log has the details',
        });
        expect(response.text).not.toMatch(/TypeError|Cannot read|kind|\.ts/);
        expect(await deploymentCount(knex)).toBe(0);

        const authenticated = await request(server)
          .get('/api/delivery/health')
          .set('Authorization', mockCredentials.user.header());
        expect(authenticated.body.providers).toEqual(['acme-ci', 'acme-pager']);
      });

      it('forgets a delivery whose events are invalid, so a corrected redelivery is stored', async () => {
        const { server, knex } = await start();
        const invalid = signed(
          { kind: 'deploy', id: 'd-5', status: 'exploded' },
          'delivery-5',
        );
        const refused = await request(server)
          .post('/api/delivery/webhooks/acme')
          .set(invalid.headers)
          .send(invalid.raw.toString('utf8'));
        expect(refused.status).toBe(400);
        expect(refused.body.error.message).toMatch(/status/);

        const ignored = signed({ kind: 'ping' }, 'delivery-6');
        const ping = await request(server)
          .post('/api/delivery/webhooks/acme')
          .set(ignored.headers)
          .send(ignored.raw.toString('utf8'));
        expect(ping.status).toBe(202);
        expect(ping.body).toEqual({ ignored: 'kind ping' });

        const fixed = signed(
          { kind: 'deploy', id: 'd-5', status: 'success' },
          'delivery-5',
        );
        await request(server)
          .post('/api/delivery/webhooks/acme')
          .set(fixed.headers)
          .send(fixed.raw.toString('utf8'))
          .expect(200);
        expect(await deploymentCount(knex)).toBe(1);
      });
    });

    describe('sync status and backfill', () => {
      it('reports each entity sync of a provider: progress, skipped records, success and failure', async () => {
        const { server, state } = await start();
        const { syncState } = state.context!;
        expect(await syncState.getCursor(CHECKOUT)).toBeUndefined();
        await syncState.saveProgress(CHECKOUT, {
          cursor: '2026-10-01T00:00:00Z',
          recordsSeen: 100,
          skipped: [{ id: 'run-7', reason: 'no finish time' }],
        });
        await syncState.saveProgress(CHECKOUT, {
          cursor: '2026-10-02T00:00:00Z',
          recordsSeen: 50,
        });
        await syncState.recordSuccess(CHECKOUT);
        await syncState.recordFailure(
          'component:default/cart-service',
          new Error('GitHub answered 502'),
        );
        expect(await syncState.getCursor(CHECKOUT)).toBe(
          '2026-10-02T00:00:00Z',
        );

        const response = await request(server)
          .get('/api/delivery/sync-status?provider=acme-ci')
          .expect(200);
        expect(response.body.items).toEqual([
          expect.objectContaining({
            provider: 'acme-ci',
            entityRef: 'component:default/cart-service',
            lastError: 'GitHub answered 502',
            lastErrorAt: expect.any(String),
            recordsSeen: 0,
          }),
          expect.objectContaining({
            provider: 'acme-ci',
            entityRef: CHECKOUT,
            lastSuccessAt: expect.any(String),
            recordsSeen: 150,
            recordsSkipped: 1,
            lastSkipped: [{ id: 'run-7', reason: 'no finish time' }],
          }),
        ]);
        const one = await request(server)
          .get('/api/delivery/sync-status?entityRef=component:checkout-service')
          .expect(200);
        expect(
          one.body.items.map((item: { entityRef: string }) => item.entityRef),
        ).toEqual([CHECKOUT]);
      });

      it('resets the cursors and starts the sync on a backfill by an administrator', async () => {
        const { server, state } = await start();
        const { syncState } = state.context!;
        await syncState.saveProgress(CHECKOUT, {
          cursor: 'c-1',
          recordsSeen: 1,
        });
        const response = await request(server)
          .post('/api/delivery/providers/acme-ci/backfill')
          .expect(202);
        expect(response.body).toEqual({
          provider: 'acme-ci',
          cursorsReset: 1,
          triggered: true,
        });
        expect(state.syncs).toBe(1);
        expect(await syncState.getCursor(CHECKOUT)).toBeUndefined();

        const unknown = await request(server)
          .post('/api/delivery/providers/nope/backfill')
          .expect(404);
        expect(unknown.body.error.message).toMatch(
          /installed: acme-ci, acme-pager/,
        );
      });

      it('resets the cursors but does not start a second run while the sync is running', async () => {
        const { server, state } = await start({ syncRunning: true });
        const { syncState } = state.context!;
        await syncState.saveProgress(CHECKOUT, {
          cursor: 'c-1',
          recordsSeen: 1,
        });
        const response = await request(server)
          .post(
            '/api/delivery/providers/acme-ci/backfill?entityRef=component:checkout-service',
          )
          .expect(202);
        expect(response.body).toEqual({
          provider: 'acme-ci',
          cursorsReset: 1,
          triggered: false,
        });
        expect(await syncState.getCursor(CHECKOUT)).toBeUndefined();
      });

      it('refuses a backfill without delivery.admin', async () => {
        const { server, state } = await start({
          permissions: { 'delivery.admin': AuthorizeResult.DENY },
        });
        const response = await request(server)
          .post('/api/delivery/providers/acme-ci/backfill')
          .set('Authorization', mockCredentials.user.header())
          .expect(403);
        expect(response.body.error.message).toMatch(/delivery.admin/);
        expect(state.syncs).toBe(0);
      });
    });

    describe('on-call', () => {
      it('answers the shifts of every provider and names the one that failed', async () => {
        const { server } = await start({ failOnCall: true });
        const response = await request(server)
          .get(
            '/api/delivery/entities/component/default/checkout-service/oncall',
          )
          .expect(200);
        expect(response.body).toEqual({
          items: [
            {
              provider: 'acme-ci',
              schedule: 'Checkout primary',
              level: 1,
              person: { name: 'Anna Petrova' },
            },
          ],
          errors: [
            { provider: 'acme-pager', message: 'acme-pager answered 503' },
          ],
        });
        await request(server)
          .get('/api/delivery/entities/component/default/nope/oncall')
          .expect(404);
      });
    });
  },
);
