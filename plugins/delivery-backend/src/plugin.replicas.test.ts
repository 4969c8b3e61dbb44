import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { setupServer } from 'msw/node';
import { randomUUID } from 'node:crypto';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { testDatabases } from './__testUtils__/startDeliveryBackend';
import { secondPool, startReplica } from './__testUtils__/startReplica';
import {
  FakeUpstream,
  PROVIDER_ID,
  SyncRun,
  UPSTREAM_URL,
  upstreamProviderModule,
} from './__testUtils__/upstreamProvider';

/**
 * Two backend instances on one PostgreSQL database, each with its own connection pool, as two
 * replicas of a deployment. SQLite is embedded in one process, so there is nothing to replicate.
 */
const POSTGRES = 'POSTGRES_15' as const;
const describeOnPostgres = testDatabases.supports(POSTGRES)
  ? describe
  : describe.skip;

jest.setTimeout(180_000);

const CHECKOUT = 'component:default/checkout-service';
const DEPLOYMENTS = 150;
const CHANGES = 150;
const BATCHES_PER_REPLICA = 8;
const IN_FLIGHT_PER_REPLICA = 2;

/** Seeded shuffle, so that a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/** Every field of every record derives from the version, so a row mixing two versions shows. */
function batchOf(version: string, versionNumber: number, seed: number) {
  const base = Date.UTC(2026, 9, 1) + versionNumber * 60_000;
  const deployments = Array.from({ length: DEPLOYMENTS }, (_, i) => ({
    type: 'deployment',
    source: 'replica',
    id: `d-${i}`,
    entityRef: CHECKOUT,
    environment: version,
    status: versionNumber % 2 ? 'success' : 'failure',
    startedAt: new Date(base + i).toISOString(),
    finishedAt: new Date(base + i + 1000).toISOString(),
    changeIds: [`c-${i}`, `c-${i}-${version}`],
    url: `https://ci.test/${version}/d-${i}`,
  }));
  const changes = Array.from({ length: CHANGES }, (_, i) => ({
    type: 'change',
    source: 'replica',
    id: `c-${i}`,
    entityRef: CHECKOUT,
    firstCommitAt: new Date(base - 3_600_000 + i).toISOString(),
    title: `change ${i} of ${version}`,
    author: version,
  }));
  // Half the batches in key order, half in reverse: the opposite lock orders most likely to
  // deadlock if writers did not lock rows in one order.
  const events = [...deployments, ...changes];
  return seed % 2 ? events.reverse() : shuffled(events, seed);
}

