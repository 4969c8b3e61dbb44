import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';
import { octoberEvents } from './__testUtils__/exampleEvents';

jest.setTimeout(60_000);

const tables = [
  'delivery_deployments',
  'delivery_deployment_changes',
  'delivery_changes',
  'delivery_incidents',
  'delivery_work_items',
  'delivery_sli_samples',
  'delivery_quality_snapshots',
];

describe.each(testDatabases.eachSupportedId())(
  'POST /api/delivery/events on %p',
  databaseId => {
    const rowCounts = async (
      knex: Awaited<ReturnType<typeof startDeliveryBackend>>['knex'],
    ) =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async table => {
            const [{ count }] = await knex(table).count({ count: '*' });
            return [table, Number(count)] as const;
          }),
        ),
      );

    it('stores every record type and counts inserts, then updates on re-delivery', async () => {
      const { server, knex } = await startDeliveryBackend(databaseId);

      const first = await request(server)
        .post('/api/delivery/events')
        .send({ events: octoberEvents });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        received: octoberEvents.length,
        inserted: octoberEvents.length,
        updated: 0,
      });
      const afterFirst = await rowCounts(knex);
      expect(afterFirst).toEqual({
        delivery_deployments: 7,
        delivery_deployment_changes: 6,
        delivery_changes: 4,
        delivery_incidents: 3,
        delivery_work_items: 3,
        delivery_sli_samples: 1,
        delivery_quality_snapshots: 2,
      });

      const again = await request(server)
        .post('/api/delivery/events')
        .send({ events: octoberEvents });
      expect(again.body).toEqual({
        received: octoberEvents.length,
        inserted: 0,
        updated: octoberEvents.length,
      });
      expect(await rowCounts(knex)).toEqual(afterFirst);
    });

    it('updates a record delivered again with new fields, including its shipped changes', async () => {
      const { server, knex } = await startDeliveryBackend(databaseId);
      const deployment = {
        type: 'deployment',
        source: 'github',
        id: 'run-7',
        entityRef: 'component:default/checkout-service',
        status: 'success',
        startedAt: '2026-10-02T10:00:00+02:00',
        changeIds: ['pr-1', 'pr-2'],
      };
      await request(server)
        .post('/api/delivery/events')
        .send({ events: [deployment] })
        .expect(200);
      const update = await request(server)
        .post('/api/delivery/events')
        .send({
          events: [
            {
              ...deployment,
              status: 'rolled_back',
              finishedAt: '2026-10-02T08:30:00Z',
              changeIds: ['pr-2'],
            },
          ],
        });
      expect(update.body).toEqual({ received: 1, inserted: 0, updated: 1 });

      const row = await knex('delivery_deployments')
        .where({ id: 'run-7' })
        .first();
      expect(row.status).toBe('rolled_back');
      expect(Number(row.started_at)).toBe(Date.parse('2026-10-02T08:00:00Z'));
      expect(Number(row.finished_at)).toBe(Date.parse('2026-10-02T08:30:00Z'));
      expect(row.environment).toBe('production');
      const links = await knex('delivery_deployment_changes').where({
        deployment_id: 'run-7',
      });
      expect(links.map(link => link.change_id)).toEqual(['pr-2']);
    });

    it('refuses a batch with any invalid event, names every bad field and stores nothing of it', async () => {
      const { server, knex } = await startDeliveryBackend(databaseId);
      await request(server)
        .post('/api/delivery/events')
        .send({ events: octoberEvents.slice(0, 3) })
        .expect(200);
      const before = await rowCounts(knex);

      const response = await request(server)
        .post('/api/delivery/events')
        .send({
          events: [
            octoberEvents[3],
            { ...octoberEvents[4], status: 'exploded' },
            {
              type: 'incident',
              source: 'pagerduty',
              id: 'P1',
              entityRef: 'component:default/checkout-service',
              openedAt: 'yesterday',
            },
            {
              type: 'incident',
              source: 'pagerduty',
              id: 'P2',
              entityRef: 'not a ref!',
              openedAt: '2026-10-02T00:00:00Z',
            },
            {
              type: 'incident',
              source: 'pagerduty',
              id: 'P3',
              entityRef: 'component:default/checkout-service',
              openedAt: '2026-10-02T00:00:00Z',
              resolvedAt: '2026-10-01T00:00:00Z',
            },
            {
              type: 'sprint',
              source: 'x',
              id: '1',
              entityRef: 'component:default/a',
            },
          ],
        });

      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      const message: string = response.body.error.message;
      expect(message).toContain('events[1].status');
      expect(message).toContain('events[2].openedAt');
      expect(message).toContain('events[3].entityRef');
      expect(message).toContain(
        'events[4].resolvedAt: must not be before openedAt',
      );
      expect(message).toContain('events[5].type');
      expect(message).not.toContain('events[0]');
      expect(await rowCounts(knex)).toEqual(before);
    });

    it('refuses implausible times, numbers outside their domain and a record twice in one batch, naming them', async () => {
      const { server, knex } = await startDeliveryBackend(databaseId);
      const deployment = (id: string, extra: object = {}) => ({
        type: 'deployment',
        source: 'ci',
        id,
        entityRef: 'component:default/checkout-service',
        status: 'success',
        finishedAt: '2026-10-05T10:00:00Z',
        ...extra,
      });
      const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();
      const response = await request(server)
        .post('/api/delivery/events')
        .send({
          events: [
            deployment('d-1'),
            deployment('d-2', { finishedAt: '1970-01-01T00:00:00Z' }),
            deployment('d-3', { finishedAt: inTwoDays }),
            deployment('d-1', { status: 'failure' }),
            {
              type: 'workItem',
              source: 'ci',
              id: 'w-1',
              entityRef: 'component:default/checkout-service',
              kind: 'story',
              createdAt: '2026-10-01T10:00:00Z',
              points: 1e9,
            },
            deployment('d-4', { updatedAt: '1999-12-31T23:59:59Z' }),
          ],
        });
      expect(response.status).toBe(400);
      const message: string = response.body.error.message;
      expect(message).toContain(
        'events[1].finishedAt: must not be before 2000-01-01T00:00:00Z',
      );
      expect(message).toContain(
        'events[2].finishedAt: must not be more than a day in the future',
      );
      expect(message).toContain(
        'events[3].id: duplicates events[0] (the same type, source and id)',
      );
      expect(message).toMatch(/events\[4\]\.points: .*1000/);
      expect(message).toMatch(/events\[5\]\.updatedAt: must not be before/);
      expect(await rowCounts(knex)).toEqual(
        Object.fromEntries(tables.map(table => [table, 0])),
      );
    });

    it('answers an older state delivered after a newer one as outdated and keeps the newer', async () => {
      const { server, knex } = await startDeliveryBackend(databaseId);
      const incident = (extra: object) => ({
        type: 'incident',
        source: 'pager',
        id: 'i-1',
        entityRef: 'component:default/checkout-service',
        openedAt: '2026-10-05T10:00:00Z',
        ...extra,
      });
      await request(server)
        .post('/api/delivery/events')
        .send({ events: [incident({ resolvedAt: '2026-10-05T11:00:00Z' })] })
        .expect(200);
      const late = await request(server)
        .post('/api/delivery/events')
        .send({
          events: [incident({ acknowledgedAt: '2026-10-05T10:10:00Z' })],
        });
      expect(late.body).toEqual({
        received: 1,
        inserted: 0,
        updated: 0,
        outdated: 1,
      });
      const row = await knex('delivery_incidents').first('resolved_at');
      expect(Number(row.resolved_at)).toBe(Date.parse('2026-10-05T11:00:00Z'));
    });

    it('refuses an empty batch and one over 5,000 events', async () => {
      const { server } = await startDeliveryBackend(databaseId);
      const empty = await request(server)
        .post('/api/delivery/events')
        .send({ events: [] });
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toContain('body.events');

      const tooMany = Array.from({ length: 5001 }, (_, i) => ({
        ...octoberEvents[0],
        id: `pr-${i}`,
      }));
      const big = await request(server)
        .post('/api/delivery/events')
        .send({ events: tooMany });
      expect(big.status).toBe(400);
      expect(big.body.error.message).toContain('body.events');
    });

    it('requires credentials and the delivery.events.create permission', async () => {
      const { server, knex } = await startDeliveryBackend(databaseId, {
        permission: AuthorizeResult.DENY,
      });
      const anonymous = await request(server)
        .post('/api/delivery/events')
        .set('Authorization', mockCredentials.none.header())
        .send({ events: octoberEvents });
      expect(anonymous.status).toBe(401);

      const denied = await request(server)
        .post('/api/delivery/events')
        .set('Authorization', mockCredentials.service.header())
        .send({ events: octoberEvents });
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain('delivery.events.create');
      expect(await rowCounts(knex)).toEqual(
        Object.fromEntries(tables.map(table => [table, 0])),
      );
    });
  },
);
