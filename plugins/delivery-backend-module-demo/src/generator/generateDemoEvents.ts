import { DemoProfile } from './profiles';
import { logNormal, poisson, seededRandom } from './random';

export const DEMO_SOURCE = 'demo';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type DemoEvent = Record<string, unknown> & {
  type: string;
  source: string;
  id: string;
  entityRef: string;
};

/** One service's demo history: its profile, from `from` up to `now`. */
export type DemoRange = {
  entityRef: string;
  profile: DemoProfile;
  from: Date;
  now: Date;
};

const unpack = ({ entityRef, profile, now }: DemoRange) => ({
  entityRef,
  profile,
  name: entityRef.split('/').pop()!,
  now: now.getTime(),
});

const iso = (ms: number) => new Date(ms).toISOString();

/** A two-week iteration name, e.g. `2026-S23`, the same for every service. */
const sprintOf = (ms: number) => {
  const day = Math.floor(ms / DAY_MS);
  const year = new Date(ms).getUTCFullYear();
  const sprint =
    Math.floor((day - Math.floor(Date.UTC(year, 0, 1) / DAY_MS)) / 14) + 1;
  return `${year}-S${String(sprint).padStart(2, '0')}`;
};

/**
 * The demo records of one service for the days in [from, now). Each UTC day draws from its own
 * seed (service and date), so a later run regenerates earlier days identically and only adds
 * what happened since: ids are stable, re-ingesting updates instead of duplicating. Anything that
 * would lie after `now` (a resolution, a completion) is left open until a later run.
 */
export function generateDemoEvents(options: DemoRange): DemoEvent[] {
  const { entityRef, profile, name, now } = unpack(options);
  const events: DemoEvent[] = [];
  const base = { source: DEMO_SOURCE, entityRef };
  const firstDay = Math.floor(options.from.getTime() / DAY_MS) * DAY_MS;

  for (let day = firstDay; day < now; day += DAY_MS) {
    const date = iso(day).slice(0, 10);
    const random = seededRandom(`${entityRef}|${date}`);
    const weekend = [0, 6].includes(new Date(day).getUTCDay());
    const activity = weekend ? 0.2 : 1.3;

    const drawn = poisson(random, profile.deploymentsPerDay * activity);
    const weekIndex = Math.floor((day / DAY_MS + 3) / 7);
    let deployments = drawn;
    if (profile.deployEveryNthWeek) {
      deployments =
        new Date(day).getUTCDay() === 2 &&
        weekIndex % profile.deployEveryNthWeek === 0
          ? 1
          : 0;
    }
    for (let n = 0; n < deployments; n++) {
      const id = `${name}-${date}-${n}`;
      const finishedAt = day + (8 + random() * 10) * HOUR_MS;
      const startedAt = finishedAt - (5 + random() * 20) * 60_000;
      if (finishedAt >= now) continue;
      const roll = random();
      let status = 'success';
      if (roll < profile.pipelineFailureRate) {
        status = 'failure';
      } else if (roll < profile.pipelineFailureRate + profile.rollbackRate) {
        status = 'rolled_back';
      }

      const changeIds: string[] = [];
      const changes = 1 + poisson(random, profile.changesPerDeployment - 1);
      for (let c = 0; c < changes; c++) {
        const changeId = `${id}-pr${c}`;
        const leadTime =
          logNormal(random, profile.leadTimeMedianHours, 0.6) * HOUR_MS;
        changeIds.push(changeId);
        events.push({
          ...base,
          type: 'change',
          id: changeId,
          firstCommitAt: iso(finishedAt - leadTime),
          mergedAt: iso(finishedAt - Math.min(leadTime, HOUR_MS) * random()),
          title: `Demo change ${c + 1} of ${id}`,
          author: `dev${1 + Math.floor(random() * 6)}@northwind.example`,
        });
      }
      events.push({
        ...base,
        type: 'deployment',
        id,
        environment: 'production',
        status,
        startedAt: iso(startedAt),
        finishedAt: iso(finishedAt),
        changeIds,
      });
      // A rolled-back deployment is followed by the rollback itself, a deployment of its own.
      const rollbackAt = finishedAt + 15 * 60_000;
      if (status === 'rolled_back' && rollbackAt < now) {
        events.push({
          ...base,
          type: 'deployment',
          id: `${id}-rollback`,
          environment: 'production',
          status: 'success',
          reason: 'rollback',
          startedAt: iso(rollbackAt - 5 * 60_000),
          finishedAt: iso(rollbackAt),
        });
      }

      if (
        status !== 'failure' &&
        random() < profile.incidentPerDeploymentRate
      ) {
        const openedAt = finishedAt + (10 + random() * 110) * 60_000;
        const resolvedAt =
          openedAt +
          logNormal(random, profile.restoreMedianHours, 0.8) * HOUR_MS;
        if (openedAt < now) {
          events.push({
            ...base,
            type: 'incident',
            id: `${id}-incident`,
            severity: random() < 0.3 ? 'SEV1' : 'SEV2',
            title: `Errors after deployment ${id}`,
            openedAt: iso(openedAt),
            acknowledgedAt: iso(Math.min(openedAt + 5 * 60_000, now - 1)),
            ...(resolvedAt < now ? { resolvedAt: iso(resolvedAt) } : {}),
            // Like most incident tools, every other incident names no deployment: its cause is
            // inferred (docs/metrics.md, Attribution).
            ...(n % 2 === 0 ? { causedByDeploymentId: id } : {}),
          });
          // The fix forward: a hotfix deployment that resolves the incident.
          if (resolvedAt < now) {
            events.push({
              ...base,
              type: 'deployment',
              id: `${id}-hotfix`,
              environment: 'production',
              status: 'success',
              reason: 'hotfix',
              fixesIncidentIds: [`${id}-incident`],
              startedAt: iso(resolvedAt - 15 * 60_000),
              finishedAt: iso(resolvedAt),
            });
          }
        }
      }
    }

    const items = poisson(random, profile.itemsPerDay * activity);
    for (let n = 0; n < items; n++) {
      const createdAt = day + random() * DAY_MS;
      const startedAt = createdAt + random() * 3 * DAY_MS;
      const cycle =
        logNormal(random, profile.cycleTimeMedianHours, 0.5) * HOUR_MS;
      const completedAt = startedAt + cycle;
      const bug = random() < profile.bugShare;
      const kind = random() < 0.8 ? 'story' : 'task';
      if (createdAt >= now) continue;
      events.push({
        ...base,
        type: 'workItem',
        id: `${name}-${date}-item${n}`,
        kind: bug ? 'bug' : kind,
        sprint: sprintOf(startedAt),
        createdAt: iso(createdAt),
        ...(startedAt < now ? { startedAt: iso(startedAt) } : {}),
        ...(completedAt < now ? { completedAt: iso(completedAt) } : {}),
        escaped: bug && random() < profile.escapeRate,
        points: [1, 2, 3, 5, 8][Math.floor(random() * 5)],
        activeHours: Math.round((cycle / HOUR_MS) * (0.2 + random() * 0.3)),
      });
    }

    if (new Date(day).getUTCDay() === 1) {
      events.push({
        ...base,
        type: 'qualitySnapshot',
        id: `${name}-coverage-${date}`,
        at: iso(day + 6 * HOUR_MS),
        lineCoverage: Math.min(
          100,
          Math.max(0, profile.coverage + (random() - 0.5) * 6),
        ),
        branchCoverage: Math.min(
          100,
          Math.max(0, profile.coverage - 10 + (random() - 0.5) * 6),
        ),
      });
    }
  }
  return events;
}

