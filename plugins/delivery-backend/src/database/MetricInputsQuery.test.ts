import { DatabaseService } from '@backstage/backend-plugin-api';
import { DeliveryStore } from './DeliveryStore';
import { MetricInputsQuery } from './MetricInputsQuery';
import { testDatabases } from '../__testUtils__/startDeliveryBackend';
import { parseEventBatch } from '../ingestion/parseEventBatch';
import { mean, median, percentile } from '../metrics/statistics';
import type { TimeWindow, WindowInputs } from '../metrics';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const HOUR = 3_600_000;
const start = Date.parse('2026-09-01T00:00:00Z');
const entities = ['svc-a', 'svc-b', 'svc-c'].map(
  name => `component:default/${name}`,
);

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Deployment = {
  id: string;
  entityRef: string;
  status: string;
  environment: string;
  finishedAt: number;
  changeIds: string[];
};
type Change = { id: string; entityRef: string; firstCommitAt: number };
type Incident = { id: string; entityRef: string; cause?: string };

/**
 * Sixty days of three services with millisecond-precise instants, so percentiles interpolate
 * between unequal neighbours, plus failed, staging and rolled-back deployments, and incidents that
 * name deployments (one twice, one of another service, one that does not exist).
 */
function generate() {
  const next = random(9);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const deployments: Deployment[] = [];
  const changes: Change[] = [];
  for (let d = 0; d < 160; d++) {
    const entityRef = pick(entities);
    const changeIds = Array.from(
      { length: 1 + Math.floor(next() * 3) },
      (_, c) => `c${d}-${c}`,
    );
    // Some changes ship again in a later deployment, which must not count twice.
    if (d > 10 && next() < 0.2) changeIds.push(`c${d - 7}-0`);
    const finishedAt = start + Math.floor(next() * 60 * DAY);
    deployments.push({
      id: `d${d}`,
      entityRef,
      status: pick(['success', 'success', 'success', 'rolled_back', 'failure']),
      environment: next() < 0.85 ? 'production' : 'staging',
      finishedAt,
      changeIds,
    });
    for (const id of changeIds.filter(c => c.startsWith(`c${d}-`))) {
      changes.push({
        id,
        entityRef,
        firstCommitAt: finishedAt - Math.floor(next() * 9 * DAY) + HOUR,
      });
    }
  }
  const incidents: Incident[] = Array.from({ length: 40 }, (_, i) => ({
    id: `i${i}`,
    entityRef: pick(entities),
    cause: next() < 0.7 ? pick(deployments).id : undefined,
  }));
  incidents.push(
    { id: 'twice', entityRef: entities[0], cause: incidents[0].cause ?? 'd1' },
    { id: 'nowhere', entityRef: entities[1], cause: 'no-such-deployment' },
  );
  return { deployments, changes, incidents };
}

/** PostgreSQL's `avg` sums in another order than JavaScript: equal to 9 decimals, not to the bit. */
const roundedMean = (value: number | null) =>
  value === null ? null : Math.round(value * 1e9) / 1e9;

/** The window's lead-time median/p90 and failed deployments, computed from the events alone. */
function expected(
  data: ReturnType<typeof generate>,
  scope: string[] | null,
  window: { from: number; to: number },
) {
  const inScope = (entityRef: string) =>
    scope === null || scope.includes(entityRef);
  const reached = data.deployments.filter(
    d =>
      d.environment === 'production' &&
      ['success', 'rolled_back'].includes(d.status),
  );
  const firstDeployed = new Map<string, number>();
  for (const d of reached) {
    for (const id of d.changeIds) {
      firstDeployed.set(
        id,
        Math.min(firstDeployed.get(id) ?? Infinity, d.finishedAt),
      );
    }
  }
  const hours = data.changes
    .filter(c => inScope(c.entityRef))
    .flatMap(c => {
      const at = firstDeployed.get(c.id);
      return at !== undefined &&
        at >= window.from &&
        at < window.to &&
        at >= c.firstCommitAt
        ? [(at - c.firstCommitAt) / HOUR]
        : [];
    });
  const causes = new Set(data.incidents.map(i => i.cause));
  const counted = reached.filter(
    d =>
      inScope(d.entityRef) &&
      d.finishedAt >= window.from &&
      d.finishedAt < window.to,
  );
  return {
    leadTime: {
      sampleSize: hours.length,
      mean: roundedMean(mean(hours)),
      median: median(hours),
      p90: percentile(hours, 0.9),
    },
    countedDeployments: counted.length,
    failedDeployments: counted.filter(
      d => d.status === 'rolled_back' || causes.has(d.id),
    ).length,
  };
}

