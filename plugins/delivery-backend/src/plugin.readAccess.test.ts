import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import request from 'supertest';
import { deliveryPlugin } from './plugin';
import { exampleEntities } from './__testUtils__/exampleCatalog';
import { testDatabases } from './__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

/** A member of team-checkout; the policy lets members read their own team's entities only. */
const MEMBER = 'user:default/amara.okafor';
/** Everything else: a policy without conditions for this user. */
const READER = 'user:default/marcus.chen';

/**
 * What a policy answering `createCatalogConditionalDecision(isEntityOwner(...))` gives: a
 * conditional decision, and per-entity decisions once the permission backend has applied the
 * condition (checkout-service, its system and the team are owned by team-checkout; cart-service
 * is not, in this test's catalog).
 */
const ownedByCheckout = new Set([
  'component:default/checkout-service',
  'system:default/storefront',
  'group:default/team-checkout',
]);
const conditional: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: { claims: ['group:default/team-checkout'] },
  },
};

const userOf = (credentials: { principal: unknown }) =>
  (credentials.principal as { userEntityRef?: string }).userEntityRef;

const window = 'from=2026-10-01T00:00:00.000Z&to=2026-10-31T00:00:00.000Z';
const deployment = (id: string, entityRef: string) => ({
  type: 'deployment',
  source: 'test',
  id,
  entityRef,
  environment: 'production',
  status: 'success',
  finishedAt: '2026-10-10T12:00:00.000Z',
});

describe.each(testDatabases.eachSupportedId())(
  'per-entity read authorization (%s)',
  databaseId => {
    async function start() {
      const knex = await testDatabases.init(databaseId);
      const calls: string[][] = [];
      const { server } = await startTestBackend({
        features: [
          deliveryPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: exampleEntities }),
          mockServices.permissions.mock({
            authorize: async (requests, { credentials }) => {
              calls.push(requests.map(r => r.resourceRef ?? r.permission.name));
              return requests.map(r => ({
                result:
                  userOf(credentials) !== MEMBER ||
                  r.permission.name !== 'delivery.scorecard.read' ||
                  ownedByCheckout.has(r.resourceRef!)
                    ? AuthorizeResult.ALLOW
                    : AuthorizeResult.DENY,
              }));
            },
            authorizeConditional: async (requests, { credentials }) =>
              requests.map(() =>
                userOf(credentials) === MEMBER
                  ? conditional
                  : { result: AuthorizeResult.ALLOW },
              ),
          }).factory,
        ],
      });
      await request(server)
        .post('/api/delivery/events')
        .set('Authorization', mockCredentials.user.header(READER))
        .send({
          events: [
            deployment('d1', 'component:default/checkout-service'),
            deployment('d2', 'component:default/cart-service'),
            deployment('d3', 'component:default/cart-service'),
            deployment('d4', 'component:default/inventory-service'),
          ],
        })
        .expect(200);
      const get = (user: string, path: string) =>
        request(server)
          .get(`/api/delivery/${path}`)
          .set('Authorization', mockCredentials.user.header(user));
      return { get, calls };
    }

    it('authorizes an entity read for that entity: 403 naming it when the policy conditions exclude it', async () => {
      const { get } = await start();
      const own = await get(
        MEMBER,
        `entities/component/default/checkout-service/scorecard?${window}`,
      ).expect(200);
      expect(own.body.dora.deploymentFrequency.sampleSize).toBe(1);
      expect(own.body.hiddenEntities).toBe(0);

      for (const path of [
        `entities/component/default/cart-service/scorecard?${window}`,
        'entities/component/default/cart-service/timeseries?metric=leadTime',
        'entities/component/default/cart-service/records',
        'entities/component/default/cart-service/slos',
        'entities/component/default/cart-service/deploy-gate',
        'scorecards?entityRef=component:default/checkout-service&entityRef=component:default/cart-service',
        'sync-status?entityRef=component:default/cart-service',
      ]) {
        const denied = await get(MEMBER, path);
        expect({ path, status: denied.status }).toEqual({ path, status: 403 });
        expect(denied.body.error.message).toContain(
          'component:default/cart-service',
        );
      }
    });

    it("counts only the readable parts of a team's and the organisation's rollups, and says how many were hidden", async () => {
      const { get } = await start();
      const team = await get(
        MEMBER,
        `entities/group/default/team-checkout/scorecard?${window}`,
      ).expect(200);
      expect(team.body.entityRefs).toEqual([
        'component:default/checkout-service',
        'group:default/team-checkout',
        'system:default/storefront',
      ]);
      expect(team.body.hiddenEntities).toBe(1);
      expect(team.body.dora.deploymentFrequency.sampleSize).toBe(1);

      const series = await get(
        MEMBER,
        `entities/group/default/team-checkout/timeseries?metric=deploymentFrequency&bucket=week&${window}`,
      ).expect(200);
      expect(series.body.hiddenEntities).toBe(1);
      expect(
        series.body.points.reduce(
          (sum: number, p: { sampleSize: number }) => sum + p.sampleSize,
          0,
        ),
      ).toBe(1);

      const org = await get(MEMBER, `organization/scorecard?${window}`).expect(
        200,
      );
      // Records exist for three entities; the member may read checkout-service only.
      expect(org.body.entityRefs).toEqual([
        'component:default/checkout-service',
      ]);
      expect(org.body.hiddenEntities).toBe(2);
      expect(org.body.dora.deploymentFrequency.sampleSize).toBe(1);

      // A report counts every entity of its scope: it is refused rather than silently partial.
      const report = await get(
        MEMBER,
        'reports/delivery-metrics?entityRef=group:default/team-checkout&period=2026-10',
      ).expect(403);
      expect(report.body.error.message).toContain('1 of the 4 entities');

      // The same reads for a reader whom the policy allows everything: nothing hidden.
      const all = await get(
        READER,
        `entities/group/default/team-checkout/scorecard?${window}`,
      ).expect(200);
      expect(all.body.hiddenEntities).toBe(0);
      expect(all.body.dora.deploymentFrequency.sampleSize).toBe(3);
      const everything = await get(
        READER,
        `organization/scorecard?${window}`,
      ).expect(200);
      expect(everything.body.hiddenEntities).toBe(0);
      expect(everything.body.dora.deploymentFrequency.sampleSize).toBe(4);
    });

    it('asks for the rollup in one batch of per-entity decisions, not one request per entity', async () => {
      const { get, calls } = await start();
      calls.length = 0;
      await get(MEMBER, `organization/scorecard?${window}`).expect(200);
      expect(calls).toEqual([
        [
          'component:default/cart-service',
          'component:default/checkout-service',
          'component:default/inventory-service',
        ].sort(),
      ]);
    });
  },
);