/** How far back the demo SLI samples are five-minute buckets (enough for every burn-rate window). */
const FINE_SAMPLES_MS = 3 * DAY_MS;
const FINE_BUCKET_MS = 5 * 60_000;

/**
 * Availability samples of one service for [from, now): hourly buckets, and five-minute buckets
 * over the last three days so that the short burn-rate windows (5m, 30m) have data.
 */
export function generateDemoSliSamples(options: DemoRange): DemoEvent[] {
  const { entityRef, profile, name, now } = unpack(options);
  const samples: DemoEvent[] = [];
  const fineFrom = Math.floor((now - FINE_SAMPLES_MS) / HOUR_MS) * HOUR_MS;
  const sizeAt = (bucket: number) =>
    bucket >= fineFrom ? FINE_BUCKET_MS : HOUR_MS;
  for (
    let bucket = Math.floor(options.from.getTime() / HOUR_MS) * HOUR_MS;
    bucket + sizeAt(bucket) <= now;
    bucket += sizeAt(bucket)
  ) {
    const size = sizeAt(bucket);
    const timestamp = iso(bucket);
    const random = seededRandom(`${entityRef}|${timestamp}|${size}`);
    const total = Math.round(((8000 + random() * 4000) * size) / HOUR_MS);
    const burst = random() < 0.01 ? 20 : 1;
    const errorRate = Math.min(1, profile.errorRate * burst * (0.5 + random()));
    samples.push({
      type: 'sliSample',
      source: DEMO_SOURCE,
      id: `${name}-availability-${timestamp}`,
      entityRef,
      slo: 'availability',
      timestamp,
      // Rounding at random keeps small error rates visible in small buckets.
      good: total - Math.min(total, Math.floor(total * errorRate + random())),
      total,
    });
  }
  return samples;
}