describeOnPostgres('two replicas on one PostgreSQL database', () => {
  const upstream = new FakeUpstream();
  const msw = setupServer(...upstream.handlers());
  const pools: Knex[] = [];

  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterAll(async () => {
    msw.close();
    await Promise.all(pools.map(pool => pool.destroy()));
  });

  async function startPair(
    config: JsonObject = {},
    features: (
      instance: string,
    ) => Parameters<typeof startReplica>[0]['features'] = () => [],
  ) {
    const knexA = await testDatabases.init(POSTGRES);
    const knexB = secondPool(knexA);
    pools.push(knexB);
    // One after the other: knex refuses to migrate while another process holds the migration lock.
    const a = await startReplica({
      knex: knexA,
      config,
      features: features('a'),
    });
    const b = await startReplica({
      knex: knexB,
      config,
      features: features('b'),
    });
    return { a, b, knex: knexA };
  }

  it('ingests overlapping batches from both concurrently: no duplicates, no lost key, no mixed row', async () => {
    const { a, b, knex } = await startPair();
    const delivered = new Map<string, number>();
    const results: {
      version: string;
      status: number;
      inserted?: number;
      updated?: number;
      outdated?: number;
    }[] = [];
    let versionCounter = 0;
    let inFlight = 0;
    let maxInFlight = 0;

    const replica = async (name: string, server: Server) => {
      let next = 0;
      const worker = async () => {
        while (next < BATCHES_PER_REPLICA) {
          next++;
          const versionNumber = ++versionCounter;
          const version = `${name}${versionNumber}`;
          delivered.set(version, versionNumber);
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          const response = await request(server)
            .post('/api/delivery/events')
            .send({
              events: batchOf(version, versionNumber, versionNumber * 7919),
            });
          inFlight--;
          results.push({
            version,
            status: response.status,
            inserted: response.body.inserted,
            updated: response.body.updated,
            outdated: response.body.outdated,
          });
        }
      };
      await Promise.all(
        Array.from({ length: IN_FLIGHT_PER_REPLICA }, () => worker()),
      );
    };
    // Watches how many ingestion transactions are open in PostgreSQL at once.
    let ingesting = true;
    let maxOpenTransactions = 0;
    const watcher = (async () => {
      while (ingesting) {
        const { rows } = await knex.raw(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()
              and xact_start is not null`,
        );
        maxOpenTransactions = Math.max(maxOpenTransactions, rows[0].n);
        await new Promise(resolve => setTimeout(resolve, 5));
      }
    })();
    await Promise.all([replica('a', a.server), replica('b', b.server)]);
    ingesting = false;
    await watcher;

    expect(results.filter(r => r.status !== 200)).toEqual([]);
    // The batches really were in flight together, on both replicas.
    expect(maxInFlight).toBe(2 * IN_FLIGHT_PER_REPLICA);
    expect(maxOpenTransactions).toBeGreaterThanOrEqual(2);
    expect(results).toHaveLength(2 * BATCHES_PER_REPLICA);
    // eslint-disable-next-line no-console
    console.info(
      `concurrent ingestion: ${results.length} batches, at most ${maxOpenTransactions} transactions open at once`,
    );
    // Each key was inserted by exactly one batch, and updated or found outdated by all the others.
    const total = DEPLOYMENTS + CHANGES;
    expect(results.reduce((sum, r) => sum + r.inserted!, 0)).toBe(total);
    expect(
      results.reduce((sum, r) => sum + r.updated! + (r.outdated ?? 0), 0),
    ).toBe(total * (results.length - 1));

    const deployments = await knex('delivery_deployments')
      .where('source', 'replica')
      .orderBy('id');
    const changes = await knex('delivery_changes')
      .where('source', 'replica')
      .orderBy('id');
    const links = await knex('delivery_deployment_changes').where(
      'source',
      'replica',
    );
    expect(deployments).toHaveLength(DEPLOYMENTS);
    expect(changes).toHaveLength(CHANGES);
    expect(new Set(deployments.map(d => d.id)).size).toBe(DEPLOYMENTS);

    // Every row is one delivered version, whole: all its columns and its links from that version.
    for (const row of deployments) {
      const version = row.environment as string;
      const versionNumber = delivered.get(version)!;
      expect(versionNumber).toBeDefined();
      const i = Number(row.id.slice(2));
      const base = Date.UTC(2026, 9, 1) + versionNumber * 60_000;
      expect({
        status: row.status,
        started: Number(row.started_at),
        finished: Number(row.finished_at),
        url: row.url,
        links: links
          .filter(l => l.deployment_id === row.id)
          .map(l => l.change_id)
          .sort(),
      }).toEqual({
        status: versionNumber % 2 ? 'success' : 'failure',
        started: base + i,
        finished: base + i + 1000,
        url: `https://ci.test/${version}/${row.id}`,
        links: [`c-${i}`, `c-${i}-${version}`].sort(),
      });
    }
    for (const row of changes) {
      const version = row.author as string;
      expect(delivered.has(version)).toBe(true);
      expect(row.title).toBe(`change ${row.id.slice(2)} of ${version}`);
    }
    // Every batch held every key, each version's times later than the one before: whatever the
    // order the transactions committed in, the newest version is every row, deployments and
    // changes alike (an older one arriving after it is outdated).
    const versions = new Set([
      ...deployments.map(d => d.environment),
      ...changes.map(c => c.author),
    ]);
    const newest = [...delivered.entries()].sort((x, y) => y[1] - x[1])[0][0];
    expect([...versions]).toEqual([newest]);
    // Each change's first production deployment is consistent with the stored links.
    const firstDeployed = await knex('delivery_changes')
      .where('source', 'replica')
      .whereNotNull('first_deployed_at')
      .count({ n: '*' });
    expect(Number(firstDeployed[0].n)).toBeLessThanOrEqual(CHANGES);
  });

  it('runs the scheduled provider sync once per interval across both replicas (and on one when the other stops), ingesting each record once', async () => {
    const INTERVAL_MS = 1000;
    upstream.seed('checkout-service', 120, 'sched');
    const runs: SyncRun[] = [];
    const { a, b, knex } = await startPair(
      {
        delivery: {
          acme: {
            baseUrl: UPSTREAM_URL,
            entities: [CHECKOUT],
            pageSize: 50,
            frequencyMs: INTERVAL_MS,
            retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 50 },
          },
        },
      },
      instance => {
        const { module, probe } = upstreamProviderModule({
          instance,
          runDurationMs: 300,
        });
        probe.runs = runs;
        return [module];
      },
    );
    const waitForRuns = async (count: number) => {
      const deadline = Date.now() + 30_000;
      while (runs.filter(r => r.endedAt).length < count) {
        if (Date.now() > deadline) {
          throw new Error(`only ${runs.length} runs after 30 s`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
      }
    };
    await waitForRuns(3);
    // Replica a goes away; b carries on at the same pace and picks up new upstream records once.
    await a.stop();
    const stoppedAt = Date.now();
    upstream.seed('checkout-service', 30, 'later', Date.UTC(2026, 10, 1));
    await waitForRuns(6);
    expect(
      runs.filter(r => r.instance === 'b' && r.startedAt > stoppedAt).length,
    ).toBeGreaterThanOrEqual(2);

    const ordered = [...runs].sort((x, y) => x.startedAt - y.startedAt);
    expect(ordered.filter(r => r.error)).toEqual([]);
    // Never two runs at once (each run lasts at least 300 ms, so an overlap would show).
    for (let i = 1; i < ordered.length; i++) {
      expect(ordered[i].startedAt).toBeGreaterThanOrEqual(
        ordered[i - 1].endedAt ?? Number.POSITIVE_INFINITY,
      );
    }
    // Once per interval: the scheduler plans run k at first + k * interval (or later, when a run
    // overruns), and a worker notices a due run within one polling period (= the interval), so n
    // runs span at least (n - 2) intervals. Both replicas running every interval would be 2n.
    const span = ordered[ordered.length - 1].startedAt - ordered[0].startedAt;
    expect(ordered.length - 2).toBeLessThanOrEqual(span / INTERVAL_MS);
    expect(ordered.length).toBeGreaterThanOrEqual(6);
    const deployments = await knex('delivery_deployments')
      .where('source', PROVIDER_ID)
      .pluck('id');
    expect(deployments).toHaveLength(150);
    expect(new Set(deployments).size).toBe(150);
    // Each upstream record was served in exactly one page: no run repeated another's work.
    expect([...upstream.served.values()].every(n => n === 1)).toBe(true);
    expect(upstream.served.size).toBe(150);

    const status = await request(b.server)
      .get(`/api/delivery/sync-status?provider=${PROVIDER_ID}`)
      .expect(200);
    expect(status.body.items).toEqual([
      expect.objectContaining({
        entityRef: CHECKOUT,
        recordsSeen: 150,
        lastSuccessAt: expect.any(String),
      }),
    ]);
    // eslint-disable-next-line no-console
    console.info(
      `scheduled sync on two replicas: ${JSON.stringify({
        runs: ordered.length,
        spanMs: span,
        byInstance: {
          a: ordered.filter(r => r.instance === 'a').length,
          b: ordered.filter(r => r.instance === 'b').length,
        },
        gapsMs: ordered
          .slice(1)
          .map((r, i) => r.startedAt - (ordered[i].endedAt ?? 0)),
      })}`,
    );
  });

  it('reads scorecards and time series through a shared Redis cache: never a stale number after an ingestion on either replica', async () => {
    const { a, b, knex } = await startPair(
      {
        backend: {
          cache: {
            store: 'redis',
            connection: 'redis://127.0.0.1:6379',
            // Other runs share this Redis: their keys must not meet ours.
            redis: { client: { namespace: `delivery-test-${randomUUID()}` } },
          },
        },
      },
      () => [cacheServiceFactory],
    );
    const window = 'from=2026-10-01T00:00:00.000Z&to=2026-10-31T00:00:00.000Z';
    const reads = [
      `entities/component/default/checkout-service/scorecard?${window}`,
      `entities/group/default/team-checkout/scorecard?${window}`,
      `organization/scorecard?${window}`,
      // No `to`: a sliding window, cached under the request instead of its instants.
      `entities/group/default/team-checkout/scorecard`,
    ];
    const deployments = (body: any) => body.dora.deploymentFrequency.sampleSize;
    const deploymentOn = (n: number, at: number) => ({
      type: 'deployment',
      source: 'cache',
      id: `d-${n}`,
      entityRef: CHECKOUT,
      environment: 'production',
      status: 'success',
      finishedAt: new Date(at).toISOString(),
    });
    const servers = [a.server, b.server];
    for (let n = 1; n <= 6; n++) {
      const writer = servers[n % 2];
      await request(writer)
        .post('/api/delivery/events')
        .send({
          events: [
            deploymentOn(n, Date.UTC(2026, 9, 10, n)),
            // Also one inside the sliding window (the last 30 days).
            deploymentOn(100 + n, Date.now() - n * 3_600_000),
          ],
        })
        .expect(200);
      for (const server of servers) {
        for (const path of reads) {
          const first = await request(server)
            .get(`/api/delivery/${path}`)
            .expect(200);
          const second = await request(server)
            .get(`/api/delivery/${path}`)
            .expect(200);
          expect({ path, n: deployments(first.body) }).toEqual({ path, n });
          expect(deployments(second.body)).toBe(n);
        }
        const series = await request(server)
          .get(
            `/api/delivery/entities/group/default/team-checkout/timeseries?metric=deploymentFrequency&bucket=week&${window}`,
          )
          .expect(200);
        expect(
          series.body.points.reduce(
            (sum: number, p: { sampleSize: number }) => sum + p.sampleSize,
            0,
          ),
        ).toBe(n);
      }
    }

    // The reads were served from the cache: records removed behind the plugin's back (no
    // version raised) still show, on both replicas...
    await knex('delivery_deployments').where({ source: 'cache' }).delete();
    for (const server of servers) {
      const cached = await request(server)
        .get(`/api/delivery/${reads[1]}`)
        .expect(200);
      expect(deployments(cached.body)).toBe(6);
    }
    // ...while a deletion through the API raises the version and every replica recomputes.
    await request(a.server)
      .delete(`/api/delivery/records?source=cache`)
      .expect(200);
    for (const server of servers) {
      for (const path of reads) {
        const fresh = await request(server)
          .get(`/api/delivery/${path}`)
          .expect(200);
        expect(deployments(fresh.body)).toBe(0);
      }
    }
  });
});
