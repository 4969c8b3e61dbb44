import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { testDatabases } from '../__testUtils__/startDeliveryBackend';
import { PolicyExceptionStore } from './PolicyExceptionStore';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@delivery-insights/backstage-plugin-delivery-backend',
  'migrations',
);
const MIGRATION = '20261206090000_delivery_policy_exceptions.js';
const HOUR_MS = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2026, 11, 1) + hours * HOUR_MS);
const entityRef = 'component:default/payments';

describe.each(testDatabases.eachSupportedId())(
  'PolicyExceptionStore on %p',
  databaseId => {
    const setUp = async () => {
      const knex = await testDatabases.init(databaseId);
      await knex.migrate.latest({ directory });
      return { knex, store: new PolicyExceptionStore(knex) };
    };
    const request = (store: PolicyExceptionStore, until: number) =>
      store.create({
        entityRef,
        reasonKind: 'p0-fix',
        justification: 'Fixes the outage',
        deploymentId: null,
        until: at(until),
        requestedBy: 'user:default/alice',
        now: at(0),
      });

    it('records an expiry once, at the end of the exception, whoever reads first', async () => {
      const { store } = await setUp();
      const created = await request(store, 2);
      await store.decide({
        entityRef,
        id: created.id,
        action: 'granted',
        actor: 'user:default/lead',
        comment: null,
        now: at(1),
      });
      expect(await store.expire(at(1.5))).toBe(0);
      const [first, second] = await Promise.all([
        store.expire(at(3)),
        store.expire(at(3)),
      ]);
      expect(first + second).toBe(1);
      const [exception] = await store.list(entityRef, at(4));
      expect(exception.status).toBe('expired');
      expect(exception.events.map(e => [e.action, e.at])).toEqual([
        ['requested', at(0).toISOString()],
        ['granted', at(1).toISOString()],
        ['expired', at(2).toISOString()],
      ]);
    });

    it('deletes only exceptions closed before the cutoff, with their trail', async () => {
      const { knex, store } = await setUp();
      const old = await request(store, 1);
      const recent = await request(store, 10);
      const open = await request(store, 1000);
      await store.expire(at(20));
      expect(await store.deleteClosedBefore(at(5).getTime())).toBe(1);
      const ids = (await store.list(entityRef, at(20))).map(e => e.id).sort();
      expect(ids).toEqual([recent.id, open.id].sort());
      expect(
        await knex('delivery_policy_exception_events').where({
          exception_id: old.id,
        }),
      ).toEqual([]);
    });

    it('migrates down and up again', async () => {
      const { knex, store } = await setUp();
      await request(store, 1);
      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await knex.schema.hasTable('delivery_policy_exceptions')).toBe(
        false,
      );
      expect(
        await knex.schema.hasTable('delivery_policy_exception_events'),
      ).toBe(false);
      await knex.migrate.up({ directory, name: MIGRATION });
      expect(await store.list(entityRef, at(0))).toEqual([]);
    });
  },
);
