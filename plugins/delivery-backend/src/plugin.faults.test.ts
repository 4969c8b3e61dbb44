import { setupServer } from 'msw/node';
import request from 'supertest';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';
import { startReplica } from './__testUtils__/startReplica';
import { countRows } from './__testUtils__/tableSnapshot';
import {
  FakeUpstream,
  PROVIDER_ID,
  UPSTREAM_URL,
  upstreamProviderModule,
} from './__testUtils__/upstreamProvider';

jest.setTimeout(180_000);

const CHECKOUT = 'component:default/checkout-service';

const providerConfig = (retry: Record<string, number>) => ({
  delivery: {
    acme: {
      baseUrl: UPSTREAM_URL,
      entities: [CHECKOUT],
      pageSize: 50,
      retry,
    },
  },
});

/** A batch large enough that its transaction stays open for a while: deployments linking changes. */
function largeBatch(size: number) {
  const half = size / 2;
  return [
    ...Array.from({ length: half }, (_, i) => ({
      type: 'change',
      source: 'faults',
      id: `c-${i}`,
      entityRef: CHECKOUT,
      firstCommitAt: new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString(),
      title: `change ${i}`,
    })),
    ...Array.from({ length: half }, (_, i) => ({
      type: 'deployment',
      source: 'faults',
      id: `d-${i}`,
      entityRef: CHECKOUT,
      status: 'success',
      finishedAt: new Date(Date.UTC(2026, 9, 2) + i * 1000).toISOString(),
      changeIds: [`c-${i}`],
    })),
  ];
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

const POSTGRES = 'POSTGRES_15' as const;
// SQLite runs in the backend's own process: there is no connection to drop.
const describeOnPostgres = testDatabases.supports(POSTGRES)
  ? describe
  : describe.skip;

describeOnPostgres('the database connection dropped mid-batch', () => {
  it('on PostgreSQL: the batch is atomic, stores nothing, and its retry stores it once', async () => {
    const { server, knex } = await startDeliveryBackend(POSTGRES);
    const events = largeBatch(5000);
    const before = await countRows(knex);

    const pending = request(server)
      .post('/api/delivery/events')
      .send({ events })
      .then(response => response);
    // Terminate the backend's connection mid-transaction: its 2,500 changes are written (in
    // chunks of 200), and it has begun on the deployments.
    let terminated: { pid: number; query: string }[] = [];
    const deadline = Date.now() + 30_000;
    while (terminated.length === 0 && Date.now() < deadline) {
      const result = await knex.raw(
        `select pid, query, pg_terminate_backend(pid) as terminated
             from pg_stat_activity
            where datname = current_database()
              and pid <> pg_backend_pid()
              and xact_start is not null
              and query ilike 'insert into "delivery_deployments"%'`,
      );
      terminated = result.rows;
      if (terminated.length === 0) await sleep(5);
    }
    expect(terminated.length).toBeGreaterThan(0);
    const failed = await pending;
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await countRows(knex)).toEqual(before);

    const retried = await request(server)
      .post('/api/delivery/events')
      .send({ events });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({
      received: 5000,
      inserted: 5000,
      updated: 0,
    });
    const after = await countRows(knex);
    expect(after.delivery_deployments).toBe(2500);
    expect(after.delivery_changes).toBe(2500);
    expect(after.delivery_deployment_changes).toBe(2500);
    const firstDeployed = await knex('delivery_changes')
      .whereNotNull('first_deployed_at')
      .count({ n: '*' });
    expect(Number(firstDeployed[0].n)).toBe(2500);
    // eslint-disable-next-line no-console
    console.info(
      `connection drop: terminated ${JSON.stringify(
        terminated.map(t => t.query.slice(0, 60)),
      )}, failed request answered ${failed.status}`,
    );
  });
});