/** What the scorecard reads of an input, whichever form the database answered in. */
const summary = (inputs: WindowInputs) => ({
  leadTime: inputs.leadTime
    ? { ...inputs.leadTime, mean: roundedMean(inputs.leadTime.mean) }
    : {
        sampleSize: inputs.leadTimesHours.length,
        mean: roundedMean(mean(inputs.leadTimesHours)),
        median: median(inputs.leadTimesHours),
        p90: percentile(inputs.leadTimesHours, 0.9),
      },
  countedDeployments: inputs.countedDeployments,
  failedDeployments: inputs.failedDeployments,
});

describe.each(testDatabases.eachSupportedId())(
  'MetricInputsQuery on %p',
  databaseId => {
    it('answers lead-time percentiles and failed deployments exactly as the definitions compute them', async () => {
      const knex = await testDatabases.init(databaseId);
      const store = await DeliveryStore.create({
        getClient: async () => knex,
      } as DatabaseService);
      const data = generate();
      const iso = (ms: number) => new Date(ms).toISOString();
      await store.upsert(
        parseEventBatch({
          events: [
            ...data.deployments.map(d => ({
              type: 'deployment',
              source: 'github',
              id: d.id,
              entityRef: d.entityRef,
              environment: d.environment,
              status: d.status,
              finishedAt: iso(d.finishedAt),
              changeIds: d.changeIds,
            })),
            ...data.changes.map(c => ({
              type: 'change',
              source: 'github',
              id: c.id,
              entityRef: c.entityRef,
              firstCommitAt: iso(c.firstCommitAt),
            })),
            ...data.incidents.map(i => ({
              type: 'incident',
              source: 'github',
              id: i.id,
              entityRef: i.entityRef,
              severity: 'sev2',
              openedAt: iso(start + DAY),
              causedByDeploymentId: i.cause,
            })),
          ],
        }),
      );

      const spans = [
        { from: start, to: start + 30 * DAY },
        { from: start + 30 * DAY, to: start + 60 * DAY },
        // A week, an empty window, and one that overlaps the others.
        { from: start + 7 * DAY, to: start + 14 * DAY },
        { from: start - 30 * DAY, to: start },
        { from: start + 20 * DAY, to: start + 45 * DAY },
      ];
      const windows: TimeWindow[] = spans.map(s => ({
        from: new Date(s.from),
        to: new Date(s.to),
      }));
      // Declared causes only: inference has its own tests (metrics/dora.test.ts, HTTP tests).
      const query = new MetricInputsQuery(knex, { attributionWindowHours: 0 });
      const answer = async (scope: string[] | null) =>
        (await query.readWindows(scope, windows)).map(summary);
      for (const scope of [null, entities, [entities[1]]]) {
        expect(await answer(scope)).toEqual(
          spans.map(s => expected(data, scope, s)),
        );
      }
      // Not a vacuous comparison: the windows hold interpolated, failed and rolled-back samples.
      const organisation = await answer(null);
      expect(organisation[0].leadTime.sampleSize).toBeGreaterThan(50);
      expect(organisation[0].failedDeployments).toBeGreaterThan(10);
      expect(organisation[3].leadTime).toEqual({
        sampleSize: 0,
        mean: null,
        median: null,
        p90: null,
      });
    });
  },
);
