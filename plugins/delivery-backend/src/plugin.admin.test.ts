import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { SchedulerService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';
import {
  matrixEntities,
  recordMatrix,
  rowKeys,
} from './__testUtils__/recordMatrix';

jest.setTimeout(60_000);

const [checkout, inventory] = matrixEntities;
/** The entity of a row key; links name their deployment, `run-<index of the entity>`. */
const entityOfKey = (key: string) => {
  const [table, , second] = key.split(' ');
  if (table !== 'delivery_deployment_changes') return second;
  return second === 'run-0' ? checkout : inventory;
};
const sourceOfKey = (key: string) => key.split(' ')[1];

const readEndpoints = [
  '/organization/scorecard',
  `/scorecards?entityRef=${checkout}`,
  '/entities/component/default/checkout-service/scorecard',
  '/entities/component/default/checkout-service/timeseries?metric=leadTime',
  '/entities/component/default/checkout-service/records',
  '/entities/component/default/checkout-service/slos',
];

describe.each(testDatabases.eachSupportedId())(
  'permissions and administration on %p',
  databaseId => {
    const seeded = async (
      options: Parameters<typeof startDeliveryBackend>[1] = {},
    ) => {
      const backend = await startDeliveryBackend(databaseId, options);
      await request(backend.server)
        .post('/api/delivery/events')
        .send({ events: recordMatrix() })
        .expect(200);
      const before = await rowKeys(backend.knex);
      expect(before).toHaveLength(2 * 2 * 8);
      return { ...backend, before };
    };

    it('answers every read with 403 naming delivery.scorecard.read when it is denied', async () => {
      const { server } = await startDeliveryBackend(databaseId, {
        permissions: { 'delivery.scorecard.read': AuthorizeResult.DENY },
      });
      for (const path of readEndpoints) {
        const response = await request(server)
          .get(`/api/delivery${path}`)
          .set('Authorization', mockCredentials.user.header());
        expect({ path, status: response.status }).toEqual({
          path,
          status: 403,
        });
        expect(response.body.error.name).toBe('NotAllowedError');
        expect(response.body.error.message).toContain(
          'delivery.scorecard.read',
        );
      }
      // Health needs credentials only.
      await request(server)
        .get('/api/delivery/health')
        .set('Authorization', mockCredentials.user.header())
        .expect(200);
    });

    it('serves every read when delivery.scorecard.read is allowed', async () => {
      const { server } = await startDeliveryBackend(databaseId, {
        permissions: {
          'delivery.scorecard.read': AuthorizeResult.ALLOW,
          'delivery.admin': AuthorizeResult.DENY,
          'delivery.events.create': AuthorizeResult.DENY,
        },
      });
      for (const path of readEndpoints) {
        const response = await request(server)
          .get(`/api/delivery${path}`)
          .set('Authorization', mockCredentials.user.header());
        expect({ path, status: response.status }).toEqual({
          path,
          status: 200,
        });
      }
    });

    it('deletes a source’s records of every type, with its deployments’ change links, and nothing else', async () => {
      const { server, knex, before } = await seeded();
      const response = await request(server).delete(
        '/api/delivery/records?source=github',
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        deleted: {
          deployments: 2,
          deploymentChanges: 4,
          changes: 2,
          incidents: 2,
          workItems: 2,
          sliSamples: 2,
          qualitySnapshots: 2,
        },
      });
      expect(await rowKeys(knex)).toEqual(
        before.filter(key => sourceOfKey(key) !== 'github'),
      );
    });

    it('deletes an entity’s records of every source and nothing else', async () => {
      const { server, knex, before } = await seeded();
      const response = await request(server).delete(
        `/api/delivery/records?entityRef=${encodeURIComponent(
          'Component:inventory-service',
        )}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.deleted).toEqual({
        deployments: 2,
        deploymentChanges: 4,
        changes: 2,
        incidents: 2,
        workItems: 2,
        sliSamples: 2,
        qualitySnapshots: 2,
      });
      expect(await rowKeys(knex)).toEqual(
        before.filter(key => entityOfKey(key) !== inventory),
      );
    });

    it('with both a source and an entity, deletes that source’s records of that entity only', async () => {
      const { server, knex, before } = await seeded();
      const response = await request(server).delete(
        `/api/delivery/records?source=gitlab&entityRef=${checkout}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.deleted).toEqual({
        deployments: 1,
        deploymentChanges: 2,
        changes: 1,
        incidents: 1,
        workItems: 1,
        sliSamples: 1,
        qualitySnapshots: 1,
      });
      expect(await rowKeys(knex)).toEqual(
        before.filter(
          key =>
            !(sourceOfKey(key) === 'gitlab' && entityOfKey(key) === checkout),
        ),
      );
    });

    it('answers 400 naming the missing parameter, and for a malformed entity ref, deleting nothing', async () => {
      const { server, knex, before } = await seeded();
      const missing = await request(server).delete('/api/delivery/records');
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toContain('source or entityRef');

      const empty = await request(server).delete(
        '/api/delivery/records?source=',
      );
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toContain('source');

      const malformed = await request(server).delete(
        '/api/delivery/records?entityRef=not%20a%20ref!',
      );
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toContain('entityRef');
      expect(await rowKeys(knex)).toEqual(before);
    });

    it('requires credentials and delivery.admin to delete, and deletes nothing otherwise', async () => {
      const { server, knex, before } = await seeded({
        permissions: { 'delivery.admin': AuthorizeResult.DENY },
      });
      const anonymous = await request(server)
        .delete('/api/delivery/records?source=github')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);

      const denied = await request(server)
        .delete('/api/delivery/records?source=github')
        .set('Authorization', mockCredentials.user.header());
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain('delivery.admin');
      expect(await rowKeys(knex)).toEqual(before);
    });

    it('runs the configured retention as an hourly global task that keeps open records', async () => {
      const tasks: Parameters<SchedulerService['scheduleTask']>[0][] = [];
      const scheduler = mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      });
      const { server, knex } = await startDeliveryBackend(databaseId, {
        config: { delivery: { retention: { days: 30 } } },
        features: [scheduler.factory],
      });
      const iso = (daysAgo: number) =>
        new Date(Date.now() - daysAgo * 86_400_000).toISOString();
      const common = {
        source: 'github',
        entityRef: checkout,
      };
      await request(server)
        .post('/api/delivery/events')
        .send({
          events: [
            {
              ...common,
              type: 'change',
              id: 'old',
              firstCommitAt: iso(41),
              mergedAt: iso(40),
            },
            {
              ...common,
              type: 'change',
              id: 'new',
              firstCommitAt: iso(41),
              mergedAt: iso(20),
            },
            {
              ...common,
              type: 'incident',
              id: 'old',
              openedAt: iso(50),
              resolvedAt: iso(40),
            },
            { ...common, type: 'incident', id: 'open', openedAt: iso(50) },
            {
              ...common,
              type: 'workItem',
              id: 'old',
              kind: 'bug',
              createdAt: iso(60),
              completedAt: iso(40),
            },
            {
              ...common,
              type: 'workItem',
              id: 'doing',
              kind: 'bug',
              createdAt: iso(60),
              startedAt: iso(50),
            },
          ],
        })
        .expect(200);

      const task = tasks.find(t => t.id === 'delivery-retention');
      expect(task).toMatchObject({ frequency: { hours: 1 }, scope: 'global' });
      await task!.fn(new AbortController().signal);

      const ids = async (table: string) =>
        (await knex(table).select('id').orderBy('id')).map(row => row.id);
      expect(await ids('delivery_changes')).toEqual(['new']);
      expect(await ids('delivery_incidents')).toEqual(['open']);
      expect(await ids('delivery_work_items')).toEqual(['doing']);
    });

    it('schedules no retention without delivery.retention.days', async () => {
      const scheduleTask = jest.fn();
      const scheduler = mockServices.scheduler.mock({ scheduleTask });
      await startDeliveryBackend(databaseId, { features: [scheduler.factory] });
      expect(scheduleTask).not.toHaveBeenCalled();
    });
  },
);