describe.each(testDatabases.eachSupportedId())(
  'provider faults on %p',
  databaseId => {
    const upstream = new FakeUpstream();
    const msw = setupServer(...upstream.handlers());
    beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => msw.close());
    beforeEach(() => {
      upstream.deployments.clear();
      upstream.requests.length = 0;
      upstream.served.clear();
      upstream.dead.clear();
    });

    it('retries 429 (after Retry-After), 5xx and timeouts with backoff; reports the failure when retries run out; the next sync succeeds', async () => {
      upstream.seed('checkout-service', 120, 'f');
      const { module, probe } = upstreamProviderModule({
        instance: 'one',
        schedule: false,
      });
      const { server, knex } = await startDeliveryBackend(databaseId, {
        config: providerConfig({
          retries: 3,
          baseDelayMs: 50,
          maxDelayMs: 2000,
          timeoutMs: 300,
        }),
        features: [module],
      });
      const page = (n: number) => (r: { page: number }) => r.page === n;
      upstream.fail(
        { kind: 'status', status: 429, retryAfter: '1' },
        { match: page(1) },
      );
      upstream.fail(
        { kind: 'status', status: 503 },
        { times: 2, match: page(2) },
      );
      upstream.fail({ kind: 'timeout' }, { match: page(3) });

      const timed: number[] = [];
      const startedAt = Date.now();
      await probe.sync();
      timed.push(Date.now() - startedAt);

      const outcomes = upstream.requests.map(r => `${r.page}:${r.outcome}`);
      expect(outcomes).toEqual([
        '1:429',
        '1:200',
        '2:503',
        '2:503',
        '2:200',
        '3:timeout',
        '3:200',
      ]);
      // Retry-After: 1 waited out (a second); the two 503s backed off 50 then 100 ms.
      expect(timed[0]).toBeGreaterThanOrEqual(1000 + 50 + 100 + 300);
      expect(
        await knex('delivery_deployments')
          .where('source', PROVIDER_ID)
          .count({ n: '*' }),
      ).toEqual([{ n: databaseId === 'POSTGRES_15' ? '120' : 120 }]);
      expect([...upstream.served.values()].every(n => n === 1)).toBe(true);
      let status = await request(server)
        .get(`/api/delivery/sync-status?provider=${PROVIDER_ID}`)
        .expect(200);
      expect(status.body.items).toEqual([
        expect.objectContaining({
          entityRef: CHECKOUT,
          recordsSeen: 120,
          lastSuccessAt: expect.any(String),
        }),
      ]);
      expect(status.body.items[0].lastError).toBeUndefined();

      // Retries run out: the failure is in the sync status, nothing new stored, cursor kept.
      upstream.seed('checkout-service', 30, 'g', Date.UTC(2026, 10, 1));
      upstream.fail({ kind: 'status', status: 502 }, { times: 4 });
      await probe.sync();
      status = await request(server)
        .get(`/api/delivery/sync-status?provider=${PROVIDER_ID}`)
        .expect(200);
      const failedStatus = status.body.items[0];
      expect(failedStatus.lastError).toMatch(
        /GET https:\/\/acme-deploys\.test\/api\/v1\/deployments answered 502.*4 attempts/,
      );
      expect(Date.parse(failedStatus.lastErrorAt)).toBeGreaterThan(
        Date.parse(failedStatus.lastSuccessAt),
      );
      expect(failedStatus.recordsSeen).toBe(120);

      // The next sync resumes from the cursor and succeeds.
      await probe.sync();
      status = await request(server)
        .get(`/api/delivery/sync-status?provider=${PROVIDER_ID}`)
        .expect(200);
      const recovered = status.body.items[0];
      expect(recovered.recordsSeen).toBe(150);
      expect(Date.parse(recovered.lastSuccessAt)).toBeGreaterThan(
        Date.parse(recovered.lastErrorAt),
      );
      const last = upstream.requests[upstream.requests.length - 1];
      expect(last.updatedAfter).toBe(
        upstream.deployments.get('checkout-service')![119].updated_at,
      );
      expect(upstream.served.size).toBe(150);
      expect([...upstream.served.values()].every(n => n === 1)).toBe(true);
    });

    it('resumes from the stored cursor when the backend is restarted during a sync, without duplicates', async () => {
      const records = upstream.seed('checkout-service', 200, 'r');
      let release: (how: 'answer' | 'networkError') => void = () => {};
      upstream.fail(
        {
          kind: 'hold',
          release: new Promise(resolve => {
            release = resolve;
          }),
        },
        { match: r => r.instance === 'first' && r.page === 3 },
      );
      const first = upstreamProviderModule({
        instance: 'first',
        schedule: false,
      });
      const config = providerConfig({
        retries: 1,
        baseDelayMs: 10,
        maxDelayMs: 20,
        timeoutMs: 2000,
      });
      const knex = await testDatabases.init(databaseId);
      const firstBackend = await startReplica({
        knex,
        config,
        features: [first.module],
      });
      const interrupted = first.probe.sync();
      while (!upstream.requests.some(r => r.outcome === 'held')) {
        await sleep(10);
      }
      // Two pages stored, the third in flight: the backend stops and its upstream calls fail.
      upstream.dead.add('first');
      await firstBackend.stop();
      release('networkError');
      await interrupted;
      expect(
        await knex('delivery_deployments')
          .where('source', PROVIDER_ID)
          .count({ n: '*' }),
      ).toEqual([{ n: databaseId === 'POSTGRES_15' ? '100' : 100 }]);

      const second = upstreamProviderModule({
        instance: 'second',
        schedule: false,
      });
      const restarted = await startReplica({
        knex,
        config,
        features: [second.module],
      });
      await second.probe.sync();

      const secondRequests = upstream.requests.filter(
        r => r.instance === 'second',
      );
      expect(secondRequests[0]).toMatchObject({
        page: 1,
        updatedAfter: records[99].updated_at,
      });
      const ids = await knex('delivery_deployments')
        .where('source', PROVIDER_ID)
        .pluck('id');
      expect(ids).toHaveLength(200);
      expect(new Set(ids).size).toBe(200);
      // Every upstream record was fetched in exactly one stored page.
      expect(upstream.served.size).toBe(200);
      expect([...upstream.served.values()].every(n => n === 1)).toBe(true);
      const status = await request(restarted.server)
        .get(`/api/delivery/sync-status?provider=${PROVIDER_ID}`)
        .expect(200);
      expect(status.body.items).toEqual([
        expect.objectContaining({
          entityRef: CHECKOUT,
          recordsSeen: 200,
          lastSuccessAt: expect.any(String),
        }),
      ]);
    });
  },
);
